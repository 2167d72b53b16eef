// The rules split by province (core/src/policy_parts.cpp): the page's first download is the base
// and the parts of its places. The base and every part give the whole set's bytes again; a request
// that needs a part not added is refused at its place; a part that does not belong is refused and
// leaves the set as it was.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "gongji/evaluate.hpp"
#include "policy_image.hpp"

using namespace gongji;

namespace {

const PolicySet& whole() {
  return *default_policies();
}

std::unique_ptr<PolicySet> base_of(const PolicyParts& split) {
  PolicyImageRead read = read_policy_image(split.base);
  REQUIRE(read.policies);
  return std::move(read.policies);
}

const std::string& part_of(const PolicyParts& split, std::string_view province) {
  const auto found = std::find_if(split.parts.begin(), split.parts.end(),
                                  [&](const auto& part) { return part.first == province; });
  REQUIRE(found != split.parts.end());
  return found->second;
}

std::unique_ptr<detail::PolicyPart> read_part(const std::string& image) {
  detail::ImagePart read = detail::read_part_image(image);
  REQUIRE(read.part);
  return std::move(read.part);
}

// The calculator page's first answer (web/calculator-ui.js initialState), and one with a spouse.
const char* const kHolderAlone =
    R"({"as_of":"2026-06-01","holder":{"region":"110000","scheme":"employee","status":"employed",)"
    R"("balance_fen":300000},"members":[],"expenses":[]})";
const char* const kWithSpouse =
    R"({"as_of":"2026-06-01","holder":{"region":"110000","scheme":"employee","status":"employed",)"
    R"("balance_fen":300000},"members":[{"id":"m","relation":"spouse","age":58,"scheme":"resident"}],)"
    R"("expenses":[]})";

// Every message but the members' (member.*), as a first answer's texts: a holder alone needs none
// of those, a spouse does.
std::vector<std::string> all_but_members() {
  std::vector<std::string> keys;
  for (const auto& [key, text] : whole().messages) {
    if (key.rfind("member.", 0) != 0) keys.push_back(key);
  }
  return keys;
}

const char* const kHenanParent =
    R"({"as_of":"2026-06-01","holder":{"region":"410100","scheme":"employee","balance_fen":300000},)"
    R"("members":[{"id":"m","relation":"parent","age":66,"scheme":"resident","region":"110000"}],)"
    R"("expenses":[{"member":"m","kind":"outpatient","amount_fen":20000}]})";

}  // namespace

TEST_CASE(
    "the base holds the nation's rules and the provinces' names; each province's own is apart") {
  const PolicyParts split = write_policy_parts(whole());
  const auto base = base_of(split);
  CHECK(base->regions.size() == 1);
  CHECK(base->regions.count(std::string(PolicySet::kNationalCode)) == 1);
  CHECK(base->messages.size() == whole().messages.size());
  REQUIRE(base->provinces_apart.size() == split.parts.size());
  for (std::size_t i = 0; i < split.parts.size(); ++i) {
    CHECK(base->provinces_apart[i] == split.parts[i].first);
  }
  CHECK(base->divisions.count("410000") == 1);  // 河南省: named in the base
  CHECK(base->divisions.count("410100") == 0);  // 郑州市: in 河南's part
  // A source only 河南's rules cite travels with them; the nation's stay in the base.
  const auto henan = read_part(part_of(split, "410000"));
  CHECK(henan->regions.count("410000") == 1);
  CHECK(henan->divisions.count("410100") == 1);
  REQUIRE_FALSE(henan->sources.empty());
  for (const auto& [id, source] : henan->sources) CHECK(base->sources.count(id) == 0);
  CHECK(base->sources.count("S1") == 1);
}

TEST_CASE("the base and every part give the whole set's bytes again, in any order") {
  const PolicyParts split = write_policy_parts(whole());
  const auto base = base_of(split);
  for (auto part = split.parts.rbegin(); part != split.parts.rend(); ++part) {
    const PolicyPartAdded added = add_policy_part(*base, part->second);
    REQUIRE(added.ok);
    CHECK(added.province == part->first);
  }
  CHECK(base->provinces_apart.empty());
  CHECK(write_policy_image(*base) == write_policy_image(whole()));
}

TEST_CASE("a request whose place is in a province apart is refused there until its part is added") {
  const PolicyParts split = write_policy_parts(whole());
  const auto base = base_of(split);
  const Date today = *parse_date("2026-06-01");
  const std::string refused = evaluate(kHenanParent, *base, today);
  CHECK(refused.find(R"("code":"invalid_request")") != std::string::npos);
  CHECK(refused.find(R"("path":"/holder/region")") != std::string::npos);
  CHECK(refused.find(whole().message("error.rules_not_loaded")->zh) != std::string::npos);
  REQUIRE(add_policy_part(*base, part_of(split, "410000")).ok);
  const std::string member = evaluate(kHenanParent, *base, today);
  CHECK(member.find(R"("path":"/members/0/region")") != std::string::npos);  // 北京 still apart
  REQUIRE(add_policy_part(*base, part_of(split, "110000")).ok);
  CHECK(evaluate(kHenanParent, *base, today) == evaluate(kHenanParent, whole(), today));
}

