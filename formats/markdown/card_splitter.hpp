// Cuts the body of a deck into cards at `. . .` lines and finds each card's `---` line, outside
// fenced code blocks.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "deckport/diagnostics.hpp"
#include "markdown/source_text.hpp"

namespace deckport::markdown {

struct RawCard {
    std::size_t begin = 0;                         // index of its first line
    std::size_t end = 0;                           // one past its last line
    std::optional<std::size_t> side_separator;     // the first `---` line: question above
    std::vector<std::size_t> later_rules;          // further `---` lines
    std::vector<std::size_t> field_separators;     // `--- Name` lines
    std::vector<std::size_t> headings;             // `#` and `##` heading lines
    std::optional<std::size_t> closing_separator;  // the `. . .` line that ends it
};

struct SplitBody {
    std::vector<RawCard> cards;  // blank ones included; the reader decides about them
    std::vector<bool> in_fence;  // per line of the source: part of a fenced code block
    bool has_card_separator = false;
};

// Reports MD009 for a fence that is never closed (at its opening line) and then reads that
// fence as ending at the next `. . .` line, so that one mistake does not swallow later cards.
SplitBody split_cards(const SourceText& source, std::size_t body_start, Diagnostics& diagnostics);

}  // namespace deckport::markdown
