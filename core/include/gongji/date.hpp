// Calendar dates as day numbers, so rules can be compared and stepped without a time zone.
#pragma once

#include <chrono>
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
// The rules' days are China's calendar days (every start date in the facts is one), so "today"
// is the day in China (UTC+8, no daylight saving) wherever the device is: in UTC, an answer asked
// before 08:00 in China was for the day before (review 65).
Date day_in_china(std::chrono::system_clock::time_point when);
Date today_in_china();

}  // namespace gongji
