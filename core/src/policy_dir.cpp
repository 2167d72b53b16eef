// Reading a policy directory from disk, for `gongji --policies DIR` and `gongji check DIR`.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "gongji/policy.hpp"

namespace gongji {

std::vector<PolicyFile> read_policy_dir(const std::string& dir,
                                        std::vector<PolicyProblem>& problems) {
  std::vector<PolicyFile> files;
  auto read = [&](const std::string& relative) {
    std::ifstream in(dir + "/" + relative, std::ios::binary);
    if (!in) {
      problems.push_back({relative, "", "cannot be read from " + dir, "policy.unreadable_file"});
      return;
    }
    std::ostringstream text;
    text << in.rdbuf();
    files.push_back({relative, text.str()});
  };
  for (const char* name :
       {"version.json", "sources.json", "messages.json", "vocabulary.json", "divisions.json"})
    read(name);
  std::error_code error;
  std::vector<std::string> region_files;
  for (const auto& entry : std::filesystem::directory_iterator(dir + "/regions", error)) {
    if (entry.path().extension() == ".json")
      region_files.push_back(entry.path().filename().string());
  }
  if (error)
    problems.push_back({"regions/", "", "cannot be listed in " + dir + ": " + error.message(),
                        "policy.unreadable_file"});
  std::sort(region_files.begin(), region_files.end());
  for (const std::string& name : region_files) read("regions/" + name);
  return files;
}

}  // namespace gongji
