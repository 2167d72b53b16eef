// Every request field has an error path: the contract's code and the JSON Pointer of the culprit.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "gongji/evaluate.hpp"
#include "gongji/json.hpp"

using namespace gongji;

namespace {

const PolicySet& policies() {
  return *default_policies();
}

Json answer(const std::string& text) {
  return Json::parse(evaluate(text, policies(), *parse_date("2026-06-01")));
}

// A valid request with `patch` merged in (RFC 7386: null removes a field).
std::string with(const std::string& patch) {
  Json base = Json::parse(R"({
    "as_of": "2026-06-01", "lang": "zh-CN",
    "holder": {"region": "410100", "scheme": "employee", "balance_fen": 1000},
    "members": [{"id": "a", "relation": "child", "age": 10, "scheme": "resident"}],
    "expenses": [{"member": "a", "kind": "outpatient", "amount_fen": 100}]})");
  base.merge_patch(Json::parse(patch));
  return base.dump();
}

std::string member_with(const std::string& field_json) {
  return R"({"holder": {"region": "410100", "scheme": "employee", "balance_fen": 1000},
             "members": [{"relation": "child", "age": 10, "scheme": "resident", )" +
         field_json + "}]}";
}

std::string expense_with(const std::string& field_json) {
  return R"({"holder": {"region": "410100", "scheme": "employee", "balance_fen": 1000},
             "members": [{"id": "a", "relation": "child", "age": 10, "scheme": "resident"}],
             "expenses": [{"member": "a", "kind": "outpatient", "amount_fen": 100, )" +
         field_json + "}]}";
}

struct Bad {
  std::string request;
  std::string code;
  std::string path;
};

void check_all(const std::vector<Bad>& cases) {
  for (const Bad& bad : cases) {
    CAPTURE(bad.request);
    const Json out = answer(bad.request);
    REQUIRE(out["ok"] == false);
    CHECK(out["error"]["code"] == bad.code);
    CHECK(out["error"]["path"] == bad.path);
    CHECK(!out["error"]["message"].get<std::string>().empty());
  }
}

}  // namespace

TEST_CASE("a valid base request is accepted") {
  CHECK(answer(with("{}"))["ok"] == true);
  // A 历年 part equal to the whole balance is all of it, not too much.
  CHECK(answer(with(R"({"holder": {"prior_years_balance_fen": 1000}})"))["ok"] == true);
}

TEST_CASE("top-level fields") {
  check_all({
      {with(R"({"as_of": "2026-02-30"})"), "invalid_request", "/as_of"},
      {with(R"({"as_of": "2026-6-1"})"), "invalid_request", "/as_of"},
      {with(R"({"as_of": 20260601})"), "invalid_request", "/as_of"},
      {with(R"({"lang": "fr"})"), "invalid_request", "/lang"},
      {with(R"({"colour": "red"})"), "invalid_request", "/colour"},
      {R"({"as_of": "2026-06-01"})", "invalid_request", "/holder"},
      {R"([])", "invalid_request", ""},
      {R"("holder")", "invalid_request", ""},
      {with(R"({"holder": 5})"), "invalid_request", "/holder"},
      {with(R"({"members": {}})"), "invalid_request", "/members"},
      {with(R"({"expenses": "none"})"), "invalid_request", "/expenses"},
  });
}

TEST_CASE("holder fields") {
  check_all({
      {with(R"({"holder": {"region": "4101"}})"), "invalid_request", "/holder/region"},
      {with(R"({"holder": {"region": "41010a"}})"), "invalid_request", "/holder/region"},
      {with(R"({"holder": {"region": 410100}})"), "invalid_request", "/holder/region"},
      {with(R"({"holder": {"region": "990000"}})"), "unknown_region", "/holder/region"},
      {with(R"({"holder": {"region": "000000"}})"), "unknown_region", "/holder/region"},
      {with(R"({"holder": {"scheme": "urban"}})"), "invalid_request", "/holder/scheme"},
      {with(R"({"holder": {"status": "student"}})"), "invalid_request", "/holder/status"},
      {with(R"({"holder": {"tier": 1}})"), "invalid_request", "/holder/tier"},
      {with(R"({"holder": {"tier": "123456789"}})"), "limit_exceeded", "/holder/tier"},
      // A tier the vocabulary does not name is an error, not "no tier" (review 53).
      {with(R"({"holder": {"region": "440300", "tier": "9"}})"), "invalid_request", "/holder/tier"},
      {with(R"({"holder": {"region": "440300", "tier": ""}})"), "invalid_request", "/holder/tier"},
      {with(R"({"holder": {"has_personal_account": "yes"}})"), "invalid_request",
       "/holder/has_personal_account"},
      {with(R"({"holder": {"balance_fen": -1}})"), "invalid_request", "/holder/balance_fen"},
      {with(R"({"holder": {"balance_fen": 10.5}})"), "invalid_request", "/holder/balance_fen"},
      {with(R"({"holder": {"balance_fen": "100"}})"), "invalid_request", "/holder/balance_fen"},
      {with(R"({"holder": {"balance_fen": 100000000001}})"), "invalid_request",
       "/holder/balance_fen"},
      {with(R"({"holder": {"balance_fen": 99999999999999999999999}})"), "invalid_request",
       "/holder/balance_fen"},
      {with(R"({"holder": {"balance_fen": true}})"), "invalid_request", "/holder/balance_fen"},
      {with(R"({"holder": {"balance_fen": null}})"), "invalid_request", "/holder/balance_fen"},
      {with(R"({"holder": {"prior_years_balance_fen": -5}})"), "invalid_request",
       "/holder/prior_years_balance_fen"},
      // The 历年 part of a balance of 1000 fen: never more than the whole.
      {with(R"({"holder": {"prior_years_balance_fen": 1001}})"), "invalid_request",
       "/holder/prior_years_balance_fen"},
      {with(R"({"holder": {"authorized_limit_fen": 1e12}})"), "invalid_request",
       "/holder/authorized_limit_fen"},
      {with(R"({"holder": {"nickname": "x"}})"), "invalid_request", "/holder/nickname"},
      {with(R"({"holder": {"region": null}})"), "invalid_request", "/holder/region"},
      {with(R"({"holder": {"scheme": null}})"), "invalid_request", "/holder/scheme"},
  });
}

TEST_CASE("member fields") {
  check_all({
      {member_with(R"("id": "")"), "invalid_request", "/members/0/id"},
      {member_with(R"("id": 7)"), "invalid_request", "/members/0/id"},
      {member_with(R"("id": ")" + std::string(65, 'x') + "\""), "limit_exceeded", "/members/0/id"},
      {member_with(R"("id": "holder")"), "invalid_request", "/members/0/id"},
      {member_with(R"("name": ")" + std::string(65, 'n') + "\""), "limit_exceeded",
       "/members/0/name"},
      {member_with(R"("name": ["a"])"), "invalid_request", "/members/0/name"},
      {member_with(R"("relation": "cousin")"), "invalid_request", "/members/0/relation"},
      {member_with(R"("age": -1)"), "invalid_request", "/members/0/age"},
      {member_with(R"("age": 151)"), "invalid_request", "/members/0/age"},
      {member_with(R"("age": 3.5)"), "invalid_request", "/members/0/age"},
      {member_with(R"("age": "10")"), "invalid_request", "/members/0/age"},
      {member_with(R"("scheme": "private")"), "invalid_request", "/members/0/scheme"},
      {member_with(R"("region": "12345")"), "invalid_request", "/members/0/region"},
      {member_with(R"("region": "710000")"), "unknown_region", "/members/0/region"},
      {member_with(R"("own_balance_fen": -100)"), "invalid_request", "/members/0/own_balance_fen"},
      {member_with(R"("bound_to_other_holder": 1)"), "invalid_request",
       "/members/0/bound_to_other_holder"},
      {member_with(R"("favourite": true)"), "invalid_request", "/members/0/favourite"},
      {R"({"holder": {"region": "410100", "scheme": "employee", "balance_fen": 0},
          "members": [{"age": 3, "scheme": "resident"}]})",
       "invalid_request", "/members/0/relation"},
      {R"({"holder": {"region": "410100", "scheme": "employee", "balance_fen": 0},
          "members": [{"relation": "child", "scheme": "resident"}]})",
       "invalid_request", "/members/0/age"},
      {R"({"holder": {"region": "410100", "scheme": "employee", "balance_fen": 0},
          "members": [{"relation": "child", "age": 3}]})",
       "invalid_request", "/members/0/scheme"},
      {R"({"holder": {"region": "410100", "scheme": "employee", "balance_fen": 0},
          "members": [5]})",
       "invalid_request", "/members/0"},
  });
}

