// libFuzzer target: any bytes into evaluate(). Properties: never throws, always answers one JSON
// object with "ok"; an ok answer's money adds up, and a household plan covers no more than its
// people. The calculator's module's entry (evaluate_without_planner) answers the same bytes as
// evaluate() does, or, where evaluate() made a plan or refused a household, an error.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "gongji/evaluate.hpp"
#include "gongji/json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto policies = gongji::default_policies();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string answer = gongji::evaluate(text, *policies, *gongji::parse_date("2026-06-01"));
  const auto json = nlohmann::json::parse(answer, nullptr, false);
  if (json.is_discarded() || !json.is_object() || !json.contains("ok")) std::abort();
  if (json["ok"] == true && json.contains("plan")) {
    const auto& plan = json["plan"];
    if (!plan.contains("covered") || !plan.contains("total")) std::abort();
    if (plan["covered"].get<int64_t>() > plan["total"].get<int64_t>()) std::abort();
  } else if (json["ok"] == true) {
    for (const auto& expense : json["expenses"]) {
      const int64_t sum = expense["from_own_fen"].get<int64_t>() +
                          expense["from_holder_fen"].get<int64_t>() +
                          expense["out_of_pocket_fen"].get<int64_t>();
      if (sum != expense["amount_fen"].get<int64_t>()) std::abort();
    }
    if (json["pool"]["remaining_fen"].get<int64_t>() < 0) std::abort();
  }
  const std::string without_planner =
      gongji::evaluate_without_planner(text, *policies, *gongji::parse_date("2026-06-01"));
  if (without_planner != answer) {
    const auto lean = nlohmann::json::parse(without_planner, nullptr, false);
    if (lean.is_discarded() || lean["ok"] != false) std::abort();
    if (lean["error"]["path"] != "/household") std::abort();
  }
  return 0;
}
