#include <algorithm>
#include <cstring>

#include "gongji/household.hpp"
#include "json_limits.hpp"
#include "json_writer.hpp"
#include "vocabulary_loader.hpp"

namespace gongji {

namespace detail {
namespace {

// The forms the answers' sentences use, beyond the `label` every value has.
struct FormUsed {
  std::string_view enumeration;
  std::string_view form;
};
constexpr FormUsed kFormsUsed[] = {{"relation", "person"},
                                   {"relation", "one"},
                                   {"expense_kind", "in_text"},
                                   {"route", "in_text"},
                                   {"role", "in_text"}};

std::string quoted(const VocabularyEnumeration& enumeration) {
  std::string out;
  for (std::size_t i = 0; i < enumeration.size; ++i) {
    out += i > 0 ? ", \"" : "\"";
    out += std::string(enumeration.names[i]) + "\"";
  }
  return out;
}

class VocabularyReader {
 public:
  VocabularyReader(const std::string& file, std::vector<PolicyProblem>& problems)
      : file_(file), problems_(problems) {}

  bool problem(const std::string& pointer, std::string message) {
    problems_.push_back({file_, pointer, std::move(message), "policy.invalid_vocabulary"});
    return false;
  }

  // {"zh-CN": "...", "en": "..."}, both non-empty.
  bool texts(const Json& value, const std::string& at, LocalText& out) {
    if (!value.is_object() || value.size() != 2 || !value.contains("zh-CN") ||
        !value.contains("en")) {
      return problem(at, "must be {\"zh-CN\": text, \"en\": text}");
    }
    bool ok = true;
    for (const char* lang : {"zh-CN", "en"}) {
      const Json& text = value[lang];
      if (!text.is_string() || text.get_ref<const std::string&>().empty()) {
        ok = problem(pointer_append(at, lang), "must be a non-empty text");
      }
    }
    if (ok) out = {value["zh-CN"].get<std::string>(), value["en"].get<std::string>()};
    return ok;
  }

  // The forms an enumeration declares: unique names, `label` among them, and those the code uses.
  bool forms(const Json& value, const std::string& at, std::string_view key,
             std::vector<std::string>& out) {
    if (!value.is_array() || value.empty()) return problem(at, "must be a list of form names");
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (!value[i].is_string()) return problem(pointer_append(at, i), "must be a form name");
      const auto& name = value[i].get_ref<const std::string&>();
      const bool word = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || c == '_';
      });
      if (!word) return problem(pointer_append(at, i), "must be a name of a-z and _");
      if (std::find(out.begin(), out.end(), name) != out.end()) {
        return problem(pointer_append(at, i), "names a form twice");
      }
      out.push_back(name);
    }
    bool ok = true;
    auto require = [&](std::string_view form) {
      if (std::find(out.begin(), out.end(), form) == out.end()) {
        ok = problem(at, "must include \"" + std::string(form) + "\" (the program uses it)");
      }
    };
    require("label");
    for (const FormUsed& used : kFormsUsed) {
      if (used.enumeration == key) require(used.form);
    }
    return ok;
  }

  // The values, exactly the program's in its order, each {"id", and every declared form}.
  bool values(const Json& value, const std::string& at, const VocabularyEnumeration& known,
              const std::vector<std::string>& form_names, Vocabulary& vocabulary) {
    if (!value.is_array()) return problem(at, "must be a list of {\"id\", forms...}");
    bool same = value.size() == known.size;
    for (std::size_t i = 0; same && i < known.size; ++i) {
      const Json& item = value[i];
      same = item.is_object() && item.contains("id") && item["id"].is_string() &&
             item["id"].get_ref<const std::string&>() == known.names[i];
    }
    if (!same) {
      return problem(at, "must list the values the program knows, in this order: " + quoted(known) +
                             " (a new value needs the program rebuilt)");
    }
    bool ok = true;
    for (std::size_t i = 0; i < value.size(); ++i) {
      const Json& words = value[i];
      const std::string value_at = pointer_append(at, i);
      const std::string& name = words["id"].get_ref<const std::string&>();
      for (const auto& [form, text] : words.items()) {
        if (form != "id" &&
            std::find(form_names.begin(), form_names.end(), form) == form_names.end()) {
          ok = problem(pointer_append(value_at, form), "is not a form named in \"forms\"");
        }
      }
      for (const std::string& form : form_names) {
        if (!words.contains(form)) {
          ok = problem(pointer_append(value_at, form), "is missing (every value has each form)");
          continue;
        }
        LocalText text;
        if (texts(words[form], pointer_append(value_at, form), text)) {
          vocabulary.words[std::string(known.key) + "." + name + "." + form] = std::move(text);
        } else {
          ok = false;
        }
      }
    }
    return ok;
  }

