// The WebAssembly binding: a JSON string in (UTF-8), a JSON string out (UTF-16), through a plain
// C ABI. All logic lives in core/; web/gongji.mjs turns this into createCalculator().
#include <emscripten/emscripten.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include "gongji/evaluate.hpp"

namespace {
std::string last_answer;  // owned here; valid until the next call from JavaScript

// The last answer as UTF-16 code units, the form a JavaScript string is made of: decoding them is
// a copy (TextDecoder("utf-16le")), where decoding UTF-8 took Node.js about 22 us of a 1+1
// family's 79 us call (README, Performance). The text is the same; only its encoding in transit
// differs. A UTF-8 text never has more UTF-16 units than bytes.
char16_t* units = nullptr;
std::size_t units_capacity = 0;
std::size_t units_count = 0;

const char16_t* last_answer_in_utf16() {
  const std::size_t size = last_answer.size();
  if (units_capacity < size + 1) {
    std::free(units);
    units = static_cast<char16_t*>(std::malloc((size + 1) * sizeof(char16_t)));
    // Out of memory: stop here rather than write the answer from address 0, which WebAssembly
    // allows (it would overwrite the module's data without a trap).
    if (units == nullptr) std::abort();
    units_capacity = size + 1;
  }
  const auto* byte = reinterpret_cast<const unsigned char*>(last_answer.data());
  const unsigned char* end = byte + size;
  char16_t* unit = units;
  while (byte < end) {
    // The writer's output is valid UTF-8 (the request reader and the image reader check every
    // text that enters), so continuation bytes are not checked; a sequence cut short still never
    // reads past the end.
    const unsigned lead = *byte++;
    if (lead < 0x80) {
      *unit++ = static_cast<char16_t>(lead);
      continue;
    }
    // Three bytes (a Chinese character) in one step.
    if (lead - 0xE0u < 0x10u && end - byte >= 2) {
      *unit++ = static_cast<char16_t>(((lead & 0x0Fu) << 12) | ((byte[0] & 0x3Fu) << 6) |
                                      (byte[1] & 0x3Fu));
      byte += 2;
      continue;
    }
    const int more = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
    unsigned point = lead & (0x3Fu >> more);
    for (int i = 0; i < more && byte < end; ++i) point = (point << 6) | (*byte++ & 0x3Fu);
    if (point >= 0x10000) {
      point -= 0x10000;
      *unit++ = static_cast<char16_t>(0xD800 + (point >> 10));
      point = 0xDC00 + (point & 0x3FF);
    }
    *unit++ = static_cast<char16_t>(point);
  }
  units_count = static_cast<std::size_t>(unit - units);
  return units;
}
}  // namespace

extern "C" {

// Built twice: gongji-core.wasm answers every request; gongji-calculator.wasm (GONGJI_NO_PLANNER,
// the calculator page's) answers one holder's family and links no household planner.
EMSCRIPTEN_KEEPALIVE const char16_t* gongji_evaluate(const char* request, int length) {
  const std::string_view text(request, static_cast<std::size_t>(length));
#ifdef GONGJI_NO_PLANNER
  last_answer = gongji::evaluate_without_planner(text);
#else
  last_answer = gongji::evaluate(text);
#endif
  return last_answer_in_utf16();
}

// The rules the page downloaded (gongji-policies.bin, a policy image), installed before the first
// evaluation.
EMSCRIPTEN_KEEPALIVE const char16_t* gongji_load_policies(const char* image, int length) {
  last_answer =
      gongji::install_policy_image(std::string_view(image, static_cast<std::size_t>(length)));
  return last_answer_in_utf16();
}

// The provinces' parts of rules installed split (gongji-rules/*.bin: one part or several back to
// back), added to the installed base.
EMSCRIPTEN_KEEPALIVE const char16_t* gongji_add_policies(const char* images, int length) {
  last_answer =
      gongji::add_policy_part_images(std::string_view(images, static_cast<std::size_t>(length)));
  return last_answer_in_utf16();
}

EMSCRIPTEN_KEEPALIVE const char16_t* gongji_regions() {
  last_answer = gongji::regions_json();
  return last_answer_in_utf16();
}

EMSCRIPTEN_KEEPALIVE const char16_t* gongji_message(const char* lang_and_key, int length) {
  last_answer =
      gongji::message_text(std::string_view(lang_and_key, static_cast<std::size_t>(length)));
  return last_answer_in_utf16();
}

EMSCRIPTEN_KEEPALIVE const char16_t* gongji_vocabulary() {
  last_answer = gongji::vocabulary_json();
  return last_answer_in_utf16();
}

// The length of the last answer in UTF-16 code units, so JavaScript can decode it without
// scanning for an end.
EMSCRIPTEN_KEEPALIVE int gongji_answer_size() {
  return static_cast<int>(units_count);
}

EMSCRIPTEN_KEEPALIVE const char16_t* gongji_version() {
  const auto policies = gongji::default_policies();
  last_answer = policies ? policies->version : "";
  return last_answer_in_utf16();
}
}
