// Malformed policy files are reported by file and JSON Pointer, and the whole set is refused.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <string>

#include "gongji/json.hpp"
#include "gongji/policy.hpp"
#include "regions.hpp"

using namespace gongji;

namespace {

// The embedded set with one file changed by `edit`.
PolicyLoad load_with(const std::string& path, const std::function<void(Json&)>& edit) {
  std::vector<PolicyFile> files = embedded_policy_files();
  for (PolicyFile& file : files) {
    if (file.path == path) {
      Json json = Json::parse(file.text);
      edit(json);
      file.text = json.dump();
    }
  }
  return load_policies(files);
}

// A problem of kind `id` at `pointer` in `file`, whose message says `words`.
void expect_problem(const PolicyLoad& load, const std::string& file, const std::string& pointer,
                    const std::string& id, const std::string& words) {
  CHECK(load.policies == nullptr);
  bool found = false;
  for (const PolicyProblem& problem : load.problems) {
    if (problem.file == file && problem.pointer == pointer && problem.id == id &&
        problem.message.find(words) != std::string::npos) {
      found = true;
    }
  }
  std::string all;
  for (const PolicyProblem& problem : load.problems) all += describe(problem) + "\n";
  CHECK_MESSAGE(found, "wanted " << file << " " << pointer << " [" << id << "] '" << words
                                 << "' in:\n"
                                 << all);
}

}  // namespace

TEST_CASE("the embedded policy set is valid") {
  const PolicyLoad load = load_policies(embedded_policy_files());
  for (const auto& problem : load.problems) FAIL(describe(problem));
  REQUIRE(load.policies != nullptr);
  CHECK(load.policies->regions.count("000000") == 1);
  CHECK(load.policies->divisions.at("410100").zh == "郑州市");
  CHECK(load.policies->divisions.at("410100").en == "Zhengzhou");
}

TEST_CASE("a value lasts until the next one begins: until is derived") {
  auto load = load_with("regions/110000.json", [](Json& j) {
    j["rules"]["relations"][1]["from"] = "2022-12-05";  // the value before now ends 2022-12-04
  });
  for (const auto& problem : load.problems) FAIL(describe(problem));
  REQUIRE(load.policies != nullptr);
  const auto& relations = load.policies->regions.at("110000").rules.at("relations");
  REQUIRE(relations.size() == 3);
  CHECK(relations[0].until == parse_date("2022-12-04"));
  CHECK(relations[1].until == parse_date("2024-11-30"));
  CHECK_FALSE(relations[2].until.has_value());
}

TEST_CASE("an until that only repeats the day before the next from is refused") {
  auto load = load_with("regions/110000.json",
                        [](Json& j) { j["rules"]["relations"][0]["until"] = "2022-11-30"; });
  expect_problem(load, "regions/110000.json", "/rules/relations/0/until", "policy.redundant_until",
                 "leave it out");
}

TEST_CASE("an until before the next from ends the rule: the next layer answers in the gap") {
  auto load = load_with("regions/110000.json",
                        [](Json& j) { j["rules"]["relations"][0]["until"] = "2022-10-31"; });
  for (const auto& problem : load.problems) FAIL(describe(problem));
  REQUIRE(load.policies != nullptr);
  const auto& relations = load.policies->regions.at("110000").rules.at("relations");
  CHECK(relations[0].until == parse_date("2022-10-31"));
  CHECK_FALSE(relations[0].covers(*parse_date("2022-11-15")));
  CHECK_FALSE(relations[1].covers(*parse_date("2022-11-15")));
}

TEST_CASE("known_since must lie within the value's days, the derived ones too") {
  auto load = load_with("regions/110000.json", [](Json& j) {
    j["rules"]["relations"][0]["known_since"] = "2022-12-10";
    j["rules"]["relations"][0]["from_basis"] = "a test";
  });
  expect_problem(load, "regions/110000.json", "/rules/relations/0/known_since",
                 "policy.known_since_after_end", "after the value's last day (2022-11-30)");
}

TEST_CASE("the national layer may have no gap") {
  auto load = load_with("regions/000000.json",
                        [](Json& j) { j["rules"]["relations"][0]["until"] = "2021-01-31"; });
  expect_problem(load, "regions/000000.json", "/rules/relations/1/from", "policy.national_gap",
                 "gap");
}

