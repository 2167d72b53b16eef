// A policy set cut to one language's texts (gongji/policy.hpp, with_texts_in): the page's first
// download carries the rules whole and the texts of the language it shows, about 40% fewer bytes
// than both (README, "Performance"); the other language's image comes when the user switches.
// And one without the household plan's texts (without_planner_texts), for the calculator page.
#include "policy_image.hpp"

namespace gongji {
namespace detail {
namespace {

// An archive for `fields` (policy_image.hpp) that reads and writes nothing: it walks every value
// of what it is given and empties each text's other language.
class LanguageCut {
 public:
  explicit LanguageCut(Lang keep) : keep_(keep) {}

  bool ok() const { return true; }
  void check(bool) {}
  void flag(bool&) {}
  void integer(int64_t&) {}
  void count(std::size_t&) {}
  void size(std::size_t&) {}
  void text(std::string&) {}
  template <typename E>
  void choice(E&, std::size_t) {}
  template <typename T>
  void map(std::map<std::string, T, std::less<>>& map) {
    for (auto& [key, value] : map) fields(*this, value);
  }
  void alternative(RuleValue& value) {
    std::visit([this](auto& alternative) { fields(*this, alternative); }, value);
  }

  void cut(LocalText& text) const { (keep_ == Lang::en ? text.zh : text.en).clear(); }

 private:
  Lang keep_;
};

// Found by argument-dependent lookup from the templates, and preferred to them: not a template.
void fields(LanguageCut& cut, LocalText& text) {
  cut.cut(text);
}

bool is_request_error(std::string_view key) {
  return key.substr(0, 6) == "error.";
}

}  // namespace
}  // namespace detail

std::unique_ptr<const PolicySet> with_texts_in(const PolicySet& set, Lang lang) {
  using namespace detail;
  // Through an image: a PolicySet is not copied (its message index views its own messages).
  ImageSet copy = read_image_set(write_policy_image(set));
  if (!copy.policies) return nullptr;
  PolicySet& cut_set = *copy.policies;
  LanguageCut cut(lang);
  fields(cut, cut_set.sources);
  fields(cut, cut_set.regions);
  for (auto& [key, text] : cut_set.messages) {
    if (!is_request_error(key)) cut.cut(text);
  }
  // The words an answer's sentences use; the page's copy of the vocabulary (vocabulary.json) keeps
  // both languages, as the form switches language at once.
  for (auto& [key, text] : cut_set.vocabulary.words) cut.cut(text);
  cut_set.languages = {lang};
  return std::move(copy.policies);
}

bool is_planner_text(std::string_view key) {
  return key.substr(0, 5) == "plan." || key.substr(0, 6) == "third.";
}

std::unique_ptr<const PolicySet> without_planner_texts(const PolicySet& set) {
  using namespace detail;
  ImageSet copy = read_image_set(write_policy_image(set));
  if (!copy.policies) return nullptr;
  auto& messages = copy.policies->messages;
  for (auto message = messages.begin(); message != messages.end();) {
    message = is_planner_text(message->first) ? messages.erase(message) : std::next(message);
  }
  // Read back, so that the message index views only the messages kept.
  return std::move(read_image_set(write_policy_image(*copy.policies)).policies);
}

}  // namespace gongji
