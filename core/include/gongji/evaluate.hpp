// The one entry point of the contract: a request JSON in, a response JSON out. Never throws.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "gongji/answer.hpp"
#include "gongji/household.hpp"
#include "gongji/policy.hpp"
#include "gongji/request.hpp"

namespace gongji {

// The contract's entry point, with the embedded policies and today's date as the default `as_of`.
std::string evaluate(std::string_view request_json);

// The same with explicit policies and "today" (for tests and `gongji --policies`).
std::string evaluate(std::string_view request_json, const PolicySet& policies, Date today);

// The same for one holder's family only: a household request is an error at /household. The
// calculator's module (gongji-calculator.wasm) links this one and so carries no household
// planner, a sixth of the module.
std::string evaluate_without_planner(std::string_view request_json);
std::string evaluate_without_planner(std::string_view request_json, const PolicySet& policies,
                                     Date today);

// Every province and city as JSON: [{"code", "name", "coverage"}], where coverage is "city",
// "province" or "national" (the most specific layer with rules of its own).
std::string regions_json(const PolicySet& policies);
std::string regions_json();  // the embedded set

// The enumerations and their words (policies/vocabulary.json), for the page's option lists and
// labels: {"relation": {"forms": ["label", ...], "values": [{"id": "spouse", "label": {"zh-CN":
// ..., "en": ...}, ...}]}, ...}; "{}" when no rules are loaded.
std::string vocabulary_json();

// One installed text by its key, as written (placeholders left in), for "LANG KEY" ("en
// error.duplicate_role"): a sentence a page says that no answer of its own carries (the
// calculator's one-spouse problem, as the household check says it); "" if there is none.
std::string message_text(std::string_view lang_and_key);

// Reads a policy image (see write_policy_image) and, if it is sound, makes it the default set.
// Answers {"ok":true,"version":...,"languages":[...],"apart":[province codes],"texts_apart":
// whether its texts part is still to be added} or {"ok":false,"problems":["not a usable policy
// image: ..."]}.
std::string install_policy_image(std::string_view image);

// Adds the parts in `images` (one or more part images back to back, see write_policy_parts: a
// province's, or the texts part) to the installed set. Answers {"ok":true,"apart":[the provinces
// still apart]} or {"ok":false, "problems":[...]}, with the parts before the bad one added.
std::string add_policy_part_images(std::string_view images);

// The typed steps behind it. A request is either the v1 one or a household (household.hpp).
std::variant<Request, HouseholdRequest, RequestError> read_any_request(
    std::string_view request_json, const PolicySet& policies, Date today);
// Without households: one is an error where it is named (/household), and its reader is not
// linked by a program that calls only this one.
std::variant<Request, RequestError> read_request(std::string_view request_json,
                                                 const PolicySet& policies, Date today);
Answer evaluate_request(const Request& request, const PolicySet& policies);  // borrows `policies`
std::string to_json(const Answer& answer);
std::string to_json(const RequestError& error);

}  // namespace gongji