TEST_CASE("an overlap between dated values is rejected") {
  auto load = load_with("regions/110000.json", [](Json& j) {
    j["rules"]["relations"][2]["from"] = "2022-11-20";  // the value before starts 2022-12-01
  });
  expect_problem(load, "regions/110000.json", "/rules/relations/2/from", "policy.overlap",
                 "overlaps");
  auto closed = load_with("regions/350000.json", [](Json& j) {
    j["rules"]["relations"].push_back(
        {{"from", "2021-04-01"}, {"value", Json::array()}, {"sources", Json::array({"S7"})}});
  });
  expect_problem(closed, "regions/350000.json", "/rules/relations/1/from", "policy.overlap",
                 "overlaps");
}

TEST_CASE("a value added after an open-ended one closes it the day before") {
  auto load = load_with("regions/440000.json", [](Json& j) {
    j["rules"]["wallet"].push_back(
        {{"from", "2027-01-01"}, {"value", "full"}, {"sources", Json::array({"S7"})}});
  });
  for (const auto& problem : load.problems) FAIL(describe(problem));
  REQUIRE(load.policies != nullptr);
  const auto& wallet = load.policies->regions.at("440000").rules.at("wallet");
  REQUIRE(wallet.size() == 3);
  CHECK(wallet[1].until == parse_date("2026-12-31"));
  CHECK_FALSE(wallet[2].until.has_value());
}

TEST_CASE(
    "上海's circle ends before the national widening and is known again only by 2025-07-23 (S12)") {
  const PolicyLoad as_shipped = load_policies(embedded_policy_files());
  REQUIRE(as_shipped.policies != nullptr);
  const auto& relations = as_shipped.policies->regions.at("310000").rules.at("relations");
  CHECK(format_date(*relations[1].until) == "2024-08-01");
  CHECK(format_date(relations[2].from) == "2025-07-23");
  CHECK(relations[2].known_since == relations[2].from);
}

TEST_CASE("unconfirmed parts must be keys of the value and need the unconfirmed text") {
  auto wrong_key = load_with("regions/000000.json", [](Json& j) {
    j["rules"]["holder_account"][0]["unconfirmed_parts"][0] = "freelance";
  });
  expect_problem(wrong_key, "regions/000000.json", "/rules/holder_account/0/unconfirmed_parts/0",
                 "policy.not_one_of", "not a key");
  auto no_text = load_with("regions/000000.json",
                           [](Json& j) { j["rules"]["holder_account"][0].erase("unconfirmed"); });
  expect_problem(no_text, "regions/000000.json", "/rules/holder_account/0/unconfirmed_parts",
                 "policy.parts_without_unconfirmed", "needs");
  auto no_zh = load_with("regions/440000.json",
                         [](Json& j) { j["rules"]["wallet"][1]["unconfirmed"].erase("zh-CN"); });
  CHECK(no_zh.policies == nullptr);
}

TEST_CASE("an unknown source id is rejected") {
  auto load = load_with("regions/110000.json",
                        [](Json& j) { j["rules"]["pooling"][0]["sources"][0] = "S999"; });
  expect_problem(load, "regions/110000.json", "/rules/pooling/0/sources/0", "policy.unknown_source",
                 "not a source id");
}

TEST_CASE("a value without sources is rejected") {
  auto load = load_with("regions/110000.json",
                        [](Json& j) { j["rules"]["pooling"][0]["sources"] = Json::array(); });
  expect_problem(load, "regions/110000.json", "/rules/pooling/0/sources", "policy.missing_sources",
                 "at least one source");
}

TEST_CASE("a source without reliability is rejected") {
  auto load = load_with("sources.json", [](Json& j) { j["S9"].erase("reliability"); });
  expect_problem(load, "sources.json", "/S9/reliability", "policy.missing_field", "required");
}

TEST_CASE("a source with an unknown reliability is rejected") {
  auto load = load_with("sources.json", [](Json& j) { j["S9"]["reliability"] = "rumour"; });
  expect_problem(load, "sources.json", "/S9/reliability", "policy.not_one_of", "must be one of");
}

