#include "image.hpp"

#include <algorithm>
#include <fstream>

namespace gongji::cli {

std::unique_ptr<const PolicySet> through_image(const PolicySet& policies, std::ostream& errors) {
  const std::string image = write_policy_image(policies);
  PolicyImageRead read = read_policy_image(image);
  if (!read.policies) {
    errors << "gongji: the policy image does not read back: " << read.error << "\n";
  } else if (write_policy_image(*read.policies) != image) {
    errors << "gongji: the policy image read back writes other bytes\n";
    return nullptr;
  }
  return std::move(read.policies);
}

int write_image_file(const PolicySet& policies, const std::string& path, std::ostream& errors) {
  const auto read_back = through_image(policies, errors);
  if (!read_back) return 1;
  const std::string image = write_policy_image(*read_back);
  std::ofstream out(path, std::ios::binary);
  out.write(image.data(), static_cast<std::streamsize>(image.size()));
  out.close();
  if (!out) {
    errors << "gongji: cannot write " << path << "\n";
    return 1;
  }
  return 0;
}

int write_language_image(const PolicySet& policies, const std::string& path,
                         const std::string& lang, std::ostream& errors) {
  const auto named = std::find(kLangNames.begin(), kLangNames.end(), lang);
  if (named == kLangNames.end()) {
    errors << "gongji: no language '" << lang << "' (zh-CN or en)\n";
    return 2;
  }
  const auto cut = with_texts_in(policies, static_cast<Lang>(named - kLangNames.begin()));
  if (!cut) {
    errors << "gongji: the policy set does not go through an image\n";
    return 1;
  }
  return write_image_file(*cut, path, errors);
}

}  // namespace gongji::cli
