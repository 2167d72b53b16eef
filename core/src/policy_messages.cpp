// The message table's index: a small open-addressing hash table over `messages` (policy.hpp), and
// the set's small look-ups.
#include "fnv1a.hpp"
#include "gongji/evaluate.hpp"
#include "gongji/policy.hpp"

namespace gongji {

void PolicySet::index_messages() {
  std::size_t size = 16;
  while (size < messages.size() * 2) size *= 2;
  message_index.assign(size, {std::string_view(), nullptr});
  for (const auto& [key, text] : messages) {
    std::size_t at = detail::fnv1a(key) & (size - 1);
    while (message_index[at].second) at = (at + 1) & (size - 1);
    message_index[at] = {key, &text};
  }
}

const LocalText* PolicySet::message(std::string_view key, bool optional) const {
  const std::size_t mask = message_index.size() - 1;
  if (!message_index.empty()) {
    for (std::size_t at = detail::fnv1a(key) & mask; message_index[at].second;
         at = (at + 1) & mask) {
      if (message_index[at].first == key) return message_index[at].second;
    }
  }
  text_missed = text_missed || (texts_apart && !optional);
  return nullptr;
}

bool PolicySet::apart(std::string_view code) const {
  if (provinces_apart.empty() || code.size() != 6) return false;
  return std::any_of(provinces_apart.begin(), provinces_apart.end(),
                     [&](const std::string& p) { return p.compare(0, 2, code.substr(0, 2)) == 0; });
}

std::string message_text(std::string_view lang_and_key) {
  const auto policies = default_policies();
  const std::size_t space = lang_and_key.find(' ');
  if (!policies || space == std::string_view::npos) return "";
  const std::string_view lang = lang_and_key.substr(0, space);
  const LocalText* text = policies->message(lang_and_key.substr(space + 1));
  if (!text) return "";
  return lang == "en" ? text->en : text->zh;
}

}  // namespace gongji
