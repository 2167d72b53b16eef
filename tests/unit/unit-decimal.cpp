// The exact decimal reader against strtod, the reader it replaced: the same double, bit for bit,
// for every number JSON can write — hand-picked edges (the largest double and the halfway point
// above it, subnormals, 2^53 + 1, 800+ digits), random numbers over the whole range, and numbers
// exactly halfway between two doubles, where only an exact reader rounds right.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

#include "decimal.hpp"

using gongji::detail::read_decimal;

namespace {

uint64_t bits_of(double value) {
  uint64_t bits = 0;
  std::memcpy(&bits, &value, sizeof bits);
  return bits;
}

// Checks one token and returns whether it agreed (so a loop can stop at the first difference).
bool agrees(const std::string& token) {
  const double expected = std::strtod(token.c_str(), nullptr);
  const auto ours = read_decimal(token);
  CAPTURE(token);
  if (!std::isfinite(expected)) {
    CHECK_FALSE(ours.has_value());
    return !ours.has_value();
  }
  REQUIRE(ours.has_value());
  CHECK(bits_of(*ours) == bits_of(expected));
  return bits_of(*ours) == bits_of(expected);
}

// "%.900Le" of a long double is its exact decimal expansion (glibc), written as JSON allows.
std::string exact(long double value) {
  static char buffer[1200];
  std::snprintf(buffer, sizeof buffer, "%.900Le", value);
  std::string text(buffer);
  const auto e = text.find('e');
  std::string digits = text.substr(0, e);
  while (digits.back() == '0') digits.pop_back();
  if (digits.back() == '.') digits.pop_back();
  return digits + text.substr(e);
}

}  // namespace

TEST_CASE("edges of the double range read as strtod reads them") {
  for (const char* token : {"0.0",
                            "-0.0",
                            "0e10",
                            "-0E-5",
                            "3.0",
                            "1e3",
                            "1E+2",
                            "0.1",
                            "0.5",
                            "-2.5",
                            "1e23",
                            "9007199254740993",
                            "9007199254740993.0",
                            "18446744073709551616",
                            "-9223372036854775809",
                            "123456789012345678901234567890",
                            "1.7976931348623157e308",
                            "1.7976931348623158e308",
                            "1.7976931348623159e308",
                            "1.797693134862315807937289714053e308",
                            "1.797693134862315807937289714052e308",
                            "1e309",
                            "1e400",
                            "-1e400",
                            "1e999999999999",
                            "4.9e-324",
                            "5e-324",
                            "2.4703282292062327e-324",
                            "2.4703282292062328e-324",
                            "3e-324",
                            "2.2250738585072011e-308",
                            "2.2250738585072012e-308",
                            "2.2250738585072014e-308",
                            "1e-330",
                            "1e-400",
                            "1e-999999999999",
                            "0.000001",
                            "7.2057594037927933e16"}) {
    agrees(token);
  }
  // Many digits: only the first 800 are kept, the rest decide ties (sticky).
  agrees("1." + std::string(1000, '0') + "1");
  agrees("9" + std::string(900, '9') + "e-600");
  agrees("0." + std::string(400, '0') + std::string(500, '7'));
}

TEST_CASE("random numbers over the whole range read as strtod reads them") {
  std::mt19937_64 random(20261202);
  std::uniform_int_distribution<int> digit(0, 9);
  int failures = 0;
  for (int i = 0; i < 20000 && failures < 5; ++i) {
    const int length =
        i % 50 == 0 ? 1 + static_cast<int>(random() % 900) : 1 + static_cast<int>(random() % 25);
    std::string digits;
    for (int d = 0; d < length; ++d) digits.push_back(static_cast<char>('0' + digit(random)));
    digits[0] = static_cast<char>('1' + random() % 9);
    const std::size_t point = random() % (digits.size() + 1);
    std::string token = (random() % 2 ? "-" : "") + digits.substr(0, point);
    if (point == 0) token += "0";
    if (point < digits.size()) token += "." + digits.substr(point);
    const int exponent = static_cast<int>(random() % 700) - 350;
    token += "e" + std::to_string(exponent);
    failures += agrees(token) ? 0 : 1;
  }
}

TEST_CASE("numbers halfway between two doubles round to even, just above and below round away") {
  std::mt19937_64 random(19);
  int failures = 0;
  for (int i = 0; i < 3000 && failures < 5; ++i) {
    // A random finite double (normal or subnormal) and the next one up.
    double low = 0;
    do {
      const uint64_t bits = random() & 0x7FFFFFFFFFFFFFFFULL;
      std::memcpy(&low, &bits, sizeof low);
    } while (!std::isfinite(low) || !std::isfinite(std::nextafter(low, INFINITY)));
    const double high = std::nextafter(low, INFINITY);
    const long double middle = (static_cast<long double>(low) + high) / 2;  // exact in 64 bits
    const std::string tie = exact(middle);
    failures += agrees(tie) ? 0 : 1;
    const auto e = tie.find('e');
    const std::string mantissa = tie.substr(0, e);
    const std::string power = tie.substr(e);
    const std::string point = mantissa.find('.') == std::string::npos ? "." : "";
    failures += agrees(mantissa + point + "0000001" + power) ? 0 : 1;  // a hair above
    // A hair below: the tie's expansion cut after 17 to 40 digits.
    const std::size_t cut = 17 + random() % 24;
    if (cut < mantissa.size()) failures += agrees(mantissa.substr(0, cut) + power) ? 0 : 1;
  }
}
