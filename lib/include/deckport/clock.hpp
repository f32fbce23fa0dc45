// Time comes from the caller, never from the wall clock inside a reader or writer.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace deckport {

// The timestamp (seconds since the epoch) that outputs carry as creation and modification time:
// 1. `explicit_timestamp` (`--timestamp`), else 2. SOURCE_DATE_EPOCH, else 3. the newest
// modification time among `input_paths` (so an edited deck is newer and Anki updates its notes
// on re-import, while an unchanged file converts to identical bytes), else 4. kFixedEpoch.
std::int64_t resolve_timestamp(const std::optional<std::int64_t>& explicit_timestamp,
                               const std::vector<std::string>& input_paths);

// 2020-01-01T00:00:00Z: used for stdin input without --timestamp or SOURCE_DATE_EPOCH.
inline constexpr std::int64_t kFixedEpoch = 1577836800;

// Parses seconds since the epoch or an ISO 8601 UTC date-time (`2024-05-01T12:00:00Z`).
std::optional<std::int64_t> parse_timestamp(const std::string& text);

}  // namespace deckport