TEST_CASE("member ids are unique, explicit or by position") {
  check_all({
      {R"({"holder": {"region": "410100", "scheme": "employee", "balance_fen": 0},
          "members": [{"id": "x", "relation": "child", "age": 3, "scheme": "resident"},
                      {"id": "x", "relation": "child", "age": 4, "scheme": "resident"}]})",
       "invalid_request", "/members/1/id"},
      {R"({"holder": {"region": "410100", "scheme": "employee", "balance_fen": 0},
          "members": [{"relation": "child", "age": 3, "scheme": "resident"},
                      {"id": "m1", "relation": "child", "age": 4, "scheme": "resident"}]})",
       "invalid_request", "/members/1/id"},
      {R"({"holder": {"region": "410100", "scheme": "employee", "balance_fen": 0},
          "members": [{"id": "m2", "relation": "child", "age": 3, "scheme": "resident"},
                      {"relation": "child", "age": 4, "scheme": "resident"}]})",
       "invalid_request", "/members/1"},
  });
}

TEST_CASE("expense fields") {
  check_all({
      {expense_with(R"("member": "b")"), "invalid_request", "/expenses/0/member"},
      {expense_with(R"("member": "")"), "invalid_request", "/expenses/0/member"},
      {expense_with(R"("kind": "massage")"), "invalid_request", "/expenses/0/kind"},
      {expense_with(R"("amount_fen": 0)"), "invalid_request", "/expenses/0/amount_fen"},
      {expense_with(R"("amount_fen": 100000000001)"), "invalid_request", "/expenses/0/amount_fen"},
      {expense_with(R"("designated": "no")"), "invalid_request", "/expenses/0/designated"},
      {expense_with(R"("when": "today")"), "invalid_request", "/expenses/0/when"},
      {R"({"holder": {"region": "410100", "scheme": "employee", "balance_fen": 0},
          "expenses": [{"kind": "outpatient", "amount_fen": 5}]})",
       "invalid_request", "/expenses/0/member"},
  });
}

