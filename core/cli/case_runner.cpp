// Runs case files: {"name", "request", "expect"} as in ../shared/contract/examples, plus optional
// "basis" (the rule the case rests on), "today" (the default as_of), and "contains" / "lacks":
// lists of {"at": JSON Pointer to an array, "item": subset} that some element must (or no element
// may) match. Ends with "N passed, M failed".
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

std::string read_case(const std::string& file, CaseInput& input) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  input.test = Json::parse(text.str(), nullptr, false);
  const Json& test = input.test;
  if (test.is_discarded() || !test.is_object() || !test.contains("request") ||
      !test.contains("expect")) {
    return "not a case file (needs \"request\" and \"expect\")";
  }
  // nlohmann is built without exceptions (core/CMakeLists.txt): every field's type is checked
  // before it is read, so a malformed case file fails as a case, never as an abort.
  input.name =
      test.contains("name") && test["name"].is_string() ? test["name"].get<std::string>() : file;
  input.today = today_utc();
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

namespace {

// Empty when the case passes; otherwise what went wrong.
std::string run_case(const PolicySet& policies, const std::string& file, std::string& name) {
  CaseInput input;
  if (std::string failure = read_case(file, input); !failure.empty()) return failure;
  name = input.name;
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
  for (const std::string& file : case_files(paths, failed)) {
    std::string name = file;
    const std::string failure = run_case(policies, file, name);
    if (failure.empty()) {
      ++passed;
      if (verbose) std::cout << "ok   " << name << "\n";
    } else {
      ++failed;
      std::cout << "FAIL " << name << " (" << file << ")\n     " << failure << "\n";
    }
  }
  std::cout << passed << " passed, " << failed << " failed\n";
  return failed == 0 && passed > 0 ? 0 : 1;
}

}  // namespace gongji::cli