  void read(const Json& json, Vocabulary& vocabulary) {
    if (!json.is_object()) {
      problem("", "must be an object of enumeration -> {\"about\", \"forms\", \"values\"}");
      return;
    }
    for (const auto& item : json.items()) {
      const std::string& key = item.key();
      const bool known = std::any_of(kVocabularyEnumerations.begin(), kVocabularyEnumerations.end(),
                                     [&](const VocabularyEnumeration& e) { return e.key == key; });
      if (!known && key != "$comment") {
        problem(pointer_append("", key), "is not an enumeration the program knows");
      }
    }
    for (const VocabularyEnumeration& known : kVocabularyEnumerations) {
      const std::string at = pointer_append("", known.key);
      const auto found = json.find(known.key);
      if (found == json.end()) {
        problem(at, "is missing (the program needs its values " + quoted(known) + ")");
        continue;
      }
      const Json& enumeration = *found;
      if (!enumeration.is_object() || !enumeration.contains("forms") ||
          !enumeration.contains("values")) {
        problem(at, "must be {\"about\": text, \"forms\": [...], \"values\": {...}}");
        continue;
      }
      for (const auto& [field, value] : enumeration.items()) {
        if (field != "about" && field != "forms" && field != "values") {
          problem(pointer_append(at, field), "is not a field of an enumeration");
        } else if (field == "about" && !value.is_string()) {
          problem(pointer_append(at, field), "must be a text");
        }
      }
      std::vector<std::string> form_names;
      if (!forms(enumeration["forms"], pointer_append(at, "forms"), known.key, form_names)) {
        continue;
      }
      values(enumeration["values"], pointer_append(at, "values"), known, form_names, vocabulary);
    }
  }

 private:
  const std::string& file_;
  std::vector<PolicyProblem>& problems_;
};

// The page's copy: {"relation": {"forms": [...], "values": [{"id": "spouse", "label": {...}}]}},
// without the maintainers' notes.
std::string page_json(const Json& json) {
  JsonWriter out;
  out.begin_object();
  for (const VocabularyEnumeration& known : kVocabularyEnumerations) {
    const Json& enumeration = json[std::string(known.key)];
    out.key(known.key).begin_object().key("forms").begin_array();
    for (const Json& form : enumeration["forms"]) out.value(form.get_ref<const std::string&>());
    out.end_array().key("values").begin_array();
    for (const Json& words : enumeration["values"]) {
      out.begin_object().field("id", words["id"].get_ref<const std::string&>());
      for (const auto& [form, text] : words.items()) {
        if (form == "id") continue;
        out.key(form)
            .begin_object()
            .field("zh-CN", text["zh-CN"].get_ref<const std::string&>())
            .field("en", text["en"].get_ref<const std::string&>())
            .end_object();
      }
      // A household role's relations to self, from the kinship table (not a form: no words), for
      // the page to carry a calculator's family to the household form.
      const auto role = known.key == "role"
                            ? enum_from<Role>(words["id"].get_ref<const std::string&>(), kRoleNames)
                            : std::nullopt;
      if (role) {
        out.key("relations").begin_array();
        for (const Relation relation : relations_to_self(*role))
          out.value(kRelationNames[static_cast<std::size_t>(relation)]);
        out.end_array();
      }
      out.end_object();
    }
    out.end_array().end_object();
  }
  return out.end_object().take();
}

}  // namespace

void load_vocabulary(const PolicyFile& file, const Json& json, Vocabulary& vocabulary,
                     std::vector<PolicyProblem>& problems) {
  const std::size_t before = problems.size();
  VocabularyReader(file.path, problems).read(json, vocabulary);
  if (problems.size() == before) vocabulary.json = page_json(json);
}

}  // namespace detail
}  // namespace gongji