TEST_CASE("a source without an English title is rejected") {
  auto load = load_with("sources.json", [](Json& j) { j["S9"].erase("title_en"); });
  expect_problem(load, "sources.json", "/S9/title_en", "policy.missing_field", "required");
}

TEST_CASE("a division without an English name is rejected") {
  auto load = load_with("divisions.json", [](Json& j) { j["410100"].erase("en"); });
  expect_problem(load, "divisions.json", "/410100/en", "policy.missing_field", "required");
}

TEST_CASE("a note may be marked for local bindings or uninsured relatives, and nothing else") {
  auto load = load_with("regions/110000.json",
                        [](Json& j) { j["rules"]["notes"][0]["value"][0]["for"] = "wallet"; });
  expect_problem(load, "regions/110000.json", "/rules/notes/0/value/0/for", "policy.not_one_of",
                 "must be \"local\" or \"uninsured\"");
}

TEST_CASE("values of the wrong shape are rejected by rule") {
  expect_problem(load_with("regions/110000.json",
                           [](Json& j) { j["rules"]["pooling"][0]["value"]["unit"] = "county"; }),
                 "regions/110000.json", "/rules/pooling/0/value/unit", "policy.not_one_of",
                 "must be one of");
  expect_problem(
      load_with("regions/650000.json",
                [](Json& j) { j["rules"]["pooling"][0]["value"]["assumed_separate"][0] = "6590"; }),
      "regions/650000.json", "/rules/pooling/0/value/assumed_separate/0", "policy.invalid_code",
      "6-digit");
  expect_problem(load_with("regions/370000.json",
                           [](Json& j) { j["rules"]["cap_scope"][0]["value"] = "everyone"; }),
                 "regions/370000.json", "/rules/cap_scope/0/value", "policy.not_one_of",
                 "must be one of");
  expect_problem(load_with("regions/210200.json",
                           [](Json& j) { j["rules"]["member_cap_total"][0]["value"] = -2; }),
                 "regions/210200.json", "/rules/member_cap_total/0/value", "policy.invalid_integer",
                 "integer");
  expect_problem(load_with("regions/110000.json",
                           [](Json& j) { j["rules"]["relations"][1]["value"][0] = "cousin"; }),
                 "regions/110000.json", "/rules/relations/1/value/0", "policy.not_one_of",
                 "must be one of");
  expect_problem(
      load_with("regions/110000.json",
                [](Json& j) { j["rules"]["channels"][0]["value"][0]["steps"]["en"].erase(0); }),
      "regions/110000.json", "/rules/channels/0/value/0/steps", "policy.inconsistent_value",
      "as many English steps");
  expect_problem(
      load_with("regions/000000.json",
                [](Json& j) { j["rules"]["use.outpatient"][0]["value"].erase("allowed"); }),
      "regions/000000.json", "/rules/use.outpatient/0/value/allowed", "policy.missing_field",
      "required");
}

TEST_CASE("unknown rules and fields are rejected") {
  expect_problem(
      load_with("regions/110000.json", [](Json& j) { j["rules"]["magic"] = Json::array(); }),
      "regions/110000.json", "/rules/magic", "policy.unknown_rule_key", "not a known rule");
  expect_problem(load_with("regions/110000.json",
                           [](Json& j) { j["rules"]["member_cap.cousin"] = Json::array(); }),
                 "regions/110000.json", "/rules/member_cap.cousin", "policy.unknown_rule_key",
                 "not a known rule");
  expect_problem(
      load_with("regions/110000.json", [](Json& j) { j["rules"]["pooling"][0]["since"] = "x"; }),
      "regions/110000.json", "/rules/pooling/0/since", "policy.unknown_field", "not a known field");
}

TEST_CASE("dates must be real and in order") {
  expect_problem(load_with("regions/110000.json",
                           [](Json& j) { j["rules"]["pooling"][0]["from"] = "2024-02-30"; }),
                 "regions/110000.json", "/rules/pooling/0/from", "policy.invalid_date",
                 "real date");
  expect_problem(load_with("regions/110000.json",
                           [](Json& j) { j["rules"]["relations"][1]["until"] = "2020-01-01"; }),
                 "regions/110000.json", "/rules/relations/1/until", "policy.until_before_from",
                 "before");
  expect_problem(
      load_with("regions/110000.json", [](Json& j) { j["last_reviewed"] = "yesterday"; }),
      "regions/110000.json", "/last_reviewed", "policy.invalid_date", "real date");
}

