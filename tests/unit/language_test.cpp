// Tests of language identification on English and Welsh minutes text.
#include <catch2/catch.hpp>

#include "minutes/language.h"

using namespace minutes;

TEST_CASE("detect_language: English, Welsh and too little text", "[language]") {
    CHECK(detect_language("The minutes of the meeting held on 10 June were agreed as a correct record and "
                          "signed by the Chairman. The Clerk reported that the grant had been received from "
                          "the council and would be spent on the play area.") == Language::english);
    CHECK(detect_language("Cofnodion cyfarfod y Cyngor Cymuned a gynhaliwyd yn Neuadd y Pentref. Roedd y "
                          "cyfarfod wedi cytuno bod y cofnodion yn gywir ac fe'u llofnodwyd gan y Cadeirydd. "
                          "Adroddodd y Clerc fod y grant wedi ei dderbyn gan y cyngor a bod hyn yn dda iawn.") ==
          Language::welsh);
    CHECK(detect_language("Minutes") == Language::unknown);
    CHECK(detect_language("") == Language::unknown);
}
