#include "gongji/date.hpp"
#include "integer_text.hpp"

#include <chrono>
#include <string>

namespace gongji {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian calendar.
int32_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int32_t>(doe) - 719468;
}

struct Ymd {
  int year;
  unsigned month;
  unsigned day;
};

Ymd civil_from_days(int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2 ? 1 : 0), m, d};
}

unsigned days_in_month(int year, unsigned month) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

int digits(std::string_view text, std::size_t from, std::size_t count) {
  int value = 0;
  for (std::size_t i = from; i < from + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const int year = digits(text, 0, 4);
  const int month = digits(text, 5, 2);
  const int day = digits(text, 8, 2);
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return std::nullopt;
  if (static_cast<unsigned>(day) > days_in_month(year, static_cast<unsigned>(month))) {
    return std::nullopt;
  }
  return date_from_ymd(year, month, day);
}

Date date_from_ymd(int year, int month, int day) {
  return Date{days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day))};
}

// YYYY-MM-DD by hand, as printf's "%04d-%02u-%02u" writes it (a sign counts in the year's four
// places), without printf: it pulls the whole formatter into the WebAssembly module.
std::string format_date(Date date) {
  const Ymd ymd = civil_from_days(date.days);
  std::string year =
      detail::integer_text(ymd.year < 0 ? -static_cast<int64_t>(ymd.year) : ymd.year);
  const std::size_t places = ymd.year < 0 ? 3 : 4;
  if (year.size() < places) year.insert(0, places - year.size(), '0');
  if (ymd.year < 0) year.insert(0, 1, '-');
  auto two = [](unsigned n) {
    return std::string{static_cast<char>('0' + n / 10 % 10), static_cast<char>('0' + n % 10)};
  };
  return year + '-' + two(ymd.month) + '-' + two(ymd.day);
}

Date add_days(Date date, int32_t days) {
  return Date{date.days + days};
}

Date months_before(Date date, int months) {
  const Ymd ymd = civil_from_days(date.days);
  int total = ymd.year * 12 + static_cast<int>(ymd.month) - 1 - months;
  const int year = total / 12;
  const unsigned month = static_cast<unsigned>(total % 12) + 1;
  const unsigned day = std::min(ymd.day, days_in_month(year, month));
  return Date{days_from_civil(year, month, day)};
}

Date day_in_china(std::chrono::system_clock::time_point when) {
  using namespace std::chrono;
  const auto hour = time_point_cast<hours>(when).time_since_epoch().count();
  return Date{static_cast<int32_t>((hour + 8) / 24)};  // days since 1970 in China: never negative
}

Date today_in_china() {
  return day_in_china(std::chrono::system_clock::now());
}

}  // namespace gongji
