// The JSON document type of the policy loader, the command-line tools and the tests. Evaluation
// and the policy image do not use it (the WebAssembly module links no JSON library): requests are
// read by json_tape.hpp and answers written by json_writer.hpp.
#pragma once

#include <nlohmann/json.hpp>

namespace gongji {

using Json = nlohmann::ordered_json;

}  // namespace gongji
