// minutes-query: placeholder until its issue lands; the search core is not built yet.
#include <iostream>

int main() {
    std::cerr << "minutes-query: not available in this build yet\n";
    return 3;
}
