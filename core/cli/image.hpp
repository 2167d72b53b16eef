// Writing the policy image file, shared by `gongji image` and the WebAssembly build's image tool.
#pragma once

#include <ostream>
#include <string>

#include "gongji/policy.hpp"

namespace gongji::cli {

// Writes the image of `policies` to `path`, after reading it back: the written bytes must read as
// a set that writes the same bytes again. 0, or 1 with the reason on `errors`.
int write_image_file(const PolicySet& policies, const std::string& path, std::ostream& errors);

// The image of `policies` cut to the texts of `lang` ("zh-CN" or "en"; with_texts_in) to `path`.
// 0, 1 with the reason on `errors`, or 2 for a language that is neither.
int write_language_image(const PolicySet& policies, const std::string& path,
                         const std::string& lang, std::ostream& errors);

// The set as the page installs it: written as an image and read back (`gongji --via-image`).
std::unique_ptr<const PolicySet> through_image(const PolicySet& policies, std::ostream& errors);

// The set split by province (write_policy_parts), its base read back and every part added: the
// bytes of the whole again, or null with the reason on `errors` (`gongji --via-parts`).
std::unique_ptr<const PolicySet> through_parts(const PolicySet& policies, std::ostream& errors);

// The page's split rules in `dir`: a base for each language (zh-CN.bin, en.bin; and the
// calculator page's, without the household plan's texts: zh-CN.calculator.bin), each province's
// part (110000.bin, ...; both languages' texts) and all parts back to back (all.bin), after
// checking that the base and the parts give the whole set's bytes again. With `first_answers` (a
// JSON file {"requests": [...]}, requests without "lang"), the calculator page's bases keep only
// the texts those answers need, the rest in LANG.calculator.texts.bin. 0, or 1 with the reason.
int write_image_parts(const PolicySet& policies, const std::string& dir,
                      const std::string& first_answers, std::ostream& errors);

}  // namespace gongji::cli
