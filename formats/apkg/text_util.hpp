// Anki's tag separators, for the apkg reader.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace deckport::apkg {

// Splits Anki's `tags` column (" a b ") on spaces, tabs, newlines and U+3000.
std::vector<std::string> split_tags(std::string_view tags);

}  // namespace deckport::apkg
