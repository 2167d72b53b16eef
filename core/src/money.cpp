#include "gongji/money.hpp"
#include "integer_text.hpp"

namespace gongji {

std::string format_yuan_digits(Fen fen) {
  const bool negative = fen < 0;
  const Fen magnitude = negative ? -fen : fen;
  std::string cents = detail::integer_text(magnitude % 100);
  if (cents.size() < 2) cents.insert(0, "0");
  // Grouped by three, as the page writes amounts (web/i18n.js formatFen): "3,000.00".
  std::string yuan = detail::integer_text(magnitude / 100);
  for (std::size_t at = yuan.size(); at > 3; at -= 3) yuan.insert(at - 3, ",");
  std::string text = yuan + "." + cents;
  return negative ? "-" + text : text;
}

}  // namespace gongji
