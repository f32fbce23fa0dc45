// Round-trip validation: write a collection with a format, read it back, and compare with the
// original on everything that format carries (its FormatInfo::capabilities). What it does not
// carry is a loss by design, reported once per format; every other difference is an error.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "deckport/codes.hpp"
#include "deckport/diagnostics.hpp"
#include "deckport/format.hpp"
#include "deckport/model.hpp"

namespace deckport {

struct RoundtripSubject {
    const Collection& collection;
    std::string file;                // the input's display name
    std::string_view source_text;    // the input's bytes when it is a text file, else empty
    std::filesystem::path base_dir;  // where the input's relative media paths resolve
};

struct RoundtripSettings {
    std::vector<std::string> via;  // format names or aliases; empty: every readable+writable one
    std::int64_t timestamp = 0;    // for writers and readers, so that writes are comparable
    FormatOptions options;         // given to every writer and reader
    Limits limits;                 // given to every writer and reader
    // When set, each format's output is also written there as <stem>.<format><ext> (a folder
    // for folder formats), for a person to look at.
    std::optional<std::filesystem::path> keep_dir;
};

// What one format did to the collection.
struct FormatRoundtrip {
    std::string format;
    std::vector<std::string> losses;      // aspects dropped by design: "tags", "decks", ...
    std::vector<Diagnostic> diagnostics;  // RT codes, plus the writer's and reader's own
    std::size_t unexpected = 0;           // differences that are not by design
    bool fixpoint = false;                // write(read(write(c))) == write(c), byte for byte
    bool passed() const { return unexpected == 0 && fixpoint; }
};

struct RoundtripResult {
    std::vector<FormatRoundtrip> formats;
    bool passed() const;
    std::vector<Diagnostic> diagnostics() const;  // every format's, in order
};

// Throws UsageError when `via` names an unknown format or one that cannot both write and read.
RoundtripResult roundtrip(const RoundtripSubject& subject, const FormatRegistry& registry,
                          const RoundtripSettings& settings);

std::vector<CodeInfo> roundtrip_codes();

}  // namespace deckport
