// Small text helpers of the apkg reader: UTF-8 validity, Anki's tag separators.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace deckport::apkg {

bool is_valid_utf8(std::string_view text);
// `text` with every invalid UTF-8 sequence replaced by U+FFFD.
std::string to_valid_utf8(std::string_view text);

// Splits Anki's `tags` column (" a b ") on spaces, tabs, newlines and U+3000.
std::vector<std::string> split_tags(std::string_view tags);

}  // namespace deckport::apkg
