#include "image.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "gongji/evaluate.hpp"

namespace gongji::cli {

std::unique_ptr<const PolicySet> through_image(const PolicySet& policies, std::ostream& errors) {
  const std::string image = write_policy_image(policies);
  PolicyImageRead read = read_policy_image(image);
  if (!read.policies) {
    errors << "gongji: the policy image does not read back: " << read.error << "\n";
  } else if (write_policy_image(*read.policies) != image) {
    errors << "gongji: the policy image read back writes other bytes\n";
    return nullptr;
  }
  return std::move(read.policies);
}

std::unique_ptr<const PolicySet> through_parts(const PolicySet& policies, std::ostream& errors) {
  const PolicyParts split = write_policy_parts(policies);
  PolicyImageRead read = read_policy_image(split.base);
  if (!read.policies) {
    errors << "gongji: the base of the split rules does not read back: " << read.error << "\n";
    return nullptr;
  }
  for (const auto& [province, image] : split.parts) {
    const PolicyPartAdded added = add_policy_part(*read.policies, image);
    if (!added.ok || added.province != province) {
      errors << "gongji: the part of " << province << " does not add: " << added.error << "\n";
      return nullptr;
    }
  }
  if (write_policy_image(*read.policies) != write_policy_image(policies)) {
    errors << "gongji: the base and its parts do not give the whole set again\n";
    return nullptr;
  }
  return std::move(read.policies);
}

namespace {

bool write_file(const std::string& path, const std::string& bytes, std::ostream& errors) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) errors << "gongji: cannot write " << path << "\n";
  return static_cast<bool>(out);
}

// The days a first answer is asked on: the day the rules' version names ("2026.12.06-29":
// 2026-12-06), and 400 days later, once the rules' last review is over a year old and answers
// warn of it (warning.stale): a page asks as of its own day, any day of a release's life. None if
// the version names no day.
std::vector<Date> first_answer_days(const std::string& version) {
  std::string day = version.substr(0, 10);
  std::replace(day.begin(), day.end(), '.', '-');
  const std::optional<Date> released = parse_date(day);
  if (!released) return {};
  return {*released, Date{released->days + 400}};
}

// The answers to `requests` on each of `days`, from `set`.
std::vector<std::string> answers(const PolicySet& set, const std::vector<std::string>& requests,
                                 const std::vector<Date>& days) {
  std::vector<std::string> out;
  for (const std::string& request : requests) {
    for (const Date day : days) out.push_back(evaluate_without_planner(request, set, day));
  }
  return out;
}

// The messages `requests` need: each message is left out of a copy of `set` in turn, and kept
// only if some answer then differs, byte for byte (a text missing, or one looked for and used
// where the catalogue has it). Every answer from the messages kept is the whole set's.
std::vector<std::string> texts_needed(const PolicySet& set,
                                      const std::vector<std::string>& requests,
                                      const std::vector<Date>& days) {
  const std::vector<std::string> whole = answers(set, requests, days);
  const auto copy = read_policy_image(write_policy_image(set)).policies;
  std::vector<std::string> needed;
  std::vector<std::string> keys;
  for (const auto& [key, text] : copy->messages) keys.push_back(key);
  for (const std::string& key : keys) {
    auto node = copy->messages.extract(key);
    copy->index_messages();
    if (answers(*copy, requests, days) != whole) {
      needed.push_back(key);
      copy->messages.insert(std::move(node));
    }
  }
  return needed;
}

