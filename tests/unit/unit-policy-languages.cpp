// A policy set cut to one language's texts (with_texts_in): the page's first download. It must
// answer in its language exactly as the whole set does (golden-answers-via-language-images checks
// every stored answer), refuse the other language with an error in that language, keep request
// errors, place names and the page's copy of the vocabulary in both, and carry no other text of
// the other language.
#include <doctest/doctest.h>

#include <string>

#include "gongji/evaluate.hpp"
#include "gongji/json.hpp"

using namespace gongji;

namespace {

const char* const kZh =
    R"({"as_of":"2026-06-01","holder":{"region":"410100","scheme":"employee","balance_fen":300000},)"
    R"("members":[{"id":"m","relation":"parent","age":66,"scheme":"resident","region":"110000"}],)"
    R"("expenses":[{"member":"m","kind":"outpatient","amount_fen":20000}]})";
const char* const kEn =
    R"({"lang":"en","as_of":"2026-06-01","holder":{"region":"410100","scheme":"employee",)"
    R"("balance_fen":300000},"members":[{"id":"m","relation":"parent","age":66,)"
    R"("scheme":"resident","region":"110000"}]})";
const char* const kHouseholdEn =
    R"({"lang":"en","as_of":"2026-06-01","household":{"people":[{"id":"me","role":"self",)"
    R"("age":40,"scheme":"employee","region":"410100","balance_fen":300000}]}})";
const Date kToday = date_from_ymd(2026, 6, 1);

// Every text of the rules' values, sources and region names, as (zh, en) pairs.
std::vector<const LocalText*> rule_texts(const PolicySet& set) {
  std::vector<const LocalText*> texts;
  for (const auto& [id, source] : set.sources) texts.push_back(&source.title);
  for (const auto& [code, region] : set.regions) {
    texts.push_back(&region.name);
    for (const auto& [key, why] : region.unknown) texts.push_back(&why);
    for (const auto& [key, entries] : region.rules) {
      for (const RuleEntry& entry : entries) {
        if (entry.note) texts.push_back(&*entry.note);
        if (entry.unconfirmed) texts.push_back(&*entry.unconfirmed);
        const auto add_channel = [&](const ChannelRule& channel) {
          texts.push_back(&channel.name);
          for (const LocalText& step : channel.steps) texts.push_back(&step);
        };
        if (const auto* channels = std::get_if<std::vector<ChannelRule>>(&entry.typed)) {
          for (const ChannelRule& channel : *channels) add_channel(channel);
        }
        if (const auto* channel = std::get_if<ChannelRule>(&entry.typed)) add_channel(*channel);
        if (const auto* list = std::get_if<std::vector<LocalText>>(&entry.typed)) {
          for (const LocalText& text : *list) texts.push_back(&text);
        }
        if (const auto* notes = std::get_if<std::vector<Note>>(&entry.typed)) {
          for (const Note& note : *notes) texts.push_back(&note.text);
        }
      }
    }
  }
  return texts;
}

}  // namespace

TEST_CASE("a set cut to Chinese answers Chinese requests exactly as the whole set") {
  const PolicySet& whole = *default_policies();
  const auto zh = with_texts_in(whole, Lang::zh_CN);
  REQUIRE(zh);
  CHECK(zh->languages == std::vector<Lang>{Lang::zh_CN});
  CHECK(evaluate(kZh, *zh, kToday) == evaluate(kZh, whole, kToday));
  CHECK(write_policy_image(*zh).size() < write_policy_image(whole).size() * 3 / 4);
}

TEST_CASE("a set cut to one language refuses the other, in the other's words, at /lang") {
  const PolicySet& whole = *default_policies();
  const auto zh = with_texts_in(whole, Lang::zh_CN);
  const auto en = with_texts_in(whole, Lang::en);
  REQUIRE(zh);
  REQUIRE(en);
  CHECK(evaluate(kEn, *en, kToday) == evaluate(kEn, whole, kToday));
  for (const char* request : {kEn, kHouseholdEn}) {
    const Json refused = Json::parse(evaluate(request, *zh, kToday));
    CHECK(refused["ok"] == false);
    CHECK(refused["error"]["code"] == "invalid_request");
    CHECK(refused["error"]["path"] == "/lang");
    CHECK(refused["error"]["message"].get<std::string>().rfind("The rules loaded have", 0) == 0);
  }
  const Json refused = Json::parse(evaluate(kZh, *en, kToday));
  CHECK(refused["error"]["path"] == "/lang");
  CHECK(refused["error"]["message"].get<std::string>().rfind("已载入的规则", 0) == 0);
}

TEST_CASE("request errors stay in the request's language, whichever language was loaded") {
  const PolicySet& whole = *default_policies();
  const auto zh = with_texts_in(whole, Lang::zh_CN);
  REQUIRE(zh);
  const std::string bad = R"({"lang":"en","holder":{"region":"999999"}})";
  CHECK(evaluate(bad, *zh, kToday) == evaluate(bad, whole, kToday));
  CHECK(evaluate("{\"lang\":\"en\",", *zh, kToday) == evaluate("{\"lang\":\"en\",", whole, kToday));
}

TEST_CASE(
    "the cut set carries no text of the other language, but place names, errors, the page's "
    "words") {
  const PolicySet& whole = *default_policies();
  const auto zh = with_texts_in(whole, Lang::zh_CN);
  REQUIRE(zh);
  const auto cut = rule_texts(*zh);
  const auto full = rule_texts(whole);
  REQUIRE(cut.size() == full.size());
  REQUIRE(cut.size() > 100);
  for (std::size_t i = 0; i < cut.size(); ++i) {
    CHECK(cut[i]->en.empty());
    CHECK(cut[i]->zh == full[i]->zh);
  }
  for (const auto& [key, text] : zh->messages) {
    const bool request_error = key.rfind("error.", 0) == 0;
    CHECK_MESSAGE(text.en.empty() != request_error, key);
    CHECK(text.zh == whole.messages.at(key).zh);
  }
  for (const auto& [code, name] : zh->divisions) {
    CHECK(name.en == whole.divisions.at(code).en);
  }
  // The vocabulary's words for answers in the one language; the page's copy in both (its form
  // switches language at once).
  REQUIRE(zh->vocabulary.words.size() == whole.vocabulary.words.size());
  for (const auto& [key, text] : zh->vocabulary.words) {
    CHECK_MESSAGE(text.en.empty(), key);
    CHECK(text.zh == whole.vocabulary.words.at(key).zh);
  }
  CHECK(zh->vocabulary.json == whole.vocabulary.json);
}

TEST_CASE("the cut set's image reads back with its language, and is the same bytes every time") {
  const PolicySet& whole = *default_policies();
  const auto en = with_texts_in(whole, Lang::en);
  REQUIRE(en);
  const std::string image = write_policy_image(*en);
  const PolicyImageRead read = read_policy_image(image);
  REQUIRE_MESSAGE(static_cast<bool>(read.policies), read.error);
  CHECK(read.policies->languages == std::vector<Lang>{Lang::en});
  CHECK(write_policy_image(*read.policies) == image);
  CHECK(write_policy_image(*with_texts_in(whole, Lang::en)) == image);
}
