// Runs a risky extraction (poppler on an untrusted PDF) in a forked child with CPU, memory and
// wall-clock limits, so that a crash or a hang fails one file instead of the indexer.
#include <poll.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <new>

#include "readers.h"

// RLIMIT_AS breaks AddressSanitizer (it reserves terabytes of shadow memory up front), so sanitizer
// builds run the child without an address-space limit; the CPU and wall-clock limits still apply.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define MINUTES_NO_ADDRESS_LIMIT 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define MINUTES_NO_ADDRESS_LIMIT 1
#endif
#endif

namespace minutes {
namespace {

// Exit statuses the child uses to say why it stopped without a payload.
constexpr int kChildOutOfMemory = 97;
constexpr int kChildFailed = 98;

// The address space this process already has: the child inherits it, so its limit must add to it.
std::size_t current_address_space() {
    std::FILE* statm = std::fopen("/proc/self/statm", "r");
    if (statm == nullptr) return 0;
    unsigned long pages = 0;
    if (std::fscanf(statm, "%lu", &pages) != 1) pages = 0;
    std::fclose(statm);
    return static_cast<std::size_t>(pages) * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

void set_limit(int resource, rlim_t soft, rlim_t hard) {
    struct rlimit limit {};
    limit.rlim_cur = soft;
    limit.rlim_max = hard;
    setrlimit(resource, &limit);
}

bool write_all(int fd, const char* data, std::size_t size) {
    while (size > 0) {
        ssize_t written = ::write(fd, data, size);
        if (written < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        data += written;
        size -= static_cast<std::size_t>(written);
    }
    return true;
}

[[noreturn]] void run_child(int fd, const std::function<std::string()>& work, const ChildLimits& limits,
                            std::size_t inherited_address_space) {
    // Keep only the standard streams and our pipe: a write end of another extraction's pipe, made by
    // another thread at the same time, would otherwise stay open here and delay that EOF.
    if (fd != 3) {
        if (::dup2(fd, 3) < 0) _exit(kChildFailed);
        fd = 3;
    }
    ::close_range(4, ~0U, 0);
    set_limit(RLIMIT_CORE, 0, 0);
    if (limits.cpu_seconds > 0) {
        auto cpu = static_cast<rlim_t>(limits.cpu_seconds);
        set_limit(RLIMIT_CPU, cpu, cpu + 1);  // SIGXCPU at the soft limit, SIGKILL one second later
    }
#ifndef MINUTES_NO_ADDRESS_LIMIT
    if (limits.memory_bytes > 0) {
        auto bytes = static_cast<rlim_t>(inherited_address_space + limits.memory_bytes);
        set_limit(RLIMIT_AS, bytes, bytes);
    }
#else
    (void)inherited_address_space;
#endif
    // The parent's own handlers (a crash reporter, a test framework's) must not run in the child:
    // a fatal signal has to end it so that the parent sees which signal it was.
    for (int signal_number : {SIGPIPE, SIGXCPU, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTERM, SIGINT})
        std::signal(signal_number, SIG_DFL);
    int status = 0;
    try {
        std::string payload = work();
        if (!write_all(fd, payload.data(), payload.size())) status = kChildFailed;
    } catch (const std::bad_alloc&) {
        status = kChildOutOfMemory;
    } catch (...) {
        status = kChildFailed;
    }
    ::close(fd);
    // _exit: the parent's atexit handlers and static destructors (open databases) must not run twice.
    _exit(status);
}

std::string describe_signal(int signal_number) {
    const char* name = strsignal(signal_number);
    return "signal " + std::to_string(signal_number) +
           (name != nullptr ? std::string(", ") + name : std::string());
}

}  // namespace

Result<std::string> run_in_child(const std::function<std::string()>& work, const ChildLimits& limits,
                                 const std::string& what) {
    int fds[2];
    if (::pipe(fds) != 0)
        return make_error(ErrorCode::Io, what + ": cannot create a pipe: " + std::strerror(errno));
    std::size_t inherited = current_address_space();
    std::fflush(nullptr);
    pid_t pid = ::fork();
    if (pid < 0) {
        int saved = errno;
        ::close(fds[0]);
        ::close(fds[1]);
        return make_error(ErrorCode::Unavailable,
                          what + ": cannot start a child process: " + std::strerror(saved));
    }
    if (pid == 0) {
        ::close(fds[0]);
        run_child(fds[1], work, limits, inherited);
    }
    ::close(fds[1]);

    using Clock = std::chrono::steady_clock;
    const auto deadline =
        Clock::now() + std::chrono::seconds(limits.timeout_seconds > 0 ? limits.timeout_seconds : 1);
    std::string payload;
    bool timed_out = false;
    bool too_much = false;
    char buffer[65536];
    for (;;) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) {
            timed_out = true;
            break;
        }
        struct pollfd waiting {};
        waiting.fd = fds[0];
        waiting.events = POLLIN;
        int ready = ::poll(&waiting, 1, static_cast<int>(left));
        if (ready < 0) {
            if (errno == EINTR) continue;
            break;
        }
        if (ready == 0) continue;  // the deadline is checked at the top
        ssize_t got = ::read(fds[0], buffer, sizeof buffer);
        if (got < 0) {
            if (errno == EINTR) continue;
            break;
        }
        if (got == 0) break;  // the child closed its end: finished or died
        payload.append(buffer, static_cast<std::size_t>(got));
        if (payload.size() > limits.max_output_bytes) {
            too_much = true;
            break;
        }
    }
    ::close(fds[0]);
    if (timed_out || too_much) ::kill(pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return make_error(ErrorCode::Unavailable, what + ": lost the child process");
    }
    if (timed_out) {
        return make_error(ErrorCode::LimitExceeded,
                          what + ": timed out after " + std::to_string(limits.timeout_seconds) + " s");
    }
    if (too_much) {
        return make_error(ErrorCode::LimitExceeded, what + ": extracted text over the limit of " +
                                                        std::to_string(limits.max_output_bytes) + " bytes");
    }
    if (WIFSIGNALED(status)) {
        int signal_number = WTERMSIG(status);
        if (signal_number == SIGXCPU || (signal_number == SIGKILL && limits.cpu_seconds > 0)) {
            // SIGKILL that we did not send comes from the hard CPU limit.
            return make_error(ErrorCode::LimitExceeded, what + ": exceeded the CPU limit of " +
                                                            std::to_string(limits.cpu_seconds) + " s");
        }
        return make_error(ErrorCode::Corrupt,
                          what + ": crashed the reader (" + describe_signal(signal_number) + ")");
    }
    if (WIFEXITED(status)) {
        int code = WEXITSTATUS(status);
        if (code == kChildOutOfMemory) {
            return make_error(
                ErrorCode::LimitExceeded,
                what + ": ran out of memory (limit " + std::to_string(limits.memory_bytes >> 20) + " MiB)");
        }
        if (code != 0) {
            return make_error(ErrorCode::Corrupt,
                              what + ": the reader failed (child exit status " + std::to_string(code) + ")");
        }
    }
    return payload;
}

}  // namespace minutes