// The calculator page's base for `lang` and its texts part: the base keeps the messages the first
// answers (`first_answers`, a JSON file {"requests": [...]} of requests without "lang") need in
// that language; the rest come after the first answer. Each first answer is then checked to need
// nothing more from the base and the parts. false with the reason on `errors`.
bool write_calculator_base(const PolicySet& lean, const std::string& lang,
                           const std::string& first_answers, const std::string& path,
                           std::ostream& errors) {
  std::ifstream in(first_answers, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  const auto file = nlohmann::json::parse(text.str(), nullptr, false);
  if (!in || file.is_discarded() || !file.is_object() || !file.contains("requests") ||
      !file["requests"].is_array()) {
    errors << "gongji: " << first_answers << " is not {\"requests\": [...]}\n";
    return false;
  }
  const std::vector<Date> days = first_answer_days(lean.version);
  if (days.empty()) {
    errors << "gongji: the rules' version " << lean.version << " names no day\n";
    return false;
  }
  std::vector<std::string> requests;
  for (nlohmann::json request : file["requests"]) {
    if (!request.is_object()) {
      errors << "gongji: a first answer's request in " << first_answers << " is not an object\n";
      return false;
    }
    request["lang"] = lang;
    requests.push_back(request.dump());
  }
  const std::vector<std::string> first = texts_needed(lean, requests, days);
  const PolicyParts split = write_policy_parts(lean, &first);
  PolicyImageRead base = read_policy_image(split.base);
  if (!base.policies) {
    errors << "gongji: the calculator's base does not read back: " << base.error << "\n";
    return false;
  }
  for (const auto& [province, image] : split.parts) add_policy_part(*base.policies, image);
  if (answers(*base.policies, requests, days) != answers(lean, requests, days)) {
    errors << "gongji: a first answer needs texts its base leaves out (" << first_answers << ")\n";
    return false;
  }
  return write_file(path + ".bin", split.base, errors) &&
         write_file(path + ".texts.bin", split.texts, errors);
}

}  // namespace

int write_image_file(const PolicySet& policies, const std::string& path, std::ostream& errors) {
  const auto read_back = through_image(policies, errors);
  if (!read_back) return 1;
  return write_file(path, write_policy_image(*read_back), errors) ? 0 : 1;
}

int write_image_parts(const PolicySet& policies, const std::string& dir,
                      const std::string& first_answers, std::ostream& errors) {
  if (!through_parts(policies, errors)) return 1;
  std::string all;
  for (const auto& [province, image] : write_policy_parts(policies).parts) {
    if (!write_file(dir + "/" + province + ".bin", image, errors)) return 1;
    all += image;
  }
  if (!write_file(dir + "/all.bin", all, errors)) return 1;
  for (std::size_t lang = 0; lang < kLangNames.size(); ++lang) {
    const auto cut = with_texts_in(policies, static_cast<Lang>(lang));
    const std::string base = cut ? write_policy_parts(*cut).base : "";
    if (base.empty()) {
      errors << "gongji: the policy set does not split\n";
      return 1;
    }
    const std::string path = dir + "/" + std::string(kLangNames[lang]) + ".bin";
    if (!write_file(path, base, errors)) return 1;
    // The calculator page's base: the same without the household plan's texts.
    const auto lean = without_planner_texts(*cut);
    if (!lean) {
      errors << "gongji: the policy set does not split\n";
      return 1;
    }
    const std::string calculator_path = dir + "/" + std::string(kLangNames[lang]) + ".calculator";
    if (first_answers.empty()
            ? !write_file(calculator_path + ".bin", write_policy_parts(*lean).base, errors)
            : !write_calculator_base(*lean, std::string(kLangNames[lang]), first_answers,
                                     calculator_path, errors)) {
      return 1;
    }
  }
  return 0;
}

int write_language_image(const PolicySet& policies, const std::string& path,
                         const std::string& lang, std::ostream& errors) {
  const auto named = std::find(kLangNames.begin(), kLangNames.end(), lang);
  if (named == kLangNames.end()) {
    errors << "gongji: no language '" << lang << "' (zh-CN or en)\n";
    return 2;
  }
  const auto cut = with_texts_in(policies, static_cast<Lang>(named - kLangNames.begin()));
  if (!cut) {
    errors << "gongji: the policy set does not go through an image\n";
    return 1;
  }
  return write_image_file(*cut, path, errors);
}

}  // namespace gongji::cli
