#include "deckport/clock.hpp"

#include <charconv>
#include <chrono>
#include <cstdlib>
#include <filesystem>

namespace deckport {

std::optional<std::int64_t> parse_timestamp(const std::string& text) {
    std::int64_t seconds = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, seconds);
    if (ec == std::errc() && ptr == end && !text.empty()) {
        if (seconds < 0) return std::nullopt;
        return seconds;
    }
    // YYYY-MM-DDTHH:MM:SSZ (UTC only: a timestamp in a file must not depend on a time zone).
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    char tail = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &s, &tail) !=
            7 ||
        tail != 'Z' || text.size() != 20) {
        return std::nullopt;
    }
    using namespace std::chrono;
    year_month_day date{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
    if (!date.ok() || h > 23 || mi > 59 || s > 60) return std::nullopt;
    auto days = sys_days(date).time_since_epoch();
    std::int64_t result = duration_cast<std::chrono::seconds>(days).count() + h * 3600 + mi * 60 + s;
    if (result < 0) return std::nullopt;
    return result;
}

std::int64_t resolve_timestamp(const std::optional<std::int64_t>& explicit_timestamp,
                               const std::vector<std::string>& input_paths) {
    if (explicit_timestamp) return *explicit_timestamp;
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
        if (auto parsed = parse_timestamp(epoch)) return *parsed;
    }
    std::optional<std::int64_t> newest;
    for (const std::string& path : input_paths) {
        if (path == "-") continue;
        std::error_code ec;
        auto mtime = std::filesystem::last_write_time(path, ec);
        if (ec) continue;
        auto system = std::chrono::file_clock::to_sys(mtime);
        std::int64_t seconds =
            std::chrono::duration_cast<std::chrono::seconds>(system.time_since_epoch()).count();
        if (!newest || seconds > *newest) newest = seconds;
    }
    return newest.value_or(kFixedEpoch);
}

}  // namespace deckport
