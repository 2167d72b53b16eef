#include "gongji/money.hpp"

namespace gongji {

std::string format_yuan_digits(Fen fen) {
  const bool negative = fen < 0;
  const Fen magnitude = negative ? -fen : fen;
  std::string cents = std::to_string(magnitude % 100);
  if (cents.size() < 2) cents.insert(0, "0");
  std::string text = std::to_string(magnitude / 100) + "." + cents;
  return negative ? "-" + text : text;
}

}  // namespace gongji
