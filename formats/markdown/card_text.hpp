// Field text as the writer puts it into a card, so that the reader finds exactly that text
// again: line endings, blank lines, and the lines that would read as separators.
#pragma once

#include <string>
#include <string_view>

namespace deckport::markdown {

// LF line endings, leading and trailing blank lines dropped (what the reader keeps).
std::string normalize_side(std::string_view text);

// Makes `text` safe as one field of a card: outside fenced code, a `. . .` line is written
// `\. . .` and a `--- Name` line `\--- Name` (the same text once rendered) and, in the first
// field, a `---` line is written `----` (the same rule or heading); a fence left open is closed.
std::string escape_side(std::string_view text, bool is_question);

}  // namespace deckport::markdown