TEST_CASE("the national layer must define every rule for every day") {
  expect_problem(load_with("regions/000000.json", [](Json& j) { j["rules"].erase("wallet"); }),
                 "regions/000000.json", "/rules/wallet", "policy.national_missing_rule",
                 "must define");
  expect_problem(load_with("regions/000000.json",
                           [](Json& j) { j["rules"]["pooling"][0]["from"] = "2022-01-01"; }),
                 "regions/000000.json", "/rules/pooling", "policy.national_incomplete",
                 "cover every day");
}

TEST_CASE("a rule the national layer alone states is refused in a region file") {
  expect_problem(load_with("regions/110000.json",
                           [](Json& j) {
                             j["rules"]["wallet_limits"] =
                                 j["rules"]["relations"];  // any value: the key is refused
                           }),
                 "regions/110000.json", "/rules/wallet_limits", "policy.national_only_rule",
                 "national layer only");
}

TEST_CASE("every rule kind's label is required in the catalogue") {
  expect_problem(load_with("messages.json", [](Json& j) { j.erase("rule.cap_scope"); }),
                 "messages.json", "/rule.cap_scope", "policy.missing_message", "required");
}

TEST_CASE("wallet hours are a time of day written HH:MM") {
  expect_problem(
      load_with("regions/000000.json",
                [](Json& j) { j["rules"]["wallet_limits"][0]["value"]["closed_from"] = "ab:cd"; }),
      "regions/000000.json", "/rules/wallet_limits/0/value/closed_from", "policy.invalid_time",
      "HH:MM");
}

TEST_CASE("a region file must name a known region matching its file name") {
  expect_problem(load_with("regions/110000.json", [](Json& j) { j["region"] = "120000"; }),
                 "regions/110000.json", "/region", "policy.region_file_mismatch", "does not match");
}

TEST_CASE("the message catalogue must have every text in both languages") {
  expect_problem(load_with("messages.json", [](Json& j) { j.erase("member.eligible"); }),
                 "messages.json", "/member.eligible", "policy.missing_message", "required");
  expect_problem(load_with("messages.json", [](Json& j) { j["member.eligible"]["en"] = ""; }),
                 "messages.json", "/member.eligible/en", "policy.invalid_text", "non-empty");
}

TEST_CASE("files that are not JSON, or repeat a key, are reported by file") {
  std::vector<PolicyFile> files = embedded_policy_files();
  for (PolicyFile& file : files) {
    if (file.path == "regions/310000.json") file.text = "{\"region\": ";
    if (file.path == "regions/320000.json")
      file.text = R"({"region": "320000", "region": "320000"})";
  }
  const PolicyLoad load = load_policies(files);
  expect_problem(load, "regions/310000.json", "", "policy.invalid_json", "not valid JSON");
  expect_problem(load, "regions/320000.json", "/region", "policy.duplicate_key", "duplicate key");
}

TEST_CASE("every problem is listed, not only the first") {
  auto load = load_with("regions/110000.json", [](Json& j) {
    j["rules"]["pooling"][0]["value"] = "county";
    j["rules"]["relations"][2]["from"] = "2022-11-20";
  });
  CHECK(load.problems.size() >= 2);
}

// A `from` is the day a rule took effect: a source's publication date is not one.
TEST_CASE("a start on a cited source's date must say why or be recorded as known_since") {
  // 山东's cap is known only from its undated page of about 2025.
  auto guessed = load_with("regions/370000.json", [](Json& j) {
    j["rules"]["member_cap_total"][0].erase("known_since");
    j["rules"]["member_cap_total"][0].erase("known_since_precision");
  });
  expect_problem(guessed, "regions/370000.json", "/rules/member_cap_total/0/from",
                 "policy.start_is_source_date", "date of source S26");
  // The same start, with the reason it is the first day, is accepted.
  auto explained = load_with("regions/370000.json", [](Json& j) {
    j["rules"]["member_cap_total"][0].erase("known_since");
    j["rules"]["member_cap_total"][0].erase("known_since_precision");
    j["rules"]["member_cap_total"][0]["from_basis"] = "the page names this day as the start";
  });
  CHECK(explained.problems.empty());
  // A month-dated source stands for its first day (贵州's Q&A of 2022-11).
  auto month = load_with("regions/520000.json", [](Json& j) {
    for (Json& entry : j["rules"]["single_holder"]) entry.erase("known_since_precision");
    for (Json& entry : j["rules"]["single_holder"]) entry.erase("known_since");
  });
  expect_problem(month, "regions/520000.json", "/rules/single_holder/0/from",
                 "policy.start_is_source_date", "date of source S20");
}

