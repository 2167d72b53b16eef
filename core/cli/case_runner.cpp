// Runs case files: {"name", "request", "expect"} as in ../shared/contract/examples, plus optional
// "basis" (the rule the case rests on), "today" (the default as_of), and "contains" / "lacks":
// lists of {"at": JSON Pointer to an array, "item": subset} that some element must (or no element
// may) match. A file may hold one case, or several as {"cases": [case, ...]} (one family of cases,
// e.g. the same family on each side of a start date). Ends with "C cases in F files" and
// "N passed, M failed".
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "gongji/evaluate.hpp"

namespace gongji::cli {

std::vector<std::string> case_files(const std::vector<std::string>& paths, int& unreadable) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
      for (const auto& entry : std::filesystem::recursive_directory_iterator(path, error)) {
        if (entry.path().extension() == ".json") files.push_back(entry.path().string());
      }
    } else if (std::filesystem::exists(path, error)) {
      files.push_back(path);
    } else {
      std::cout << "FAIL " << path << ": no such file or directory\n";
      ++unreadable;
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

namespace {

// A string nlohmann's json_pointer accepts: "" or "/..." with "~" only as "~0" or "~1".
bool is_pointer(const Json& value) {
  if (!value.is_string()) return false;
  const std::string& text = value.get_ref<const std::string&>();
  if (!text.empty() && text[0] != '/') return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '~' && (i + 1 == text.size() || (text[i + 1] != '0' && text[i + 1] != '1')))
      return false;
  }
  return true;
}

}  // namespace

namespace {

// Empty when `test` is a readable case; otherwise why not.
std::string read_one(const Json& test, const std::string& fallback_name, CaseInput& input) {
  input.test = test;
  if (!test.is_object() || !test.contains("request") || !test.contains("expect")) {
    return "not a case (needs \"request\" and \"expect\")";
  }
  // nlohmann is built without exceptions (core/CMakeLists.txt): every field's type is checked
  // before it is read, so a malformed case file fails as a case, never as an abort.
  input.name = test.contains("name") && test["name"].is_string() ? test["name"].get<std::string>()
                                                                 : fallback_name;
  input.today = today_in_china();
  if (test.contains("today")) {
    const auto parsed =
        test["today"].is_string() ? parse_date(test["today"].get<std::string>()) : std::nullopt;
    if (!parsed) return "\"today\" is not a date";
    input.today = *parsed;
  }
  // A request given as a string is sent byte for byte (for malformed-input cases).
  input.request =
      test["request"].is_string() ? test["request"].get<std::string>() : test["request"].dump();
  return "";
}

}  // namespace

CaseFile read_case_file(const std::string& file) {
  CaseFile read;
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  const Json json = Json::parse(text.str(), nullptr, false);
  if (json.is_discarded()) {
    read.failure = "not JSON";
    return read;
  }
  const bool several = json.is_object() && json.contains("cases");
  if (several && (!json["cases"].is_array() || json["cases"].empty() || json.size() != 1)) {
    read.failure = "a file of several cases is {\"cases\": [case, ...]} with at least one case";
    return read;
  }
  read.several = several;
  const std::vector<Json> tests =
      several ? json["cases"].get<std::vector<Json>>() : std::vector<Json>{json};
  for (std::size_t i = 0; i < tests.size(); ++i) {
    CaseInput input;
    input.index = i;
    const std::string label = several ? file + " #" + std::to_string(i + 1) : file;
    input.failure = read_one(tests[i], label, input);
    if (!input.failure.empty()) input.name = label;
    read.cases.push_back(std::move(input));
  }
  return read;
}

namespace {

// Empty when the case passes; otherwise what went wrong.
std::string run_case(const PolicySet& policies, CaseInput& input) {
  if (!input.failure.empty()) return input.failure;
  Json& test = input.test;
  const std::string response = evaluate(input.request, policies, input.today);
  const Json actual = Json::parse(response, nullptr, false);
  if (actual.is_discarded()) return "the response is not JSON: " + response.substr(0, 200);
  std::string why;
  if (!matches(test["expect"], actual, "", why)) return why;
  for (const char* rule : {"contains", "lacks"}) {
    if (!test.contains(rule)) continue;
    if (!test[rule].is_array()) return std::string(rule) + " must be an array";
    for (const Json& check : test[rule]) {
      if (!check.is_object() || !check.contains("at") || !check.contains("item") ||
          !is_pointer(check["at"]))
        return std::string(rule) + " needs at (a JSON Pointer) and item";
      const Json::json_pointer at(check["at"].get<std::string>());
      if (!actual.contains(at) || !actual.at(at).is_array())
        return check["at"].get<std::string>() + ": no such array";
      const Json& list = actual.at(at);
      std::string ignored;
      const bool found = std::any_of(list.begin(), list.end(), [&](const Json& element) {
        return matches(check["item"], element, "", ignored);
      });
      if (found != (std::string(rule) == "contains")) {
        return check["at"].get<std::string>() + (found ? " has " : " lacks ") +
               check["item"].dump();
      }
    }
  }
  return "";
}

}  // namespace

int run_tests(const PolicySet& policies, const std::vector<std::string>& paths, bool verbose) {
  int failed = 0;
  int passed = 0;
  const std::vector<std::string> files = case_files(paths, failed);
  for (const std::string& file : files) {
    CaseFile read = read_case_file(file);
    if (!read.failure.empty()) {
      ++failed;
      std::cout << "FAIL " << file << "\n     " << read.failure << "\n";
    }
    for (CaseInput& input : read.cases) {
      const std::string failure = run_case(policies, input);
      if (failure.empty()) {
        ++passed;
        if (verbose) std::cout << "ok   " << input.name << "\n";
      } else {
        ++failed;
        std::cout << "FAIL " << input.name << " (" << file << ")\n     " << failure << "\n";
      }
    }
  }
  std::cout << passed + failed << " cases in " << files.size() << " files\n";
  std::cout << passed << " passed, " << failed << " failed\n";
  return failed == 0 && passed > 0 ? 0 : 1;
}

}  // namespace gongji::cli
