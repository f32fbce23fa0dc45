// "Did you mean …?" for misspelt names (options, project file keys).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace deckport {

// The candidate closest to `word` by edit distance (case-insensitive), when it is close enough
// to be a misspelling: at most a third of the word's length, and at least one edit.
std::optional<std::string> closest_word(std::string_view word,
                                        const std::vector<std::string>& candidates);

}  // namespace deckport
