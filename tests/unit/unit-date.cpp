#include <doctest/doctest.h>

#include "gongji/date.hpp"
#include "gongji/money.hpp"

using namespace gongji;

TEST_CASE("dates round-trip through day numbers") {
  for (const char* text : {"1900-01-01", "1970-01-01", "2000-02-29", "2024-12-31", "2999-12-31"}) {
    const auto date = parse_date(text);
    REQUIRE(date.has_value());
    CHECK(format_date(*date) == text);
  }
  CHECK(parse_date("1970-01-01")->days == 0);
  CHECK(add_days(*parse_date("2024-02-28"), 1) == *parse_date("2024-02-29"));
  CHECK(add_days(*parse_date("2023-02-28"), 1) == *parse_date("2023-03-01"));
}

TEST_CASE("only real days written YYYY-MM-DD are dates") {
  for (const char* text : {"2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "24-01-01",
                           "2024-1-01", "2024/01/01", "２０２４-01-01", "", "1899-12-31",
                           "3000-01-01", "2024-01-01T00:00", "+024-01-01"}) {
    CHECK_MESSAGE(!parse_date(text).has_value(), text);
  }
}

// Review 65: at 07:47 in China on 2026-12-08 (23:47 UTC the day before) the answer was for
// 2026-12-07; a rule starting on 2026-12-08 was not yet in force for the family asking.
TEST_CASE("today is the calendar day in China (UTC+8), whatever the device's time zone") {
  using namespace std::chrono;
  const auto at = [](const char* day, int hour, int minute) {
    return system_clock::time_point{hours{24 * parse_date(day)->days + hour} + minutes{minute}};
  };
  CHECK(format_date(day_in_china(at("2026-12-07", 23, 47))) == "2026-12-08");
  CHECK(format_date(day_in_china(at("2026-12-07", 15, 59))) == "2026-12-07");
  CHECK(format_date(day_in_china(at("2026-12-07", 16, 0))) == "2026-12-08");
  CHECK(format_date(day_in_china(at("2026-01-08", 16, 0))) == "2026-01-09");
  CHECK(format_date(day_in_china(at("2024-12-31", 16, 0))) == "2025-01-01");
}

TEST_CASE("months_before clamps to the month's last day") {
  CHECK(format_date(months_before(*parse_date("2026-11-29"), 12)) == "2025-11-29");
  CHECK(format_date(months_before(*parse_date("2024-02-29"), 12)) == "2023-02-28");
  CHECK(format_date(months_before(*parse_date("2026-03-31"), 1)) == "2026-02-28");
  CHECK(format_date(months_before(*parse_date("2026-01-15"), 13)) == "2024-12-15");
}

TEST_CASE("fen are shown as yuan with integer arithmetic") {
  CHECK(format_yuan_digits(0) == "0.00");
  CHECK(format_yuan_digits(5) == "0.05");
  CHECK(format_yuan_digits(300000) == "3,000.00");
  CHECK(format_yuan_digits(123456) == "1,234.56");
  CHECK(format_yuan_digits(99999) == "999.99");
  CHECK(format_yuan_digits(-12345678) == "-123,456.78");
  CHECK(format_yuan_digits(kMaxFen) == "1,000,000,000.00");
}
