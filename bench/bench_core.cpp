// Google Benchmark for the native core: evaluate() on the families in bench/families.json, and
// loading the embedded policy set, and reading it as a policy image. `build/native/bench/bench_core
// --benchmark_format=json`.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "gongji/evaluate.hpp"
#include "gongji/json.hpp"

namespace {

std::string family(const std::string& name) {
  std::ifstream in(GONGJI_SOURCE_DIR "/bench/families.json");
  std::stringstream text;
  text << in.rdbuf();
  return nlohmann::json::parse(text.str()).at(name).dump();
}

void evaluate_family(benchmark::State& state, const std::string& name) {
  const std::string request = family(name);
  const gongji::PolicySet& policies = *gongji::default_policies();
  const gongji::Date today = *gongji::parse_date("2026-06-01");
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string answer = gongji::evaluate(request, policies, today);
    bytes = answer.size();
    benchmark::DoNotOptimize(answer);
  }
  state.counters["answer_bytes"] = static_cast<double>(bytes);
}

void load_policies(benchmark::State& state) {
  for (auto _ : state) {
    auto load = gongji::load_policies(gongji::embedded_policy_files());
    benchmark::DoNotOptimize(load);
  }
}

// What the page does instead: read the prebuilt image of the same set.
void read_policy_image(benchmark::State& state) {
  const std::string image = gongji::write_policy_image(*gongji::default_policies());
  for (auto _ : state) {
    auto read = gongji::read_policy_image(image);
    benchmark::DoNotOptimize(read);
  }
}

}  // namespace

BENCHMARK_CAPTURE(evaluate_family, members_1_expenses_1, std::string("members-1-expenses-1"));
BENCHMARK_CAPTURE(evaluate_family, members_5_expenses_5, std::string("members-5-expenses-5"));
BENCHMARK_CAPTURE(evaluate_family, members_20_expenses_20, std::string("members-20-expenses-20"));
BENCHMARK_CAPTURE(evaluate_family, members_20_expenses_200, std::string("members-20-expenses-200"));
BENCHMARK(load_policies);
BENCHMARK(read_policy_image);
BENCHMARK_MAIN();