TEST_CASE("known_since must fit its entry and an earlier start must say why") {
  expect_problem(
      load_with("regions/370000.json",
                [](Json& j) { j["rules"]["member_cap_total"][0]["known_since"] = "2024-06-01"; }),
      "regions/370000.json", "/rules/member_cap_total/0/known_since",
      "policy.known_since_before_from", "before");
  expect_problem(
      load_with("regions/370000.json",
                [](Json& j) { j["rules"]["member_cap_total"][0]["known_since"] = "2025-06-01"; }),
      "regions/370000.json", "/rules/member_cap_total/0/from", "policy.start_needs_basis",
      "from_basis");
  expect_problem(
      load_with("regions/440300.json", [](Json& j) { j["rules"]["tiers"][0].erase("from_basis"); }),
      "regions/440300.json", "/rules/tiers/0/from", "policy.start_needs_basis", "from_basis");
  expect_problem(load_with("regions/370000.json",
                           [](Json& j) {
                             j["rules"]["member_cap_total"][0]["known_since_precision"] = "decade";
                           }),
                 "regions/370000.json", "/rules/member_cap_total/0/known_since_precision",
                 "policy.not_one_of", "must be one of");
  expect_problem(
      load_with("regions/110000.json",
                [](Json& j) { j["rules"]["pooling"][0]["known_since_precision"] = "year"; }),
      "regions/110000.json", "/rules/pooling/0/known_since_precision",
      "policy.precision_without_known_since", "needs \"known_since\"");
  // "About 2025" is 2025-01-01: any other day of the year would move the day the answer counts
  // it certain from.
  expect_problem(load_with("regions/370000.json",
                           [](Json& j) {
                             j["rules"]["member_cap_total"][0]["known_since_precision"] = "year";
                             j["rules"]["member_cap_total"][0]["known_since"] = "2025-03-01";
                             j["rules"]["member_cap_total"][0]["from"] = "2025-03-01";
                           }),
                 "regions/370000.json", "/rules/member_cap_total/0/known_since",
                 "policy.precision_not_first_day", "first day");
}

TEST_CASE("a source is dated as precisely as it is, never by a placeholder") {
  expect_problem(load_with("sources.json", [](Json& j) { j["S26"]["date"] = "about 2025"; }),
                 "sources.json", "/S26/date", "policy.invalid_date", "YYYY-MM-DD, YYYY-MM or YYYY");
  expect_problem(load_with("sources.json",
                           [](Json& j) {
                             j["S46"]["date"] = "";
                             j["S46"].erase("note");
                           }),
                 "sources.json", "/S46/date", "policy.undated_source", "undated source needs");
  expect_problem(load_with("sources.json", [](Json& j) { j["S1"]["copy_of"] = ""; }),
                 "sources.json", "/S1/copy_of", "policy.invalid_text", "non-empty");
  const PolicyLoad load = load_policies(embedded_policy_files());
  REQUIRE(load.policies != nullptr);
  CHECK(load.policies->sources.at("S26").date == "2025");
  CHECK(load.policies->sources.at("S1").copy_of.zh.find("国办发〔2021〕14号") != std::string::npos);
}

TEST_CASE("a copy names its original in both languages") {
  expect_problem(load_with("sources.json", [](Json& j) { j["S1"].erase("copy_of_en"); }),
                 "sources.json", "/S1/copy_of_en", "policy.missing_field", "with \"copy_of\"");
  expect_problem(load_with("sources.json", [](Json& j) { j["S5"]["copy_of_en"] = "a paper"; }),
                 "sources.json", "/S5/copy_of", "policy.missing_field", "with \"copy_of_en\"");
  const PolicyLoad load = load_policies(embedded_policy_files());
  REQUIRE(load.policies != nullptr);
  CHECK(load.policies->sources.at("S1").copy_of.en.find("Guo Ban Fa [2021] No. 14") !=
        std::string::npos);
}

