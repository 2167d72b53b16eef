#include "integer_text.hpp"

namespace gongji::detail {

char* write_integer(char* end, int64_t number) {
  uint64_t magnitude =
      number < 0 ? 0 - static_cast<uint64_t>(number) : static_cast<uint64_t>(number);
  do {
    *--end = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude > 0);
  if (number < 0) *--end = '-';
  return end;
}

std::string integer_text(int64_t number) {
  char digits[20];  // 19 digits and a sign
  char* end = digits + sizeof digits;
  const char* first = write_integer(end, number);
  return std::string(first, static_cast<std::size_t>(end - first));
}

}  // namespace gongji::detail
