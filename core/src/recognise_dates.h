// Private to the recogniser: dates and clock times as written in minutes ("Monday, 13 March 2017",
// "ON TUESDAY, 13TH JANUARY, 2015", "December 3, 2013", "8fed MAWRTH 2017", "2.00 pm", "7:30pm").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "minutes/model.h"

namespace minutes::recognition {

struct DateMention {
    MeetingDate date;          // year 0 when the text gave none ("MONDAY 4 DECEMBER")
    std::size_t begin = 0;     // byte offsets in the scanned text
    std::size_t end = 0;
    bool weekday = false;      // a weekday name stood just before it
    int weekday_index = -1;    // 0 = Monday .. 6 = Sunday, when given
};

struct TimeMention {
    std::string hhmm;  // 24-hour "14:00"
    std::size_t begin = 0;
    std::size_t end = 0;
};

// Every date in the text, in order. Linear in the text's length.
[[nodiscard]] std::vector<DateMention> find_dates(std::string_view text);
// Every clock time with am/pm, or with a colon ("14:00"), in order.
[[nodiscard]] std::vector<TimeMention> find_times(std::string_view text);
// The first date written in figures that find_dates leaves unread because either part could be the day
// ("04/03/2024", and no pound, euro or dollar in the text to say which); empty when there is none.
[[nodiscard]] std::string unread_numeric_date(std::string_view text);
// 0 = Monday .. 6 = Sunday for a valid date.
[[nodiscard]] int weekday_of(const MeetingDate& date);

}  // namespace minutes::recognition
