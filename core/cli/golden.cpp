// Stored answers: every case's whole answer, byte for byte, so that a refactor can show it changed
// no answer, and a deliberate change shows every answer it changed (regenerated in its commit).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <vector>

#include "commands.hpp"
#include "gongji/evaluate.hpp"

namespace gongji::cli {
namespace {

namespace fs = std::filesystem;

// The answers stored for one case: the request as written, then (for a request object) the same
// request in the other language, one answer per line. A file of several cases stores each case's
// answers in turn, each under a heading line "# N. name".
std::string answers_of(const LanguageSets& sets, const CaseInput& input) {
  const Json& request = input.test["request"];
  const bool english = request.is_object() && request.contains("lang") && request["lang"] == "en";
  std::string answers = evaluate(input.request, sets.in(english), input.today) + "\n";
  if (request.is_object()) {
    Json other = request;
    other["lang"] = english ? "zh-CN" : "en";
    answers += evaluate(other.dump(), sets.in(!english), input.today) + "\n";
  }
  return answers;
}

// The line that heads a case's answers in a file of several cases. Answers are JSON objects, so
// a line starting "# " is always a heading.
std::string case_heading(const CaseInput& input) {
  std::string name = input.name;
  for (char& c : name) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return "# " + std::to_string(input.index + 1) + ". " + name + "\n";
}

// A stored file of several cases, cut into each case's block (heading included).
std::vector<std::string> split_blocks(const std::string& text) {
  std::vector<std::string> blocks;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = text.find('\n', at);
    const std::size_t next = end == std::string::npos ? text.size() : end + 1;
    if (text.compare(at, 2, "# ") == 0 || blocks.empty()) blocks.emplace_back();
    blocks.back() += text.substr(at, next - at);
    at = next;
  }
  return blocks;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Where two texts first differ, with a little of each side.
std::string first_difference(const std::string& stored, const std::string& now) {
  std::size_t at = 0;
  while (at < stored.size() && at < now.size() && stored[at] == now[at]) ++at;
  const std::size_t from = at < 60 ? 0 : at - 60;
  return "byte " + std::to_string(at) + ": stored …" + stored.substr(from, 120) +
         "…\n     now    …" + now.substr(from, 120) + "…";
}

}  // namespace

int run_golden(const LanguageSets& sets, const std::string& cases_dir,
               const std::string& golden_dir, bool update) {
  int failed = 0;
  int passed = 0;
  std::set<fs::path> expected_files;
  for (const std::string& file : case_files({cases_dir}, failed)) {
    const fs::path stored_path =
        fs::path(golden_dir) /
        fs::path(file).lexically_relative(cases_dir).replace_extension(".txt");
    expected_files.insert(stored_path);
    const CaseFile read = read_case_file(file);
    if (!read.failure.empty()) {
      std::cout << "FAIL " << file << ": " << read.failure << "\n";
      ++failed;
      continue;
    }
    // Each case's block: in a file of several cases, headed by a line naming the case.
    std::vector<std::string> blocks;
    bool readable = true;
    for (const CaseInput& input : read.cases) {
      if (!input.failure.empty()) {
        std::cout << "FAIL " << input.name << ": " << input.failure << "\n";
        ++failed;
        readable = false;
        continue;
      }
      blocks.push_back((read.several ? case_heading(input) : "") + answers_of(sets, input));
    }
    if (!readable) continue;
    if (update) {
      fs::create_directories(stored_path.parent_path());
      std::ofstream out(stored_path, std::ios::binary);
      for (const std::string& block : blocks) out << block;
      passed += static_cast<int>(blocks.size());
      continue;
    }
    std::error_code error;
    if (!fs::exists(stored_path, error)) {
      std::cout << "FAIL " << file << ": no stored answers (" << stored_path.string() << ")\n";
      failed += static_cast<int>(blocks.size());
      continue;
    }
    const std::vector<std::string> stored =
        read.several ? split_blocks(read_file(stored_path)) : std::vector{read_file(stored_path)};
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      const std::string& name = read.cases[i].name;
      if (i >= stored.size()) {
        std::cout << "FAIL " << file << " [" << name << "]: no stored answers\n";
        ++failed;
      } else if (stored[i] != blocks[i]) {
        std::cout << "FAIL " << file << " [" << name << "]: the answer changed at "
                  << first_difference(stored[i], blocks[i]) << "\n";
        ++failed;
      } else {
        ++passed;
      }
    }
    if (stored.size() > blocks.size()) {
      std::cout << "FAIL " << file << ": answers stored for " << stored.size() - blocks.size()
                << " case(s) it no longer holds\n";
      ++failed;
    }
  }
  // Answers stored for a case that no longer exists would hide a lost case.
  std::error_code error;
  std::vector<fs::path> stale;
  if (fs::is_directory(golden_dir, error)) {
    for (const auto& entry : fs::recursive_directory_iterator(golden_dir, error)) {
      if (entry.path().extension() == ".txt" && !expected_files.count(entry.path()))
        stale.push_back(entry.path());
    }
  }
  for (const fs::path& path : stale) {
    if (update) {
      fs::remove(path, error);
    } else {
      std::cout << "FAIL " << path.string() << ": stored answers of no case file\n";
      ++failed;
    }
  }
  std::cout << passed << " passed, " << failed << " failed\n";
  return failed == 0 && passed > 0 ? 0 : 1;
}

}  // namespace gongji::cli
