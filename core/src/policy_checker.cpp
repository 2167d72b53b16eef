#include "policy_checker.hpp"

#include <algorithm>

#include "json_limits.hpp"

namespace gongji::detail {

bool Checker::problem(const std::string& file, const std::string& pointer, std::string_view id,
                      std::string message) {
  problems_.push_back({file, pointer, std::move(message), std::string(id)});
  return false;
}

void Checker::place_last(std::size_t line, std::size_t column) {
  problems_.back().line = line;
  problems_.back().column = column;
}

bool Checker::fields(const std::string& file, const std::string& path, const Json& value,
                     std::initializer_list<std::string_view> required,
                     std::initializer_list<std::string_view> optional) {
  if (!value.is_object()) return problem(file, path, "policy.not_object", "must be an object");
  bool ok = true;
  for (auto name : required) {
    if (!value.contains(name))
      ok = problem(file, pointer_append(path, name), "policy.missing_field", "is required");
  }
  for (const auto& [key, field] : value.items()) {
    const bool known = std::find(required.begin(), required.end(), key) != required.end() ||
                       std::find(optional.begin(), optional.end(), key) != optional.end();
    if (!known)
      ok = problem(file, pointer_append(path, key), "policy.unknown_field", "is not a known field");
  }
  return ok;
}

bool Checker::text(const std::string& file, const std::string& path, const Json& value) {
  if (!value.is_string() || value.get_ref<const std::string&>().empty()) {
    return problem(file, path, "policy.invalid_text", "must be a non-empty string");
  }
  return true;
}

std::optional<Date> Checker::date(const std::string& file, const std::string& path,
                                  const Json& value) {
  const auto parsed =
      value.is_string() ? parse_date(value.get_ref<const std::string&>()) : std::nullopt;
  if (!parsed) problem(file, path, "policy.invalid_date", "must be a real date written YYYY-MM-DD");
  return parsed;
}

std::optional<LocalText> Checker::local_text(const std::string& file, const std::string& path,
                                             const Json& value) {
  if (!fields(file, path, value, {"zh-CN", "en"}, {})) return std::nullopt;
  bool ok = text(file, pointer_append(path, "zh-CN"), value["zh-CN"]);
  ok = text(file, pointer_append(path, "en"), value["en"]) && ok;
  if (!ok) return std::nullopt;
  return LocalText{value["zh-CN"].get<std::string>(), value["en"].get<std::string>()};
}

bool Checker::one_of(const std::string& file, const std::string& path, const Json& value,
                     const std::vector<std::string_view>& names) {
  if (value.is_string() &&
      std::find(names.begin(), names.end(), value.get_ref<const std::string&>()) != names.end())
    return true;
  std::string allowed;
  for (auto name : names) allowed += (allowed.empty() ? "" : ", ") + std::string(name);
  return problem(file, path, "policy.not_one_of", "must be one of: " + allowed);
}

}  // namespace gongji::detail
