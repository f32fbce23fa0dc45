#include "deckport/limits.hpp"

#include <cctype>
#include <optional>
#include <utility>

#include "deckport/error.hpp"

namespace deckport {
namespace {

std::string known_names() {
    std::string names;
    for (const LimitInfo& info : limit_infos()) names += (names.empty() ? "" : ", ") + info.name;
    return names;
}

// "64M" -> 64 MiB; nullopt when it is not a whole number (with an optional K, M or G).
std::optional<std::uint64_t> parse_amount(std::string_view text, bool size) {
    if (text.empty()) return std::nullopt;
    unsigned shift = 0;
    char last = static_cast<char>(std::toupper(static_cast<unsigned char>(text.back())));
    if (size && (last == 'K' || last == 'M' || last == 'G')) {
        shift = last == 'K' ? 10 : last == 'M' ? 20 : 30;
        text.remove_suffix(1);
        if (text.empty()) return std::nullopt;
    }
    std::uint64_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        if (value > (UINT64_MAX - 9) / 10) return std::nullopt;
        value = value * 10 + static_cast<std::uint64_t>(c - '0');
    }
    if (shift > 0 && value > (UINT64_MAX >> shift)) return std::nullopt;
    return value << shift;
}

}  // namespace

const std::vector<LimitInfo>& limit_infos() {
    static const std::vector<LimitInfo> infos = {
        {"input", "bytes of one input file, or of one file read from disk (media, deck.json)", true,
         UINT64_MAX, [](const Limits& l) { return l.max_input_bytes; },
         [](Limits& l, std::uint64_t v) { l.max_input_bytes = v; }},
        {"member", "bytes one archive member (zip member or zstd frame) inflates to", true,
         UINT64_MAX, [](const Limits& l) { return l.max_member_bytes; },
         [](Limits& l, std::uint64_t v) { l.max_member_bytes = v; }},
        {"archive", "bytes inflated from one archive, zip members and zstd output together", true,
         UINT64_MAX, [](const Limits& l) { return l.max_decompressed_bytes; },
         [](Limits& l, std::uint64_t v) { l.max_decompressed_bytes = v; }},
        {"ratio",
         "inflated bytes per compressed byte, per member and per archive, beyond the first MiB",
         false, UINT64_MAX, [](const Limits& l) { return l.max_ratio; },
         [](Limits& l, std::uint64_t v) { l.max_ratio = v; }},
        {"entries", "members of one archive, media-map entries, files in a media folder", false,
         UINT64_MAX, [](const Limits& l) { return l.max_entries; },
         [](Limits& l, std::uint64_t v) { l.max_entries = v; }},
        {"nesting", "nesting depth of JSON, Transit, EDN, HTML and markdown", false, 100'000,
         [](const Limits& l) { return std::uint64_t{l.max_nesting}; },
         [](Limits& l, std::uint64_t v) { l.max_nesting = static_cast<std::uint32_t>(v); }},
        {"field", "bytes of one field of one note", true, UINT64_MAX,
         [](const Limits& l) { return l.max_field_bytes; },
         [](Limits& l, std::uint64_t v) { l.max_field_bytes = v; }},
    };
    return infos;
}

void apply_limit_settings(Limits& limits, const std::vector<std::string>& settings) {
    for (const std::string& setting : settings) {
        auto eq = setting.find('=');
        std::string name = setting.substr(0, eq);
        const LimitInfo* info = nullptr;
        for (const LimitInfo& candidate : limit_infos()) {
            if (candidate.name == name) info = &candidate;
        }
        if (!info) {
            throw UsageError("--limit " + setting + ": no limit is called '" + name + "'",
                             "the limits are " + known_names() + " (see README.md, Safety)");
        }
        std::optional<std::uint64_t> value =
            eq == std::string::npos
                ? std::nullopt
                : parse_amount(std::string_view(setting).substr(eq + 1), info->is_size);
        if (!value || *value == 0 || *value > info->highest) {
            throw UsageError(
                "--limit " + setting + ": the value is not a whole number from 1" +
                    (info->highest == UINT64_MAX ? std::string{}
                                                 : " to " + std::to_string(info->highest)),
                info->is_size
                    ? "write it as NAME=VALUE, with K, M or G for KiB, MiB or GiB: --limit " +
                          info->name + "=512M"
                    : "write it as NAME=VALUE: --limit " + info->name + "=" +
                          std::to_string(info->get(Limits{}) * 2));
        }
        info->set(limits, *value);
    }
}

std::string limit_text(const LimitInfo& info, std::uint64_t value) {
    if (!info.is_size) return std::to_string(value);
    for (auto [shift, unit] : {std::pair{30u, " GiB"}, {20u, " MiB"}, {10u, " KiB"}}) {
        std::uint64_t one = std::uint64_t{1} << shift;
        if (value >= one && value % (one / 4) == 0) {
            std::uint64_t whole = value >> shift;
            std::uint64_t quarters = (value % one) / (one / 4);
            std::string text = std::to_string(whole);
            if (quarters != 0) text += quarters == 2 ? ".5" : quarters == 1 ? ".25" : ".75";
            return text + unit;
        }
    }
    return std::to_string(value) + " bytes";
}

}  // namespace deckport
