// The WebAssembly binding: a JSON string in, a JSON string out, through a plain C ABI.
// All logic lives in core/; web/gongji.mjs turns this into createCalculator().
#include <emscripten/emscripten.h>

#include <string>

#include "gongji/evaluate.hpp"

namespace {
std::string last_answer;  // owned here; valid until the next call from JavaScript
}

extern "C" {

// Built twice: gongji-core.wasm answers every request; gongji-calculator.wasm (GONGJI_NO_PLANNER,
// the calculator page's) answers one holder's family and links no household planner.
EMSCRIPTEN_KEEPALIVE const char* gongji_evaluate(const char* request, int length) {
  const std::string_view text(request, static_cast<std::size_t>(length));
#ifdef GONGJI_NO_PLANNER
  last_answer = gongji::evaluate_without_planner(text);
#else
  last_answer = gongji::evaluate(text);
#endif
  return last_answer.c_str();
}

// The rules the page downloaded (gongji-policies.bin, a policy image), installed before the first
// evaluation.
EMSCRIPTEN_KEEPALIVE const char* gongji_load_policies(const char* image, int length) {
  last_answer =
      gongji::install_policy_image(std::string_view(image, static_cast<std::size_t>(length)));
  return last_answer.c_str();
}

// The provinces' parts of rules installed split (gongji-rules/*.bin: one part or several back to
// back), added to the installed base.
EMSCRIPTEN_KEEPALIVE const char* gongji_add_policies(const char* images, int length) {
  last_answer =
      gongji::add_policy_part_images(std::string_view(images, static_cast<std::size_t>(length)));
  return last_answer.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* gongji_regions() {
  last_answer = gongji::regions_json();
  return last_answer.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* gongji_message(const char* lang_and_key, int length) {
  last_answer =
      gongji::message_text(std::string_view(lang_and_key, static_cast<std::size_t>(length)));
  return last_answer.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* gongji_vocabulary() {
  last_answer = gongji::vocabulary_json();
  return last_answer.c_str();
}

// The byte length of the last answer, so JavaScript can decode it without scanning for the NUL.
EMSCRIPTEN_KEEPALIVE int gongji_answer_size() {
  return static_cast<int>(last_answer.size());
}

EMSCRIPTEN_KEEPALIVE const char* gongji_version() {
  const auto policies = gongji::default_policies();
  last_answer = policies ? policies->version : "";
  return last_answer.c_str();
}
}
