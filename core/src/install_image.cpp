// Installing the policy image the page downloads, answered as JSON across the WebAssembly
// boundary.
#include "gongji/evaluate.hpp"
#include "json_writer.hpp"

namespace gongji {

std::string install_policy_image(std::string_view image) {
  detail::JsonWriter out;
  PolicyImageRead read = read_policy_image(image);
  if (read.policies) {
    const std::string version = read.policies->version;
    std::vector<std::string> languages;  // the page fetches another's image before it answers in it
    for (Lang lang : read.policies->languages) languages.emplace_back(name_of(lang, kLangNames));
    install_policies(std::move(read.policies));
    out.begin_object().field("ok", true).field("version", version).key("languages");
    out.strings(languages).end_object();
  } else {
    out.begin_object().field("ok", false).key("problems").begin_array().value(read.error);
    out.end_array().end_object();
  }
  return out.take();
}

}  // namespace gongji
