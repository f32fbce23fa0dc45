// The documented rule that makes a text fit between Quizlet's separators, which have no quoting:
//   line breaks (newline rows)  -> the lines, trimmed, without blank ones, joined with a space
//                                  (the words stay as they were, as Anki's own text export
//                                  does; a " / " would add text that reads back as content)
//   `;` (semicolon rows)        -> `；` (U+FF1B, a full-width semicolon)
//   tab (tab terms)             -> a space, in terms and definitions
//   `,` (comma terms)           -> `，` (U+FF0C) in terms; definitions keep their commas, since
//                                  a row splits at its first comma
//   a custom separator          -> a space, until none is left (terms: both separators;
//                                  definitions: the row separator)
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "quizlet/separators.hpp"

namespace deckport::quizlet {

struct Flattened {
    std::string text;
    std::vector<std::string> changes;  // what was replaced, for the per-card warning
};

Flattened flatten(std::string_view text, const Separators& separators, bool is_term);

}  // namespace deckport::quizlet
