// English answers begin every sentence with a capital, whichever value a template put first; the
// correction touches nothing else (abbreviations, numbers, other languages).
#include <doctest/doctest.h>

#include <string>

#include "../../core/src/texts.hpp"

using gongji::Lang;
using gongji::detail::sentence_case;

namespace {
std::string cased(std::string_view text, Lang lang = Lang::en) {
  std::string scratch;
  return std::string(sentence_case(text, lang, scratch));
}
}  // namespace

TEST_CASE("a value that starts an English sentence gets its capital") {
  CHECK(cased("Check as explained below. wallet limits in Beijing: x.") ==
        "Check as explained below. Wallet limits in Beijing: x.");
  CHECK(cased("outpatient bills may be paid.") == "Outpatient bills may be paid.");
  CHECK(cased("  lead? yes! no.") == "  Lead? Yes! No.");
}

TEST_CASE("what is not a sentence's start is left as it is") {
  CHECK(cased("Guo Ban Fa [2021] No. 14 applies; 3,000.00 yuan e.g. here.") ==
        "Guo Ban Fa [2021] No. 14 applies; 3,000.00 yuan e.g. here.");
  CHECK(cased("Wallet > Service areas, then ¥3,000.00.") ==
        "Wallet > Service areas, then ¥3,000.00.");
  CHECK(cased("") == "");
}

TEST_CASE("an unchanged text is returned without a copy") {
  std::string scratch;
  const std::string_view text = "Already right. Yes.";
  CHECK(sentence_case(text, Lang::en, scratch).data() == text.data());
  CHECK(scratch.empty());
}

TEST_CASE("Chinese texts are returned as they are") {
  CHECK(cased("bob可以使用。", Lang::zh_CN) == "bob可以使用。");
}
