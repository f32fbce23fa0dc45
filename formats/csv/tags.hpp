// Tags in Anki text files: split on Unicode whitespace only (commas are part of a tag).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace deckport::csv {

// Splits on every Unicode White_Space character, as Rust's split_whitespace does in Anki.
std::vector<std::string> split_tags(std::string_view text);

// True when `text` holds a Unicode White_Space character.
bool has_whitespace(std::string_view text);

}  // namespace deckport::csv