TEST_CASE("a part that does not belong is refused, and the set stays as it was") {
  const PolicyParts split = write_policy_parts(whole());
  const auto base = base_of(split);
  const std::string before = write_policy_image(*base);
  const std::string& henan = part_of(split, "410000");
  const auto refused = [&](const detail::PolicyPart& part, std::string_view why) {
    const PolicyPartAdded added = add_policy_part(*base, detail::write_part_image(part));
    CHECK_FALSE(added.ok);
    CHECK(added.error.find(why) != std::string::npos);
    CHECK(write_policy_image(*base) == before);
  };
  {
    auto other = read_part(henan);
    other->version = "2000.01.01-1";
    refused(*other, "the part is of rules 2000.01.01-1");
  }
  {
    auto outside = read_part(henan);
    auto node = outside->regions.extract("410000");
    node.key() = "420000";
    node.mapped().code = "420000";
    outside->regions.insert(std::move(node));
    refused(*outside, "region 420000 is not in province 410000");
  }
  {
    auto named = read_part(henan);
    named->divisions.emplace("410000", LocalText{"河南省", "Henan"});
    refused(*named, "division 410000 is not a city of province 410000");
  }
  {
    auto unsourced = read_part(henan);
    unsourced->sources.clear();
    refused(*unsourced, "unknown source");
  }
  {
    auto other = read_part(henan);
    other->version = "2000.01.01-1";
    other->province = "990000";
    refused(*other, "province 990000 is not apart");
  }
  CHECK(add_policy_part(*base, std::string(henan).substr(0, 20)).error ==
        "not a usable policy image: truncated or too long");
  CHECK(add_policy_part(*base, split.base).error ==
        "not a usable policy image: wrong magic number");
  // Added once, then again: the second is skipped.
  CHECK(add_policy_part(*base, henan).province == "410000");
  const PolicyPartAdded again = add_policy_part(*base, henan);
  CHECK(again.ok);
  CHECK(again.province.empty());
}

TEST_CASE("a base that holds rules of a province it says is apart is refused") {
  const PolicyParts split = write_policy_parts(whole());
  auto base = base_of(split);
  base->regions.emplace("410000", whole().regions.at("410000"));
  CHECK(read_policy_image(write_policy_image(*base)).error ==
        "not a usable policy image: region 410000 is in a province apart");
}

TEST_CASE("with first texts, the base keeps those and the texts part the rest") {
  const std::vector<std::string> first = all_but_members();
  const PolicyParts split = write_policy_parts(whole(), &first);
  const auto base = base_of(split);
  CHECK(base->texts_apart);
  CHECK(base->messages.size() == first.size());
  CHECK(base->messages.count("member.spouse") == 0);
  const auto texts = read_part(split.texts);
  CHECK(texts->province.empty());
  CHECK(texts->regions.empty());
  CHECK(texts->messages.size() == whole().messages.size() - first.size());
  for (const auto& [key, text] : texts->messages) CHECK(key.rfind("member.", 0) == 0);
  CHECK(write_policy_parts(whole()).texts.empty());  // without first texts: no texts part
}

TEST_CASE("an answer that needs a text apart is refused until the texts part is added") {
  const std::vector<std::string> first = all_but_members();
  const PolicyParts split = write_policy_parts(whole(), &first);
  const auto base = base_of(split);
  REQUIRE(add_policy_part(*base, part_of(split, "110000")).ok);
  const Date today = *parse_date("2026-06-01");
  CHECK(evaluate(kHolderAlone, *base, today) == evaluate(kHolderAlone, whole(), today));
  const std::string refused = evaluate(kWithSpouse, *base, today);
  CHECK(refused == R"({"ok":false,"error":{"code":"invalid_request",)"
                   R"("message":"texts not loaded / 说明文字尚未载入","path":""}})");
  CHECK(evaluate(kWithSpouse, whole(), today).find(R"("ok":true)") != std::string::npos);
  CHECK(refused.find(R"("ok":false)") != std::string::npos);
  CHECK(refused.find(R"("code":"invalid_request")") != std::string::npos);
  CHECK(refused.find("member.") == std::string::npos);  // never a key for a text
  CHECK(evaluate_without_planner(kWithSpouse, *base, today) == refused);
  // The holder alone is answered again after the refusal: the miss is the evaluation's own.
  CHECK(evaluate(kHolderAlone, *base, today) == evaluate(kHolderAlone, whole(), today));

  const PolicyPartAdded added = add_policy_part(*base, split.texts);
  REQUIRE(added.ok);
  CHECK(added.province.empty());
  CHECK_FALSE(base->texts_apart);
  CHECK(evaluate(kWithSpouse, *base, today) == evaluate(kWithSpouse, whole(), today));
  CHECK(add_policy_part(*base, split.texts).ok);  // again: skipped
}

