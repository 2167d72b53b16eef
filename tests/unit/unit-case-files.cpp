// Case files of one case or of several ({"cases": [...]}): every case is read, run and stored on
// its own, and a malformed file or case is reported, never skipped.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "commands.hpp"

using namespace gongji;
namespace fs = std::filesystem;

namespace {

const char* const kRequest =
    R"({"as_of": "2026-06-01", "holder": {"region": "410100", "scheme": "employee",
        "balance_fen": 300000}, "members": [{"id": "w", "relation": "spouse", "age": 40,
        "scheme": "resident"}]})";

std::string a_case(const std::string& name, const std::string& expect) {
  return R"({"name": ")" + name + R"(", "request": )" + kRequest + R"(, "expect": )" + expect + "}";
}

// A fresh folder for one test's files, removed when the test ends.
struct Folder {
  fs::path path;
  explicit Folder(const std::string& name) : path(fs::temp_directory_path() / name) {
    fs::remove_all(path);
    fs::create_directories(path / "cases");
  }
  ~Folder() { fs::remove_all(path); }
  void write(const std::string& file, const std::string& text) const {
    std::ofstream(path / file, std::ios::binary) << text;
  }
};

// What a command prints, and its exit status.
struct Run {
  int status;
  std::string output;
};
template <typename Command>
Run capture(Command command) {
  std::ostringstream out;
  std::streambuf* saved = std::cout.rdbuf(out.rdbuf());
  const int status = command();
  std::cout.rdbuf(saved);
  return {status, out.str()};
}

}  // namespace

TEST_CASE("a file of several cases runs each case, and names the one that fails") {
  const Folder folder("gongji-unit-case-files-run");
  folder.write("cases/family.json", R"({"cases": [)" + a_case("first holds", R"({"ok": true})") +
                                        "," + a_case("second fails", R"({"ok": false})") + "]}");
  folder.write("cases/single.json", a_case("single holds", R"({"ok": true})"));
  const Run run = capture([&] {
    return cli::run_tests(*default_policies(), {(folder.path / "cases").string()}, true);
  });
  CAPTURE(run.output);
  CHECK(run.status == 1);
  CHECK(run.output.find("ok   first holds\n") != std::string::npos);
  CHECK(run.output.find("FAIL second fails (") != std::string::npos);
  CHECK(run.output.find("ok   single holds\n") != std::string::npos);
  CHECK(run.output.find("3 cases in 2 files\n2 passed, 1 failed\n") != std::string::npos);
}

TEST_CASE("a malformed file of several cases, or a malformed case in one, is reported") {
  const Folder folder("gongji-unit-case-files-malformed");
  const auto read = [&](const std::string& text) {
    folder.write("cases/file.json", text);
    return cli::read_case_file((folder.path / "cases/file.json").string());
  };
  CHECK(read(R"({"cases": []})").failure.find("at least one case") != std::string::npos);
  CHECK(read(R"({"cases": [)" + a_case("a", "{}") + R"(], "name": "x"})")
            .failure.find("{\"cases\"") != std::string::npos);
  CHECK(read("[1, 2").failure == "not JSON");
  const cli::CaseFile one_bad =
      read(R"({"cases": [)" + a_case("good", "{}") + R"(, {"name": "no expect", "request": {}}]})");
  REQUIRE(one_bad.cases.size() == 2);
  CHECK(one_bad.several);
  CHECK(one_bad.cases[0].failure.empty());
  CHECK(one_bad.cases[0].name == "good");
  CHECK(one_bad.cases[1].failure.find("needs \"request\" and \"expect\"") != std::string::npos);
  CHECK(one_bad.cases[1].index == 1);
}

TEST_CASE("stored answers are kept per case in a file of several cases") {
  const Folder folder("gongji-unit-case-files-golden");
  folder.write("cases/family.json",
               R"({"cases": [)" + a_case("first", "{}") + "," + a_case("second", "{}") + "]}");
  const std::string cases = (folder.path / "cases").string();
  const std::string stored = (folder.path / "golden").string();
  const auto golden = [&](bool update) {
    return capture([&] {
      return cli::run_golden({*default_policies(), *default_policies()}, cases, stored, update);
    });
  };
  REQUIRE(golden(true).status == 0);
  std::ifstream in(folder.path / "golden/family.txt", std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  const std::string answers = text.str();
  // Each case's answers (zh, then en) under a heading naming it.
  CHECK(answers.rfind("# 1. first\n{\"ok\":true", 0) == 0);
  const auto second = answers.find("\n# 2. second\n{");
  REQUIRE(second != std::string::npos);
  CHECK(std::count(answers.begin(), answers.end(), '\n') == 6);
  CHECK(golden(false).output == "2 passed, 0 failed\n");

  // A changed answer is named by its case; the other still passes.
  std::string changed = answers;
  changed.replace(changed.find("\"ok\":true", second), 9, "\"ok\":fals");
  folder.write("golden/family.txt", changed);
  Run run = golden(false);
  CHECK(run.status == 1);
  CHECK(run.output.find("[second]: the answer changed at") != std::string::npos);
  CHECK(run.output.find("1 passed, 1 failed") != std::string::npos);

  // Answers stored for a case the file no longer holds would hide a lost case.
  folder.write("golden/family.txt", answers + answers.substr(second + 1));
  run = golden(false);
  CHECK(run.status == 1);
  CHECK(run.output.find("answers stored for 1 case(s) it no longer holds") != std::string::npos);
}
