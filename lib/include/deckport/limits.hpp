// The one set of bounds that keeps hostile input from exhausting time or memory. The CLI builds
// it once (`--limit name=value`) and passes it down through ReadContext and WriteContext.
// The defaults are documented in README.md ("Safety"); a test keeps the two in step.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace deckport {

struct Limits {
    std::uint64_t max_input_bytes = 2ull
                                    << 30;  // input: one input file, or one file read from disk
    std::uint64_t max_member_bytes =
        1ull << 30;  // member: what one zip member or zstd frame inflates to
    // archive: everything inflated from one archive: zip members and zstd output together.
    std::uint64_t max_decompressed_bytes = 4ull << 30;
    // ratio: inflated bytes per compressed byte, for one member and for the whole archive, once
    // more than kRatioFloorBytes were inflated (so small members are never refused).
    std::uint64_t max_ratio = 100;
    std::uint64_t max_entries = 100'000;  // entries: zip members, media-map entries, media files
    std::uint32_t max_nesting = 256;      // nesting: JSON, Transit, EDN, HTML, markdown depth
    std::uint64_t max_field_bytes = 64ull << 20;  // field: one field of one note, as read

    // Inflating up to this many bytes is never refused for its ratio.
    static constexpr std::uint64_t kRatioFloorBytes = 1ull << 20;
};

// One limit as the CLI names it.
struct LimitInfo {
    std::string name;         // as given to --limit NAME=VALUE
    std::string description;  // what it bounds
    bool is_size = true;      // a number of bytes (printed as KiB, MiB, GiB)
    std::uint64_t highest = UINT64_MAX;
    std::uint64_t (*get)(const Limits&) = nullptr;
    void (*set)(Limits&, std::uint64_t) = nullptr;
};
const std::vector<LimitInfo>& limit_infos();

// Applies `name=value` settings (value: a whole number, with K, M or G for KiB, MiB, GiB on
// sizes). Throws UsageError naming the known limits for an unknown name or a bad value.
void apply_limit_settings(Limits& limits, const std::vector<std::string>& settings);

// 1.5 GiB, 64 MiB, 100 000: for messages and --help.
std::string limit_text(const LimitInfo& info, std::uint64_t value);

}  // namespace deckport
