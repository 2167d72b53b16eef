// The vocabulary's words as evaluation reads them; loading them is vocabulary.cpp's (the loader).
#include <cstring>

#include "gongji/evaluate.hpp"

namespace gongji {

const LocalText* Vocabulary::find(std::string_view enumeration, std::string_view value,
                                  std::string_view form) const {
  char key[96];  // "enumeration.value.form" without a heap allocation; every key is shorter
  const std::size_t size = enumeration.size() + value.size() + form.size() + 2;
  if (size > sizeof key) return nullptr;
  char* at = key;
  for (std::string_view part : {enumeration, value, form}) {
    if (at != key) *at++ = '.';
    std::memcpy(at, part.data(), part.size());
    at += part.size();
  }
  const auto found = words.find(std::string_view(key, size));
  return found == words.end() ? nullptr : &found->second;
}

std::string vocabulary_json() {
  const auto policies = default_policies();
  return policies ? policies->vocabulary.json : "{}";
}

}  // namespace gongji