TEST_CASE("expenses written before the members are still checked against them") {
  check_all({{R"({"expenses": [{"member": "zz", "kind": "outpatient", "amount_fen": 5}],
                  "holder": {"region": "410100", "scheme": "employee", "balance_fen": 0},
                  "members": [{"id": "a", "relation": "child", "age": 3, "scheme": "resident"}]})",
              "invalid_request", "/expenses/0/member"}});
  const Json ok = answer(R"({"expenses": [{"member": "a", "kind": "outpatient", "amount_fen": 5}],
      "holder": {"region": "410100", "scheme": "employee", "balance_fen": 10},
      "members": [{"id": "a", "relation": "child", "age": 3, "scheme": "resident"}]})");
  CHECK(ok["expenses"][0]["from_holder_fen"] == 5);
}

TEST_CASE("the first problem in document order is reported") {
  check_all({
      {R"({"as_of": "bad", "holder": {"region": "990000"}})", "invalid_request", "/as_of"},
      {R"({"holder": {"region": "990000", "scheme": "x"}})", "unknown_region", "/holder/region"},
      {R"({"holder": {"scheme": "x", "region": "990000"}})", "invalid_request", "/holder/scheme"},
      {R"({"members": [{"age": -1}], "holder": {"region": "990000"}})", "invalid_request",
       "/members/0/age"},
  });
}

