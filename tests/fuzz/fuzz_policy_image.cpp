// libFuzzer target: any bytes as a policy image, or as a province's part of split rules. The first
// byte chooses how: odd, the bytes are the whole image (header and all); even, the rest is a body
// behind a header that fits it, so that the fuzzer reaches the structure past the length and
// checksum checks; with bit 2 set, the image is a part added to the split base of the embedded
// set. Properties: reading never crashes or reads past the end; an image it accepts writes back
// to the very same bytes, and its set evaluates a request to one JSON object; a part refused
// leaves the base as it was.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "gongji/evaluate.hpp"
#include "gongji/json.hpp"
#include "policy_image.hpp"

namespace {

std::string sealed(std::string_view body, const std::array<char, 4>& magic) {
  std::string image(magic.data(), 4);
  const uint32_t words[] = {gongji::detail::kPolicyImageFormat, static_cast<uint32_t>(body.size()),
                            gongji::detail::fnv1a(body)};
  for (uint32_t word : words) {
    for (int i = 0; i < 4; ++i) image.push_back(static_cast<char>((word >> (8 * i)) & 0xff));
  }
  return image.append(body);
}

void evaluates_to_an_object(const gongji::PolicySet& policies) {
  const std::string answer = gongji::evaluate(
      R"({"holder":{"region":"110000","scheme":"employee","balance_fen":1000},
          "members":[{"id":"m1","relation":"parent","age":70,"scheme":"resident","region":"130100"}],
          "expenses":[{"member":"m1","kind":"outpatient","amount_fen":500}]})",
      policies, *gongji::parse_date("2026-06-01"));
  if (!nlohmann::json::parse(answer, nullptr, false).is_object()) std::abort();
}

// The split base, with its texts apart too (all but the members'), so that a province's part and a
// texts part alike are added to it.
std::string split_base() {
  std::vector<std::string> first;
  for (const auto& [key, text] : gongji::default_policies()->messages) {
    if (key.rfind("member.", 0) != 0) first.push_back(key);
  }
  return gongji::write_policy_parts(*gongji::default_policies(), &first).base;
}

void as_part(const std::string& image) {
  static const std::string base_image = split_base();
  gongji::PolicyImageRead base = gongji::read_policy_image(base_image);
  if (!base.policies) std::abort();
  const gongji::PolicyPartAdded added = gongji::add_policy_part(*base.policies, image);
  if (!added.ok) {
    if (added.error.empty() || gongji::write_policy_image(*base.policies) != base_image) {
      std::abort();
    }
    return;
  }
  evaluates_to_an_object(*base.policies);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  const bool part = (data[0] & 2) != 0;
  const auto& magic = part ? gongji::detail::kPolicyPartMagic : gongji::detail::kPolicyImageMagic;
  const std::string image = (data[0] & 1) ? std::string(rest) : sealed(rest, magic);
  if (part) {
    as_part(image);
    return 0;
  }
  const gongji::PolicyImageRead read = gongji::read_policy_image(image);
  if (!read.policies) {
    if (read.error.empty()) std::abort();
    return 0;
  }
  if (gongji::write_policy_image(*read.policies) != image) std::abort();
  evaluates_to_an_object(*read.policies);
  return 0;
}