TEST_CASE("the base, every part and the texts part give the whole set's bytes again") {
  const std::vector<std::string> first = all_but_members();
  const PolicyParts split = write_policy_parts(whole(), &first);
  const auto base = base_of(split);
  REQUIRE(add_policy_part(*base, split.texts).ok);
  for (const auto& [province, image] : split.parts) REQUIRE(add_policy_part(*base, image).ok);
  CHECK(write_policy_image(*base) == write_policy_image(whole()));
}

TEST_CASE("a texts part that does not belong is refused, and the set stays as it was") {
  const std::vector<std::string> first = all_but_members();
  const PolicyParts split = write_policy_parts(whole(), &first);
  const auto base = base_of(split);
  const std::string before = write_policy_image(*base);
  const auto refused = [&](const detail::PolicyPart& part, std::string_view why) {
    const PolicyPartAdded added = add_policy_part(*base, detail::write_part_image(part));
    CHECK_FALSE(added.ok);
    CHECK(added.error.find(why) != std::string::npos);
    CHECK(write_policy_image(*base) == before);
    CHECK(base->texts_apart);
  };
  {
    auto other = read_part(split.texts);
    other->version = "2000.01.01-1";
    refused(*other, "the part is of rules 2000.01.01-1");
  }
  {
    auto with_rules = read_part(split.texts);
    with_rules->regions.emplace("410000", whole().regions.at("410000"));
    refused(*with_rules, "region 410000 is not in province");
  }
  {
    auto with_sources = read_part(split.texts);
    with_sources->sources.emplace("S1", whole().sources.at("S1"));
    refused(*with_sources, "a texts part with sources");
  }
  {
    // Another language's texts part (zh-CN's, to a set whose texts are English).
    const auto english = with_texts_in(whole(), Lang::en);
    const PolicyParts english_split = write_policy_parts(*english, &first);
    const auto chinese = with_texts_in(whole(), Lang::zh_CN);
    const PolicyParts chinese_split = write_policy_parts(*chinese, &first);
    const auto english_base = base_of(english_split);
    const PolicyPartAdded added = add_policy_part(*english_base, chinese_split.texts);
    CHECK_FALSE(added.ok);
    CHECK(added.error.find("is not in the set's languages") != std::string::npos);
    CHECK(english_base->texts_apart);
    CHECK(add_policy_part(*english_base, english_split.texts).ok);
  }
}

TEST_CASE("a province's part that carries messages is refused") {
  const PolicyParts split = write_policy_parts(whole());
  const auto base = base_of(split);
  auto henan = read_part(part_of(split, "410000"));
  henan->messages.emplace("money.format", whole().messages.at("money.format"));
  const PolicyPartAdded added = add_policy_part(*base, detail::write_part_image(*henan));
  CHECK_FALSE(added.ok);
  CHECK(added.error.find("a province's part with messages") != std::string::npos);
}

TEST_CASE("with every text in the base, no answer is refused though its texts are said apart") {
  // Only a text really missing refuses an answer: never a look-up whose miss is an answer too
  // (either_relation.*, third.*: Texts looks for them as optional).
  std::vector<std::string> every;
  for (const auto& [key, text] : whole().messages) every.push_back(key);
  const PolicyParts split = write_policy_parts(whole(), &every);
  const auto base = base_of(split);
  REQUIRE(base->texts_apart);
  for (const auto& [province, image] : split.parts) REQUIRE(add_policy_part(*base, image).ok);
  const Date today = *parse_date("2026-06-01");
  // An in-law, whom the change search names as another holder's relative (either_relation.*).
  const char* const in_law =
      R"({"as_of":"2026-06-01","holder":{"region":"410100","scheme":"employee","balance_fen":300000},)"
      R"("members":[{"id":"m","relation":"parent_in_law","age":70,"scheme":"resident","region":"410100"}]})";
  const char* const grandchild =
      R"({"as_of":"2026-06-01","holder":{"region":"410100","scheme":"employee","balance_fen":300000},)"
      R"("members":[{"id":"m","relation":"grandchild","age":8,"scheme":"resident","region":"410100"}]})";
  for (const char* request : {in_law, grandchild, kHenanParent, kWithSpouse}) {
    const std::string answer = evaluate(request, *base, today);
    CHECK(answer == evaluate(request, whole(), today));
    CHECK(answer.find(R"("ok":true)") != std::string::npos);
  }
}