TEST_CASE("limits") {
  std::string members = "[";
  for (int i = 0; i < 21; ++i)
    members += std::string(i ? "," : "") + R"({"relation":"child","age":1,"scheme":"resident"})";
  members += "]";
  std::string expenses = "[";
  for (int i = 0; i < 201; ++i)
    expenses +=
        std::string(i ? "," : "") + R"({"member":"holder","kind":"outpatient","amount_fen":1})";
  expenses += "]";
  std::string deep = std::string(40, '[') + std::string(40, ']');
  std::string wide = "{";
  for (int i = 0; i < 70; ++i)
    wide += std::string(i ? "," : "") + "\"k" + std::to_string(i) + "\":0";
  wide += "}";
  check_all({
      {with(R"({"members": )" + members + "}"), "limit_exceeded", "/members"},
      {with(R"({"expenses": )" + expenses + "}"), "limit_exceeded", "/expenses"},
      {std::string(1024 * 1024 + 1, ' '), "limit_exceeded", ""},
      {deep, "limit_exceeded", "/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0"},
      {with(R"({"holder": {"tier": )" + wide + "}}"), "limit_exceeded", "/holder/tier"},
  });
}

TEST_CASE("malformed JSON of every kind is invalid_json, never a crash") {
  for (const std::string& text :
       std::vector<std::string>{"", " ", "{", "{\"holder\":", "nul", "NaN", "{\"a\": NaN}",
                                "{\"a\": Infinity}", "{\"a\": -Infinity}", "[1,]", "{\"a\":1,}",
                                "{'a': 1}", "{\"a\": 1} trailing", std::string("{\"a\":\0}", 7),
                                "{\"a\": \"\xff\xfe\"}", "{\"a\": \"\xc3\"}", "\"\\ud800\"x"}) {
    CAPTURE(text);
    const Json out = answer(text);
    CHECK(out["ok"] == false);
    CHECK(out["error"]["code"] == "invalid_json");
    CHECK(out["error"]["path"] == "");
  }
}

TEST_CASE("duplicate keys are refused at the second occurrence") {
  check_all({
      {R"({"holder": {"region": "410100", "region": "110000", "scheme": "employee", "balance_fen": 0}})",
       "invalid_request", "/holder/region"},
      {R"({"as_of": "2026-06-01", "as_of": "2026-06-02"})", "invalid_request", "/as_of"},
  });
}

TEST_CASE("a UTF-8 byte order mark is accepted") {
  const Json out = answer("\xEF\xBB\xBF" + with("{}"));
  CHECK(out["ok"] == true);
}

TEST_CASE("errors speak the request's language") {
  const Json zh = answer(with(R"({"holder": {"balance_fen": -1}})"));
  const Json en = answer(with(R"({"lang": "en", "holder": {"balance_fen": -1}})"));
  CHECK(zh["error"]["message"] == "应在0到100000000000之间。");
  CHECK(en["error"]["message"] == "Must be from 0 to 100000000000.");
}

TEST_CASE("integral numbers written as decimals count as integers, as in JSON Schema") {
  const Json out = answer(with(
      R"({"holder": {"balance_fen": 1000.0}, "members": [{"id": "a", "relation": "child", "age": 1e1, "scheme": "resident"}]})"));
  REQUIRE(out["ok"] == true);
  CHECK(out["holder"]["shareable_fen"] == 1000);
}

// A tier the vocabulary (policies/vocabulary.json) does not name is refused in words of its own;
// one it names is read in a place with tiers (深圳) and in one without (郑州, where it is not
// asked).
TEST_CASE("a tier is one the vocabulary names") {
  const Json out = answer(with(R"({"holder": {"region": "440300", "tier": "0"}})"));
  REQUIRE(out["ok"] == false);
  CHECK(out["error"]["message"] ==
        "不是规则中写明的档次。请按参保的档次填写，不清楚可以问当地医保经办机构（有工作单位的，也可"
        "以问单位）。");
  CHECK(answer(with(R"({"holder": {"region": "440300", "tier": "2"}})"))["ok"] == true);
  CHECK(answer(with(R"({"holder": {"tier": "1"}})"))["ok"] == true);
}

// A real date outside the rules' range is told the range, not that it is no date (review 45).
TEST_CASE("a date outside the range is told the range") {
  for (const char* date : {"1899-12-31", "3000-01-01", "2026-02-30"}) {
    CAPTURE(date);
    const Json out = answer(with(std::string(R"({"as_of": ")") + date + "\"}"));
    REQUIRE(out["ok"] == false);
    CHECK(out["error"]["path"] == "/as_of");
    CHECK(out["error"]["message"].get<std::string>().find("1900-01-01至2999-12-31") !=
          std::string::npos);
  }
}
