// Reading policies/vocabulary.json into PolicySet::vocabulary, checked against the enumerations the
// program was built with (gongji/vocabulary.hpp, generated from the same file).
#pragma once

#include <vector>

#include "gongji/json.hpp"
#include "gongji/policy.hpp"

namespace gongji::detail {

// Every problem goes to `problems` with the file and a JSON Pointer; the words of a sound file go
// to `vocabulary`.
void load_vocabulary(const PolicyFile& file, const Json& json, Vocabulary& vocabulary,
                     std::vector<PolicyProblem>& problems);

}  // namespace gongji::detail
