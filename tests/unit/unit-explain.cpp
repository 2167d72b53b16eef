// `gongji explain`: which layer's value of a rule applies, with its dates and sources, and why the
// other layers' do not, in words for a policy maintainer.
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "commands.hpp"

using namespace gongji;

namespace {

struct Explained {
  int status;
  std::string text;
};

Explained explain(const PolicySet& policies, const std::vector<PolicyFile>& files,
                  const std::string& region, const std::string& key, const std::string& date) {
  std::ostringstream out;
  const int status = cli::run_explain(policies, files, region, key, date, out);
  return {status, out.str()};
}

Explained explain(const std::string& region, const std::string& key, const std::string& date) {
  return explain(*default_policies(), embedded_policy_files(), region, key, date);
}

// The text from `from` on (a layer's block and what follows it).
std::string after(const std::string& text, const std::string& from) {
  const auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, "no '" << from << "' in:\n" << text);
  return text.substr(at);
}

}  // namespace

TEST_CASE("a province's value wins over the national one, which is shown with why it loses") {
  const Explained e = explain("110000", "relations", "2023-05-01");
  CAPTURE(e.text);
  CHECK(e.status == 0);
  const std::string wins = after(e.text, "WINS: province 北京市 (Beijing, regions/110000.json)");
  CHECK(wins.find("at:      /rules/relations/1") != std::string::npos);
  CHECK(wins.find("value:   [\"spouse\",\"parent\",\"child\"]") != std::string::npos);
  CHECK(wins.find("from:    2022-12-01") != std::string::npos);
  // Its last day is derived from the next value's start, and said so.
  CHECK(wins.find("until:   2024-11-30 (the day before the next value, from 2024-12-01)") !=
        std::string::npos);
  CHECK(wins.find("S9 [media]") != std::string::npos);
  const std::string national = after(e.text, "not used: national 全国");
  CHECK(national.find("but the province's comes first") != std::string::npos);
  CHECK(national.find("from:    2021-04-22") != std::string::npos);
  CHECK(national.find("S1 [official]") != std::string::npos);
}

TEST_CASE("after a region's rule really ends, the national value applies and both are said") {
  const Explained e = explain("350000", "relations", "2022-01-01");
  CAPTURE(e.text);
  CHECK(e.status == 0);
  CHECK(after(e.text, "not used: province 福建省").find("its last value ends 2021-04-21") !=
        std::string::npos);
  const std::string wins = after(e.text, "WINS: national 全国");
  CHECK(wins.find("the national rule applies") != std::string::npos);
  // The day before the rule ended, the province's own value applied.
  const Explained before = explain("350000", "relations", "2021-04-21");
  CHECK(before.text.find("WINS: province 福建省") != std::string::npos);
  CHECK(before.text.find("until:   2021-04-21 (written: the rule ends") != std::string::npos);
}

TEST_CASE("a layer that records a rule as unknown says so, and a city without a file is named") {
  const Explained tianjin = explain("120000", "relations", "2026-06-01");
  CHECK(after(tianjin.text, "not used: province 天津市")
            .find("it does not set this rule\n  it records the rule as unknown: ") !=
        std::string::npos);
  const Explained hefei = explain("340100", "channels", "2026-06-01");
  CAPTURE(hefei.text);
  CHECK(hefei.text.find("not used: city 合肥市 (Hefei, 340100): it has no policy file") !=
        std::string::npos);
  const std::string wins = after(hefei.text, "WINS: province 安徽省");
  CHECK(wins.find("S38 [third_party]") != std::string::npos);
  CHECK(wins.find("only third-party or unverified sources") != std::string::npos);
  CHECK(wins.find("known since: 2023-03-25 (dated to the day;") != std::string::npos);
}

TEST_CASE("notes add up: every layer's value in force applies") {
  const Explained e = explain("410100", "notes", "2026-06-01");
  CAPTURE(e.text);
  CHECK(e.status == 0);
  CHECK(e.text.find("APPLIES: province 河南省") != std::string::npos);
  CHECK(e.text.find("APPLIES: national 全国") != std::string::npos);
  CHECK(e.text.find("WINS") == std::string::npos);
}

TEST_CASE("in a gap a region's rule does not apply, and the explanation names both sides") {
  std::vector<PolicyFile> files = embedded_policy_files();
  for (PolicyFile& file : files) {
    if (file.path != "regions/110000.json") continue;
    Json json = Json::parse(file.text);
    json["rules"]["relations"][0]["until"] = "2022-10-31";
    file.text = json.dump();
  }
  const PolicyLoad load = load_policies(files);
  REQUIRE(load.policies != nullptr);
  const Explained e = explain(*load.policies, files, "110000", "relations", "2022-11-15");
  CAPTURE(e.text);
  CHECK(after(e.text, "not used: province 北京市")
            .find("its value ends 2022-10-31 and the next begins 2022-12-01") != std::string::npos);
  CHECK(e.text.find("WINS: national 全国") != std::string::npos);
}

TEST_CASE("what cannot be explained is said, with its own exit status") {
  CHECK(explain("999999", "relations", "2026-01-01").status == 2);
  CHECK(explain("110000", "relations", "2026-13-01").status == 2);
  const Explained unknown = explain("110000", "no_such_rule", "2026-01-01");
  CHECK(unknown.status == 1);
  CHECK(unknown.text.find("No layer has a value of no_such_rule on 2026-01-01") !=
        std::string::npos);
}
