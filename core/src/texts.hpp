// User-facing text in the answer's language, from the message catalogue in policies/messages.json.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gongji/policy.hpp"

namespace gongji::detail {

// Values are views: a call's temporaries live until the call returns, and no value is copied
// into a string of its own (one copy per parameter at some 250 call sites was code and time).
using TextParams = std::initializer_list<std::pair<std::string_view, std::string_view>>;

class Texts {
 public:
  // `holder`: how to name the holder when they are not the person reading (a household plan's
  // spouse, say); texts about the holder then come from the catalogue's "third." form.
  Texts(const PolicySet& policies, Lang lang, const std::optional<std::string>& holder = {})
      : policies_(policies), lang_(lang), holder_(holder) {}

  // The template for `key` with each "{name}" replaced; the key itself if the catalogue lacks it.
  // For a holder named in the third person, "third.<key>" where the catalogue has it, with
  // "{holder}" their name.
  std::string get(std::string_view key, TextParams params = {}) const;
  std::string money(Fen fen) const;
  // Items named in a sentence, a series: "A", "A and B", "A, B and C"; "A和B", "A、B和C".
  std::string series(const std::vector<std::string>& items) const;
  // "A, B or C": any one of them.
  std::string alternatives(const std::vector<std::string>& items) const;
  // Rules named by what they decide, which in Chinese are clauses ("在哪里办理"): a series in
  // English ("which relatives may share and where to apply"), joined by 、 alone in Chinese.
  std::string rule_series(const std::vector<std::string>& items) const;
  // The tiers that have (or have not) an account, as the form names them, in a series: "一档",
  // "二档和三档", "tier 2 and tier 3" (walk 58: "tier 2, tier 3 have no account").
  std::string tiers(const Tiers& tiers, bool with_account) const;
  std::string label(std::string_view prefix, std::string_view name) const;
  // The two relations a line through the user may be when the user's sex is not given, named
  // together in the vocabulary's order: "孙子女或外孙子女"; where the catalogue has one word for
  // the pair ("either_relation.grandchild": English "grandchild"), that word.
  std::string either_relation(Relation one, Relation other) const;
  // A value's word from policies/vocabulary.json: word("relation", "spouse", "person").
  std::string_view word(std::string_view enumeration, std::string_view value,
                        std::string_view form = "label") const;

 private:
  const PolicySet& policies_;
  Lang lang_;
  std::optional<std::string> holder_;
};

// An English text as written to the answer: each sentence begins with a capital, whichever value a
// template put first (a rule's name after a full stop, a kind's label at the start). Returns `text`
// itself, or `scratch` holding the corrected copy; other languages are returned as they are.
std::string_view sentence_case(std::string_view text, Lang lang, std::string& scratch);

// Where a listing text's list goes: formatted with this as the list, the text before it is the
// list's lead (lead_before_list).
inline constexpr std::string_view kListMark = "\x1f";
std::string lead_before_list(const std::string& marked);

// Every catalogue key the code uses; the loader checks each exists in both languages.
const std::vector<std::string>& required_message_keys();

}  // namespace gongji::detail
