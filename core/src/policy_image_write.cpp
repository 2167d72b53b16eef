// Writing a loaded PolicySet as a policy image (policy_image.hpp): `gongji image` and the build.
#include "policy_image.hpp"

namespace gongji {
namespace detail {
namespace {

class ImageWriter {
 public:
  bool ok() const { return true; }
  void check(bool) {}

  void flag(bool value) { out_.push_back(value ? 1 : 0); }
  void integer(int64_t value) {
    varint((static_cast<uint64_t>(value) << 1) ^ static_cast<uint64_t>(value >> 63));
  }
  void count(std::size_t size) { varint(size); }
  void size(std::size_t size) { varint(size); }
  void text(const std::string& value) {
    varint(value.size());
    out_ += value;
  }
  template <typename E>
  void choice(E value, std::size_t) {
    varint(static_cast<uint64_t>(value));
  }
  template <typename T>
  void map(std::map<std::string, T, std::less<>>& map) {
    varint(map.size());
    for (auto& [key, value] : map) {
      text(key);
      fields(*this, value);
    }
  }
  void alternative(RuleValue& value) {
    varint(value.index());
    std::visit([this](auto& alternative) { fields(*this, alternative); }, value);
  }

  std::string take() { return std::move(out_); }

 private:
  void varint(uint64_t value) {
    do {
      const auto low = static_cast<char>(value & 0x7f);
      value >>= 7;
      out_.push_back(static_cast<char>(low | (value != 0 ? 0x80 : 0)));
    } while (value != 0);
  }

  std::string out_;
};

void append_le32(std::string& out, uint32_t value) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

}  // namespace

std::string seal_image(const std::array<char, 4>& magic, const std::string& body) {
  std::string image(magic.data(), magic.size());
  append_le32(image, kPolicyImageFormat);
  append_le32(image, static_cast<uint32_t>(body.size()));
  append_le32(image, fnv1a(body));
  return image + body;
}

std::string write_part_image(const PolicyPart& part) {
  ImageWriter writer;
  fields(writer, const_cast<PolicyPart&>(part));  // read only, as below
  return seal_image(kPolicyPartMagic, writer.take());
}

}  // namespace detail

std::string write_policy_image(const PolicySet& set) {
  using namespace detail;
  ImageWriter writer;
  // The archive runs the same `fields` for writing as for reading, which take the set by
  // reference; the writer only reads through it.
  fields(writer, const_cast<PolicySet&>(set));
  return seal_image(kPolicyImageMagic, writer.take());
}

}  // namespace gongji
