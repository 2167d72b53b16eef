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

std::unique_ptr<const PolicySet> through_parts(const PolicySet& policies, std::ostream& errors) {
  const PolicyParts split = write_policy_parts(policies);
  PolicyImageRead read = read_policy_image(split.base);
  if (!read.policies) {
    errors << "gongji: the base of the split rules does not read back: " << read.error << "\n";
    return nullptr;
  }
  for (const auto& [province, image] : split.parts) {
    const PolicyPartAdded added = add_policy_part(*read.policies, image);
    if (!added.ok || added.province != province) {
      errors << "gongji: the part of " << province << " does not add: " << added.error << "\n";
      return nullptr;
    }
  }
  if (write_policy_image(*read.policies) != write_policy_image(policies)) {
    errors << "gongji: the base and its parts do not give the whole set again\n";
    return nullptr;
  }
  return std::move(read.policies);
}

namespace {

bool write_file(const std::string& path, const std::string& bytes, std::ostream& errors) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) errors << "gongji: cannot write " << path << "\n";
  return static_cast<bool>(out);
}

}  // namespace

int write_image_file(const PolicySet& policies, const std::string& path, std::ostream& errors) {
  const auto read_back = through_image(policies, errors);
  if (!read_back) return 1;
  return write_file(path, write_policy_image(*read_back), errors) ? 0 : 1;
}

int write_image_parts(const PolicySet& policies, const std::string& dir, std::ostream& errors) {
  if (!through_parts(policies, errors)) return 1;
  std::string all;
  for (const auto& [province, image] : write_policy_parts(policies).parts) {
    if (!write_file(dir + "/" + province + ".bin", image, errors)) return 1;
    all += image;
  }
  if (!write_file(dir + "/all.bin", all, errors)) return 1;
  for (std::size_t lang = 0; lang < kLangNames.size(); ++lang) {
    const auto cut = with_texts_in(policies, static_cast<Lang>(lang));
    const std::string base = cut ? write_policy_parts(*cut).base : "";
    if (base.empty()) {
      errors << "gongji: the policy set does not split\n";
      return 1;
    }
    const std::string path = dir + "/" + std::string(kLangNames[lang]) + ".bin";
    if (!write_file(path, base, errors)) return 1;
    // The calculator page's base: the same without the household plan's texts.
    const auto lean = without_planner_texts(*cut);
    const std::string calculator_base = lean ? write_policy_parts(*lean).base : "";
    if (calculator_base.empty()) {
      errors << "gongji: the policy set does not split\n";
      return 1;
    }
    const std::string calculator_path =
        dir + "/" + std::string(kLangNames[lang]) + ".calculator.bin";
    if (!write_file(calculator_path, calculator_base, errors)) return 1;
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
