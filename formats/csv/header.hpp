// The header block of an Anki text file: an optional legacy `tags:` first line, then every
// consecutive line that starts with `#` (a directive when it holds a `:`, a comment otherwise).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/text_reporter.hpp"

namespace deckport::csv {

struct HeaderText {
    std::string value;
    std::size_t offset = 0;  // start of its line, for diagnostics
};

struct HeaderColumn {
    int index = 0;  // 1-based, as written
    std::size_t offset = 0;
};

enum class DupePolicy { update_current, keep_current, keep_both };
enum class MatchScope { notetype, notetype_and_deck };

struct FileHeader {
    std::vector<std::string> global_tags;  // `tags:` first line and `#tags:`
    std::optional<char> separator;
    std::optional<bool> html;
    std::optional<HeaderText> columns;  // raw; split later with the final separator
    bool columns_before_separator = false;
    std::optional<HeaderText> notetype;
    std::optional<HeaderText> deck;
    std::optional<HeaderColumn> notetype_column;
    std::optional<HeaderColumn> deck_column;
    std::optional<HeaderColumn> tags_column;
    std::optional<HeaderColumn> guid_column;
    DupePolicy if_matches = DupePolicy::update_current;
    MatchScope match_scope = MatchScope::notetype;
    bool has_directives = false;  // at least one `#key:value` line
    std::size_t body_offset = 0;  // where the rows start
};

// Parses the header block at the start of `text` (already without a BOM), as Anki 25.x does,
// including its tolerance for spreadsheet padding (`#separator:Comma,,`). Values Anki would
// ignore are reported as warnings (CSV010) and ignored.
FileHeader parse_header(std::string_view text, textfile::Reporter& reporter);

}  // namespace deckport::csv
