// Checks parts of a policy file and records each problem by file and JSON Pointer. Every check
// returns whether the part is good, so a caller reads a value only after its check passed.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gongji/json.hpp"
#include "gongji/policy.hpp"

namespace gongji::detail {

class Checker {
 public:
  explicit Checker(std::vector<PolicyProblem>& problems) : problems_(problems) {}

  // Records a problem of kind `id` (policy.*: see PolicyProblem); always false.
  bool problem(const std::string& file, const std::string& pointer, std::string_view id,
               std::string message);
  // Places the last problem at a line and column of its file (where no pointer can say it).
  void place_last(std::size_t line, std::size_t column);
  // Allowed keys only; `required` must be present.
  bool fields(const std::string& file, const std::string& path, const Json& value,
              std::initializer_list<std::string_view> required,
              std::initializer_list<std::string_view> optional);
  bool text(const std::string& file, const std::string& path, const Json& value);
  std::optional<Date> date(const std::string& file, const std::string& path, const Json& value);
  std::optional<LocalText> local_text(const std::string& file, const std::string& path,
                                      const Json& value);
  bool one_of(const std::string& file, const std::string& path, const Json& value,
              const std::vector<std::string_view>& names);

 private:
  std::vector<PolicyProblem>& problems_;
};

}  // namespace gongji::detail
