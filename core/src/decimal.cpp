#include "decimal.hpp"

#include <cmath>
#include <cstdint>
#include <vector>

namespace gongji::detail {
namespace {

// Unsigned integers of any size in 32-bit limbs, least significant first: just what exact
// rounding needs. The largest here has about 3,800 bits (a 800-digit fraction of 10^-1130).
class Big {
 public:
  Big() = default;

  bool is_zero() const { return limbs_.empty(); }

  void multiply_add(uint32_t factor, uint32_t addend) {
    uint64_t carry = addend;
    for (uint32_t& limb : limbs_) {
      const uint64_t product = uint64_t{limb} * factor + carry;
      limb = static_cast<uint32_t>(product);
      carry = product >> 32;
    }
    if (carry != 0) limbs_.push_back(static_cast<uint32_t>(carry));
  }

  void multiply_pow10(int64_t power) {
    static constexpr uint32_t kPowers[] = {1,      10,      100,      1000,      10000,
                                           100000, 1000000, 10000000, 100000000, 1000000000};
    for (; power >= 9; power -= 9) multiply_add(kPowers[9], 0);
    if (power > 0) multiply_add(kPowers[power], 0);
  }

  void shift_left(int64_t bits) {
    if (is_zero() || bits <= 0) return;
    const auto words = static_cast<std::size_t>(bits / 32);
    const int rest = static_cast<int>(bits % 32);
    // Whole words of zeros below, then each limb moved up by the rest (push_back only: a
    // vector::insert of its own cost the module more code than this whole reader).
    std::vector<uint32_t> shifted(words, 0);
    uint32_t carry = 0;
    for (const uint32_t limb : limbs_) {
      shifted.push_back(rest == 0 ? limb : (limb << rest) | carry);
      carry = rest == 0 ? 0 : limb >> (32 - rest);
    }
    if (carry != 0) shifted.push_back(carry);
    limbs_.swap(shifted);
  }

  int64_t bit_length() const {
    if (is_zero()) return 0;
    int64_t length = static_cast<int64_t>(limbs_.size() - 1) * 32;
    for (uint32_t top = limbs_.back(); top != 0; top >>= 1) ++length;
    return length;
  }

  // -1, 0 or 1 as *this is less than, equal to or greater than `other`.
  int compare(const Big& other) const {
    if (limbs_.size() != other.limbs_.size()) return limbs_.size() < other.limbs_.size() ? -1 : 1;
    for (std::size_t i = limbs_.size(); i-- > 0;) {
      if (limbs_[i] != other.limbs_[i]) return limbs_[i] < other.limbs_[i] ? -1 : 1;
    }
    return 0;
  }

  // *this -= other, where other <= *this.
  void subtract(const Big& other) {
    int64_t borrow = 0;
    for (std::size_t i = 0; i < limbs_.size(); ++i) {
      int64_t difference =
          int64_t{limbs_[i]} - borrow - (i < other.limbs_.size() ? other.limbs_[i] : 0);
      borrow = difference < 0 ? 1 : 0;
      limbs_[i] = static_cast<uint32_t>(difference + (borrow << 32));
    }
    while (!limbs_.empty() && limbs_.back() == 0) limbs_.pop_back();
  }

 private:
  std::vector<uint32_t> limbs_;
};

// Digits kept: a value halfway between two doubles has at most 767 significant digits, so any
// digit after the 800th only decides whether the value is above such a point ("sticky").
constexpr int kMaxDigits = 800;
constexpr int64_t kMaxExponent = 1000000;  // far beyond any double; keeps the sum from overflowing

}  // namespace

std::optional<double> read_decimal(std::string_view token) {
  std::size_t at = 0;
  const bool negative = !token.empty() && token[0] == '-';
  if (negative) ++at;
  const double zero = negative ? -0.0 : 0.0;

  // The value is digits x 10^exponent, plus something smaller than the last kept digit if sticky.
  Big digits;
  int kept = 0;
  bool sticky = false;
  int64_t exponent = 0;
  auto take = [&](char c, bool in_fraction) {
    if (kept == 0 && c == '0') {  // a leading zero
      exponent -= in_fraction ? 1 : 0;
    } else if (kept < kMaxDigits) {
      digits.multiply_add(10, static_cast<uint32_t>(c - '0'));
      ++kept;
      exponent -= in_fraction ? 1 : 0;
    } else {
      sticky = sticky || c != '0';
      exponent += in_fraction ? 0 : 1;
    }
  };
  for (; at < token.size() && token[at] >= '0' && token[at] <= '9'; ++at) take(token[at], false);
  if (at < token.size() && token[at] == '.') {
    for (++at; at < token.size() && token[at] >= '0' && token[at] <= '9'; ++at)
      take(token[at], true);
  }
  if (at < token.size() && (token[at] == 'e' || token[at] == 'E')) {
    ++at;
    const bool down = at < token.size() && token[at] == '-';
    if (at < token.size() && (token[at] == '+' || token[at] == '-')) ++at;
    int64_t written = 0;
    for (; at < token.size() && token[at] >= '0' && token[at] <= '9'; ++at) {
      if (written < kMaxExponent) written = written * 10 + (token[at] - '0');
    }
    exponent += down ? -written : written;
  }
  if (kept == 0) return zero;
  // 10^(kept-1+exponent) <= value < 10^(kept+exponent): beyond the largest double, or below half
  // the smallest one (about 4.9e-324).
  if (kept + exponent > 310) return std::nullopt;
  if (kept + exponent < -330) return zero;

  // value = numerator / denominator, scaled by 2^shift so that the quotient has 54 or 55 bits.
  Big numerator = digits;
  Big denominator;
  denominator.multiply_add(1, 1);
  if (exponent >= 0) {
    numerator.multiply_pow10(exponent);
  } else {
    denominator.multiply_pow10(-exponent);
  }
  const int64_t shift = 54 - (numerator.bit_length() - denominator.bit_length());
  if (shift > 0) {
    numerator.shift_left(shift);
  } else {
    denominator.shift_left(-shift);
  }
  uint64_t quotient = 0;
  for (int bit = 54; bit >= 0; --bit) {
    Big part = denominator;
    part.shift_left(bit);
    if (numerator.compare(part) >= 0) {
      numerator.subtract(part);
      quotient |= uint64_t{1} << bit;
    }
  }
  sticky = sticky || !numerator.is_zero();

  // value = (quotient + a fraction) x 2^-shift. Keep 53 bits (fewer below the normal range) and
  // round the rest to nearest, ties to even.
  int quotient_bits = 0;
  for (uint64_t q = quotient; q != 0; q >>= 1) ++quotient_bits;
  int64_t dropped = quotient_bits - 53;
  int64_t binary_exponent = dropped - shift;
  constexpr int64_t kSmallest = -1074;  // the exponent of the smallest subnormal's last bit
  if (binary_exponent < kSmallest) {
    dropped += kSmallest - binary_exponent;
    binary_exponent = kSmallest;
  }
  if (dropped > 63) return zero;
  uint64_t mantissa = quotient >> dropped;
  const uint64_t rest = quotient & ((uint64_t{1} << dropped) - 1);
  const uint64_t half = uint64_t{1} << (dropped - 1);
  if (rest > half || (rest == half && (sticky || (mantissa & 1) != 0))) ++mantissa;
  const double value = std::ldexp(static_cast<double>(mantissa), static_cast<int>(binary_exponent));
  if (!std::isfinite(value)) return std::nullopt;
  return negative ? -value : value;
}

}  // namespace gongji::detail
