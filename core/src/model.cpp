// Names of the model's enums (stable: stored in indexes and printed in JSON) and date helpers.
#include "minutes/model.h"

#include <array>
#include <cstdio>
#include <utility>

namespace minutes {
namespace {

template <class Enum, std::size_t N>
std::optional<Enum> lookup(const std::array<std::pair<Enum, std::string_view>, N>& table, std::string_view name) {
    for (const auto& [value, text] : table) {
        if (!text.empty() && text == name) return value;
    }
    return std::nullopt;
}

template <class Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum value) {
    for (const auto& [v, text] : table) {
        if (v == value) return text;
    }
    return {};
}

constexpr std::array<std::pair<Role, std::string_view>, 8> kRoleNames{{
    {Role::unknown, ""},
    {Role::chair, "chair"},
    {Role::vice_chair, "vice_chair"},
    {Role::member, "member"},
    {Role::officer, "officer"},
    {Role::guest, "guest"},
    {Role::clerk, "clerk"},
    {Role::public_, "public"},
}};

constexpr std::array<std::pair<Attendance, std::string_view>, 6> kAttendanceNames{{
    {Attendance::unknown, ""},
    {Attendance::present, "present"},
    {Attendance::in_attendance, "in_attendance"},
    {Attendance::remote, "remote"},
    {Attendance::apologies, "apologies"},
    {Attendance::absent, "absent"},
}};

constexpr std::array<std::pair<PassageKind, std::string_view>, 5> kKindNames{{
    {PassageKind::paragraph, "paragraph"},
    {PassageKind::bullet, "bullet"},
    {PassageKind::resolution, "resolution"},
    {PassageKind::declaration, "declaration"},
    {PassageKind::vote, "vote"},
}};

constexpr std::array<std::pair<Format, std::string_view>, 4> kFormatNames{{
    {Format::text, "text"},
    {Format::markdown, "markdown"},
    {Format::html, "html"},
    {Format::pdf, "pdf"},
}};

constexpr std::array<std::pair<Language, std::string_view>, 3> kLanguageNames{{
    {Language::unknown, ""},
    {Language::english, "en"},
    {Language::welsh, "cy"},
}};

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && is_leap(year)) return 29;
    return kDays[static_cast<std::size_t>(month - 1)];
}

}  // namespace

std::string_view role_name(Role role) { return name_of(kRoleNames, role); }
std::optional<Role> parse_role(std::string_view name) { return lookup(kRoleNames, name); }
std::string_view attendance_name(Attendance attendance) { return name_of(kAttendanceNames, attendance); }
std::optional<Attendance> parse_attendance(std::string_view name) { return lookup(kAttendanceNames, name); }
std::string_view passage_kind_name(PassageKind kind) { return name_of(kKindNames, kind); }
std::optional<PassageKind> parse_passage_kind(std::string_view name) { return lookup(kKindNames, name); }
std::string_view format_name(Format format) { return name_of(kFormatNames, format); }
std::string_view language_name(Language language) { return name_of(kLanguageNames, language); }

bool MeetingDate::valid() const {
    return year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
           day <= days_in_month(year, month);
}

std::string MeetingDate::iso() const {
    if (!valid()) return {};
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    return buffer;
}

std::optional<MeetingDate> MeetingDate::from_iso(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto number = [&](std::size_t from, std::size_t length) -> int {
        int value = 0;
        for (std::size_t i = from; i < from + length; ++i) {
            if (text[i] < '0' || text[i] > '9') return -1;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    MeetingDate date{number(0, 4), number(5, 2), number(8, 2)};
    if (!date.valid()) return std::nullopt;
    return date;
}

}  // namespace minutes
