// Lists in the answers' texts (walk 29: "Ask 女儿, 老婆 to confirm…" had no "and"). People,
// places and values named in a sentence are a series ("A and B", "A, B and C"; "A和B", "A、B和C");
// rules named by what they decide are clauses in Chinese, joined by 、 alone; a plain list (the
// first few of a longer one, enumerated values) has no "and" in either language.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "../../core/src/texts.hpp"

using gongji::Lang;
using gongji::detail::Texts;

namespace {

const Texts& texts(Lang lang) {
  static const Texts zh(*gongji::default_policies(), Lang::zh_CN);
  static const Texts en(*gongji::default_policies(), Lang::en);
  return lang == Lang::en ? en : zh;
}

using Join = std::string (Texts::*)(const std::vector<std::string>&) const;

struct Expected {
  Lang lang;
  std::vector<std::string> items;
  const char* text;
};

void check_joins(Join join, const std::vector<Expected>& cases) {
  for (const Expected& expected : cases) {
    CAPTURE(expected.text);
    CHECK((texts(expected.lang).*join)(expected.items) == expected.text);
  }
}

}  // namespace

TEST_CASE("people, places and values in a sentence read as a series, in both languages") {
  check_joins(
      &Texts::series,
      {{Lang::zh_CN, {}, ""},
       {Lang::zh_CN, {"女儿"}, "女儿"},
       {Lang::zh_CN, {"女儿", "老婆"}, "女儿和老婆"},
       {Lang::zh_CN, {"女儿", "老婆", "配偶的母亲"}, "女儿、老婆和配偶的母亲"},
       {Lang::en, {"Anna"}, "Anna"},
       {Lang::en, {"女儿", "老婆"}, "女儿 and 老婆"},
       {Lang::en, {"Anna", "your father", "your mother"}, "Anna, your father and your mother"}});
}

TEST_CASE("rules named by what they decide: a series in English, 、 alone in Chinese") {
  check_joins(
      &Texts::rule_series,
      {{Lang::zh_CN, {"在哪里办理"}, "在哪里办理"},
       {Lang::zh_CN, {"医保钱包是否已开通", "在哪里办理"}, "医保钱包是否已开通、在哪里办理"},
       {Lang::zh_CN, {"甲", "乙", "丙"}, "甲、乙、丙"},
       {Lang::en, {"where to apply"}, "where to apply"},
       {Lang::en,
        {"whether the wallet is open", "where to apply"},
        "whether the wallet is open and where to apply"},
       {Lang::en, {"a", "b", "c"}, "a, b and c"}});
}
