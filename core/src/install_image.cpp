// Installing the policy image the page downloads, and the parts it adds, answered as JSON across
// the WebAssembly boundary.
#include "gongji/evaluate.hpp"
#include "json_writer.hpp"
#include "policy_image.hpp"

namespace gongji {
namespace {

std::string problem(std::string_view why) {
  detail::JsonWriter out;
  out.begin_object().field("ok", false).key("problems").begin_array().value(why);
  return out.end_array().end_object().take();
}

}  // namespace

std::string install_policy_image(std::string_view image) {
  PolicyImageRead read = read_policy_image(image);
  if (!read.policies) return problem(read.error);
  detail::JsonWriter out;
  out.begin_object().field("ok", true).field("version", read.policies->version).key("languages");
  std::vector<std::string> languages;  // the page fetches another's image before it answers in it
  for (Lang lang : read.policies->languages) languages.emplace_back(name_of(lang, kLangNames));
  out.strings(languages).key("apart").strings(read.policies->provinces_apart);
  out.field("texts_apart", read.policies->texts_apart).end_object();
  install_policies(std::move(read.policies));
  return out.take();
}

std::string add_policy_part_images(std::string_view images) {
  PolicySet* set = installed_policies();
  if (!set) return problem("no policy image is installed to add parts to");
  // Each part's length is in its header (policy_image.hpp): 16 bytes and the body.
  while (!images.empty()) {
    std::size_t size = images.size();
    if (images.size() >= detail::kPolicyImageHeader) {
      uint32_t body = 0;
      for (std::size_t i = 0; i < 4; ++i) {
        body |= static_cast<uint32_t>(static_cast<unsigned char>(images[8 + i])) << (8 * i);
      }
      size = std::min(size, detail::kPolicyImageHeader + body);
    }
    const PolicyPartAdded added = add_policy_part(*set, images.substr(0, size));
    if (!added.ok) return problem(added.error);
    images.remove_prefix(size);
  }
  detail::JsonWriter out;
  out.begin_object().field("ok", true).key("apart").strings(set->provinces_apart);
  return out.end_object().take();
}

}  // namespace gongji
