// Calendar dates as day numbers, so rules can be compared and stepped without a time zone.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gongji {

struct Date {
  int32_t days = 0;  // days since 1970-01-01 (proleptic Gregorian)

  friend bool operator==(Date a, Date b) { return a.days == b.days; }
  friend bool operator!=(Date a, Date b) { return a.days != b.days; }
  friend bool operator<(Date a, Date b) { return a.days < b.days; }
  friend bool operator<=(Date a, Date b) { return a.days <= b.days; }
  friend bool operator>(Date a, Date b) { return a.days > b.days; }
  friend bool operator>=(Date a, Date b) { return a.days >= b.days; }
};

// Parses exactly "YYYY-MM-DD" naming a real day of years 1900..2999; anything else is nullopt.
std::optional<Date> parse_date(std::string_view text);
std::string format_date(Date date);
Date date_from_ymd(int year, int month, int day);
Date add_days(Date date, int32_t days);
// The same calendar day `months` months earlier, clamped to the month's last day.
Date months_before(Date date, int months);
Date today_utc();

}  // namespace gongji
