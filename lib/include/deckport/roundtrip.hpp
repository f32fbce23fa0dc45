// Round-trip validation: write a collection with a format, read it back, and compare with the
// original by meaning on everything that format carries (its FormatInfo::capabilities). Notes
// are matched by identity, then content, never by position. What the format changes by rule
// (FormatInfo::normalises: usn, derived ids, a root deck, sanitised media names) is not a
// difference (one note, RT009); what it does not carry is a loss by design, one warning per
// aspect with counts (RT001); every other difference is an error that names the note and says
// what changed.
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
    FormatOptions options;         // each writer and reader gets the ones it declares
    bool strict = false;           // losses by design fail the round trip too (RT001 errors)
    Limits limits;                 // given to every writer and reader
    // When set, each format's output is also written there as <stem>.<format><ext> (a folder
    // for folder formats), for a person to look at.
    std::optional<std::filesystem::path> keep_dir;
    std::filesystem::path media_root = {};  // --media-root, for reading the outputs back
};

// What one format did to the collection.
struct FormatRoundtrip {
    std::string format;
    std::vector<std::string> losses;      // aspects dropped by design: "tags", "decks", ...
    std::vector<std::string> normalised;  // rules the format applied (not differences)
    std::vector<Diagnostic> diagnostics;  // RT codes, plus the writer's and reader's own
    std::size_t unexpected = 0;           // differences that are not by design
    bool fixpoint = false;                // write(read(write(c))) == write(c), file for file
    bool strict = false;                  // losses by design count as failures
    bool passed() const { return unexpected == 0 && fixpoint && !(strict && !losses.empty()); }
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