// A family in 郑州 was cited 甘肃's and 新疆's pages for the face-check age: the national value
// cited them. A source states one region's rules; only that region's layers (or a reading left
// unconfirmed, whose text names the region) may cite it.
TEST_CASE("a value cites only sources about its own layer's region or a wider one") {
  expect_problem(load_with("regions/000000.json",
                           [](Json& j) {
                             j["rules"]["face_verification_age"][0]["sources"] = {"S23", "S13"};
                           }),
                 "regions/000000.json", "/rules/face_verification_age/0/sources/1",
                 "policy.source_other_region", "region");
  expect_problem(load_with("regions/410000.json",
                           [](Json& j) { j["rules"]["channels"][0]["sources"] = {"S27"}; }),
                 "regions/410000.json", "/rules/channels/0/sources/0", "policy.source_other_region",
                 "region");
  expect_problem(load_with("sources.json", [](Json& j) { j["S13"]["region"] = "629999"; }),
                 "sources.json", "/S13/region", "policy.unknown_region", "divisions.json");
  // A province's source serves its cities; a national one every layer; a city's not its province.
  CHECK(gongji::detail::region_within("440300", "440000"));
  CHECK(gongji::detail::region_within("410100", ""));
  CHECK(gongji::detail::region_within("000000", ""));
  CHECK_FALSE(gongji::detail::region_within("000000", "620000"));
  CHECK_FALSE(gongji::detail::region_within("410000", "410100"));
  CHECK_FALSE(gongji::detail::region_within("420000", "410000"));
}

TEST_CASE("amounts kept in the account and the wallet quota have their shapes") {
  expect_problem(load_with("regions/350000.json",
                           [](Json& j) { j["rules"]["share_above"][0]["value"]["fen"] = -1; }),
                 "regions/350000.json", "/rules/share_above/0/value/fen", "policy.invalid_integer",
                 "integer");
  expect_problem(
      load_with("regions/440300.json",
                [](Json& j) { j["rules"]["share_above"][0]["value"]["wage_percent"] = 0; }),
      "regions/440300.json", "/rules/share_above/0/value/wage_percent", "policy.invalid_integer",
      "integer");
  expect_problem(
      load_with("regions/440300.json",
                [](Json& j) { j["rules"]["share_above"][0]["value"]["wage_fen"] = "x"; }),
      "regions/440300.json", "/rules/share_above/0/value/wage_fen", "policy.invalid_integer",
      "integer");
  expect_problem(load_with("regions/000000.json",
                           [](Json& j) { j["rules"]["wallet_quota"][1]["value"] = "yes"; }),
                 "regions/000000.json", "/rules/wallet_quota/1/value", "policy.invalid_boolean",
                 "true or false");
}

namespace {

// The embedded set with one file's text replaced.
PolicyLoad load_with_text(const std::string& path, const std::string& text) {
  std::vector<PolicyFile> files = embedded_policy_files();
  for (PolicyFile& file : files) {
    if (file.path == path) file.text = text;
  }
  return load_policies(files);
}

}  // namespace

TEST_CASE("a problem gives its file, line and column, and a stable id") {
  const std::string region = R"({
  "region": "110000",
  "name": { "zh-CN": "北京市", "en": "Beijing" },
  "last_reviewed": "2026-12-02",
  "rules": {
    "pooling": [
      { "from": "1900-01-01", "value": { "unit": "province" }, "sources": [] }
    ]
  }
})";
  const PolicyLoad load = load_with_text("regions/110000.json", region);
  REQUIRE(load.problems.size() == 1);
  const PolicyProblem& problem = load.problems[0];
  CHECK(problem.id == "policy.missing_sources");
  CHECK(problem.line == 7);
  CHECK(problem.column == 64);
  CHECK(describe(problem) ==
        "regions/110000.json:7:64: /rules/pooling/0/sources: must cite at least one source "
        "[policy.missing_sources]");

  // A missing field is placed at the object that lacks it.
  std::string no_sources = region;
  no_sources.replace(no_sources.find(", \"sources\": []"), 15, "");
  const PolicyLoad missing = load_with_text("regions/110000.json", no_sources);
  REQUIRE(missing.problems.size() == 1);
  CHECK(missing.problems[0].id == "policy.missing_field");
  CHECK(missing.problems[0].pointer == "/rules/pooling/0/sources");
  CHECK(missing.problems[0].line == 7);
  CHECK(missing.problems[0].column == 7);
}

