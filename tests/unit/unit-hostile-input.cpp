// Hostile requests: each gets the right ok:false (code and path) or a correct answer, fast.
// Over a hundred cases, generated from families of attack.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "gongji/evaluate.hpp"
#include "gongji/json.hpp"

using namespace gongji;

namespace {

struct Hostile {
  std::string name;
  std::string request;
  std::string code;  // "" means a correct ok answer is expected
  std::string path;
};

const std::string kHolder =
    R"("holder":{"region":"410100","scheme":"employee","balance_fen":100000})";

std::string member(const std::string& extra) {
  return R"({"relation":"child","age":5,"scheme":"resident")" + extra + "}";
}

std::vector<Hostile> hostile_requests() {
  std::vector<Hostile> all;
  // Deep nesting, in arrays, objects and inside a known field.
  // The container that would open the 33rd level is named by its pointer.
  auto repeat = [](const std::string& token, int times) {
    std::string out;
    for (int i = 0; i < times; ++i) out += token;
    return out;
  };
  for (int depth : {33, 64, 1000, 100000}) {
    all.push_back({"arrays " + std::to_string(depth), std::string(depth, '['), "limit_exceeded",
                   repeat("/0", 32)});
    all.push_back({"objects " + std::to_string(depth), repeat("{\"a\":", depth), "limit_exceeded",
                   repeat("/a", 32)});
    all.push_back(
        {"deep in tier " + std::to_string(depth),
         "{\"holder\":{\"tier\":" + std::string(depth, '[') + std::string(depth, ']') + "}}",
         "limit_exceeded", "/holder/tier" + repeat("/0", 30)});
  }
  // Numbers beyond 64 bits and at the edges.
  for (const char* number :
       {"18446744073709551616", "-18446744073709551617", "1e309", "-1e309", "9223372036854775807",
        "-9223372036854775808", "1e11", "100000000000.5", "0.1", "-0", "1E2"}) {
    const std::string text =
        "{" + kHolder.substr(0, kHolder.size() - 7) + std::string(number) + "}}";
    const std::string n(number);
    const bool ok = n == "1e11" || n == "-0" || n == "1E2";
    // 1e309 is no finite number: the parser refuses it as not JSON it can represent.
    const bool overflow = n == "1e309" || n == "-1e309";
    all.push_back({std::string("balance ") + number, text,
                   ok         ? ""
                   : overflow ? "invalid_json"
                              : "invalid_request",
                   ok || overflow ? "" : "/holder/balance_fen"});
  }
  // NaN and Infinity are not JSON.
  for (const char* token :
       {"NaN", "Infinity", "-Infinity", "nan", "inf", "undefined", "0x10", "01", "+1", ".5"}) {
    all.push_back({std::string("token ") + token,
                   R"({"holder":{"region":"410100","scheme":"employee","balance_fen":)" +
                       std::string(token) + "}}",
                   "invalid_json", ""});
  }
  // Invalid UTF-8 and NUL bytes, in values and keys.
  for (const std::string& bytes :
       {std::string("\xff"), std::string("\xc0\xaf"), std::string("\xed\xa0\x80"),
        std::string("\xf4\x90\x80\x80"), std::string("\x80"), std::string(1, '\0')}) {
    all.push_back({"bad bytes in a name",
                   "{" + kHolder + ",\"members\":[" + member(",\"name\":\"" + bytes + "\"") + "]}",
                   "invalid_json", ""});
    all.push_back({"bad bytes in a key", "{\"" + bytes + "\":1}", "invalid_json", ""});
  }
  all.push_back(
      {"NUL after the document", "{" + kHolder + "}" + std::string(1, '\0'), "invalid_json", ""});
  all.push_back({"empty body", "", "invalid_json", ""});
  all.push_back({"only spaces", "   \n\t ", "invalid_json", ""});
  all.push_back({"BOM then a valid request", "\xEF\xBB\xBF{" + kHolder + "}", "", ""});
  all.push_back({"two BOMs", "\xEF\xBB\xBF\xEF\xBB\xBF{" + kHolder + "}", "invalid_json", ""});
  // Duplicate keys at every level.
  all.push_back(
      {"duplicate top-level", "{" + kHolder + "," + kHolder + "}", "invalid_request", "/holder"});
  all.push_back({"duplicate member key", "{" + kHolder + ",\"members\":[{\"age\":1,\"age\":2}]}",
                 "invalid_request", "/members/0/age"});
  all.push_back({"duplicate escaped key", "{\"holder\":{},\"hold\\u0065r\":{}}", "invalid_request",
                 "/holder"});
  // Unusual Unicode in ids and names: accepted as text, counted in characters.
  for (const std::string& text :
       {std::string("\u202e\u202d"), std::string("\U0001F468\u200D\U0001F469\u200D\U0001F467"),
        std::string("<script>alert(1)</script>"), std::string("\" onload=\""),
        std::string("\\u0000"), std::string(1, '\0'), std::string("../../etc/passwd"),
        std::string("%00"), std::string("\uFEFF"), std::string("名字")}) {
    std::string escaped = Json(text).dump();
    all.push_back({"odd name",
                   "{" + kHolder + ",\"members\":[" + member(",\"name\":" + escaped) + "]}", "",
                   ""});
    all.push_back(
        {"odd id", "{" + kHolder + ",\"members\":[" + member(",\"id\":" + escaped) + "]}", "", ""});
  }
  all.push_back({"64 CJK characters in a name",
                 "{" + kHolder + ",\"members\":[" +
                     member(",\"name\":\"" +
                            [] {
                              std::string s;
                              for (int i = 0; i < 64; ++i) s += "名";
                              return s;
                            }() +
                            "\"") +
                     "]}",
                 "", ""});
  all.push_back({"65 CJK characters in a name",
                 "{" + kHolder + ",\"members\":[" +
                     member(",\"name\":\"" +
                            [] {
                              std::string s;
                              for (int i = 0; i < 65; ++i) s += "名";
                              return s;
                            }() +
                            "\"") +
                     "]}",
                 "limit_exceeded", "/members/0/name"});
  // Megabyte strings.
  all.push_back({"a 900 KB name",
                 "{" + kHolder + ",\"members\":[" +
                     member(",\"name\":\"" + std::string(900 * 1024, 'x') + "\"") + "]}",
                 "limit_exceeded", "/members/0/name"});
  all.push_back({"a 900 KB unknown field",
                 "{" + kHolder + ",\"x\":\"" + std::string(900 * 1024, 'x') + "\"}",
                 "invalid_request", "/x"});
  all.push_back({"a 2 MB body", "{\"x\":\"" + std::string(2 * 1024 * 1024, 'x') + "\"}",
                 "limit_exceeded", ""});
  all.push_back({"a 900 KB key", "{\"" + std::string(900 * 1024, 'k') + "\":1}", "invalid_request",
                 "/" + std::string(900 * 1024, 'k')});
  // Wide objects and long arrays.
  std::string wide = "{";
  for (int i = 0; i < 5000; ++i)
    wide += std::string(i ? "," : "") + "\"k" + std::to_string(i) + "\":0";
  all.push_back({"5000 keys", wide + "}", "limit_exceeded", ""});
  std::string long_array = "{" + kHolder + ",\"members\":[";
  for (int i = 0; i < 100000; ++i) long_array += std::string(i ? "," : "") + "0";
  all.push_back({"100000 members", long_array + "]}", "limit_exceeded", "/members"});
  // Wrong types everywhere.
  for (const char* value : {"null", "true", "[]", "{}", "\"\"", "0", "-1", "1.5"}) {
    all.push_back({std::string("holder.region = ") + value,
                   std::string(R"({"holder":{"region":)") + value +
                       R"(,"scheme":"employee","balance_fen":0}})",
                   "invalid_request", "/holder/region"});
  }
  for (const char* value :
       {"-1", "151", "1000000", "2.5", "\"7\"", "null", "[5]", "1e400", "true"}) {
    const std::string v(value);
    all.push_back({"member age " + v,
                   "{" + kHolder + ",\"members\":[{\"relation\":\"child\",\"age\":" + v +
                       ",\"scheme\":\"none\"}]}",
                   v == "1e400" ? "invalid_json" : "invalid_request",
                   v == "1e400" ? "" : "/members/0/age"});
  }
  // Sums at the limits: 20 members with maximal balances, 200 maximal expenses.
  std::string members = "[";
  for (int i = 0; i < 20; ++i)
    members +=
        std::string(i ? "," : "") +
        R"({"relation":"sibling","age":30,"scheme":"employee","own_balance_fen":100000000000})";
  std::string expenses = "[";
  for (int i = 0; i < 200; ++i)
    expenses += std::string(i ? "," : "") + R"({"member":"m)" + std::to_string(i % 20 + 1) +
                R"(","kind":"inpatient","amount_fen":100000000000})";
  all.push_back(
      {"maximal family",
       R"({"holder":{"region":"410100","scheme":"employee","balance_fen":100000000000},"members":)" +
           members + "],\"expenses\":" + expenses + "]}",
       "", ""});
  all.push_back(
      {"maximal holder spending",
       R"({"holder":{"region":"410100","scheme":"employee","balance_fen":100000000000},"expenses":[)" +
           [] {
             std::string e;
             for (int i = 0; i < 200; ++i)
               e += std::string(i ? "," : "") +
                    R"({"member":"holder","kind":"outpatient","amount_fen":100000000000})";
             return e;
           }() +
           "]}",
       "", ""});
  return all;
}

}  // namespace

TEST_CASE("over a hundred hostile requests get the right answer in bounded time") {
  const auto cases = hostile_requests();
  CHECK(cases.size() >= 100);
  const PolicySet& policies = *default_policies();
  for (const Hostile& hostile : cases) {
    CAPTURE(hostile.name);
    const auto start = std::chrono::steady_clock::now();
    const std::string text = evaluate(hostile.request, policies, *parse_date("2026-06-01"));
    const auto seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(seconds < 2.0);  // a hang guard, not a benchmark
    const Json answer = Json::parse(text, nullptr, false);
    REQUIRE_FALSE(answer.is_discarded());
    if (hostile.code.empty()) {
      CHECK(answer["ok"] == true);
    } else {
      REQUIRE(answer["ok"] == false);
      CHECK(answer["error"]["code"] == hostile.code);
      CHECK(answer["error"]["path"] == hostile.path);
    }
  }
}