TEST_CASE("a file that is not JSON is placed where the parser stopped") {
  const PolicyLoad load =
      load_with_text("regions/110000.json", "{\n  \"region\": \"110000\"\n  \"name\": 1\n}");
  REQUIRE(load.problems.size() == 1);
  CHECK(load.problems[0].id == "policy.invalid_json");
  CHECK(load.problems[0].line == 3);
  CHECK(load.problems[0].column == 3);
}

TEST_CASE("a problem outside any file's text has no position") {
  std::vector<PolicyFile> files = embedded_policy_files();
  files.erase(std::remove_if(files.begin(), files.end(),
                             [](const PolicyFile& file) { return file.path == "version.json"; }),
              files.end());
  const PolicyLoad load = load_policies(files);
  REQUIRE(load.problems.size() == 1);
  CHECK(load.problems[0].id == "policy.missing_file");
  CHECK(load.problems[0].line == 0);
  CHECK(describe(load.problems[0]) ==
        "version.json: (whole file): is missing [policy.missing_file]");
}

TEST_CASE("a vocabulary that differs from the program's enumerations is refused by name") {
  auto load = load_with("vocabulary.json", [](Json& j) { j["relation"]["values"].erase(1); });
  expect_problem(load, "vocabulary.json", "/relation/values", "policy.invalid_vocabulary",
                 "\"spouse\", \"parent\", \"child\"");
  load = load_with("vocabulary.json", [](Json& j) { j.erase("scheme"); });
  expect_problem(load, "vocabulary.json", "/scheme", "policy.invalid_vocabulary", "is missing");
  load = load_with("vocabulary.json", [](Json& j) { j["colour"] = Json::object(); });
  expect_problem(load, "vocabulary.json", "/colour", "policy.invalid_vocabulary",
                 "not an enumeration");
}

TEST_CASE("every word of the vocabulary is there in both languages") {
  auto load =
      load_with("vocabulary.json", [](Json& j) { j["scheme"]["values"][0]["label"].erase("en"); });
  expect_problem(load, "vocabulary.json", "/scheme/values/0/label", "policy.invalid_vocabulary",
                 "\"en\"");
  load = load_with("vocabulary.json",
                   [](Json& j) { j["status"]["values"][2]["label"]["zh-CN"] = ""; });
  expect_problem(load, "vocabulary.json", "/status/values/2/label/zh-CN",
                 "policy.invalid_vocabulary", "non-empty");
  load = load_with("vocabulary.json", [](Json& j) { j["relation"]["values"][3].erase("person"); });
  expect_problem(load, "vocabulary.json", "/relation/values/3/person", "policy.invalid_vocabulary",
                 "is missing");
  // A form the answers use cannot be dropped from the enumeration.
  load =
      load_with("vocabulary.json", [](Json& j) { j["route"]["forms"] = Json::array({"label"}); });
  expect_problem(load, "vocabulary.json", "/route/forms", "policy.invalid_vocabulary",
                 "\"in_text\"");
}

TEST_CASE("the vocabulary reaches the page as its values in order, with their words") {
  const PolicyLoad load = load_policies(embedded_policy_files());
  REQUIRE(load.policies != nullptr);
  const Json page = Json::parse(load.policies->vocabulary.json);
  const Json& relations = page["relation"]["values"];
  REQUIRE(relations.size() == kRelationNames.size());
  for (std::size_t i = 0; i < kRelationNames.size(); ++i)
    CHECK(relations[i]["id"] == std::string(kRelationNames[i]));
  CHECK(relations.back()["label"]["zh-CN"] == "其他亲友");
  CHECK(page["tier"]["values"][1]["label"]["zh-CN"] == "二档");
  CHECK_FALSE(page["relation"].contains("about"));  // the maintainers' note stays in the file
}
