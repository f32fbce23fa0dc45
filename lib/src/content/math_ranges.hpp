// Where the math of a field is in its source: the TeX that MathJax will read, as byte ranges.
// For lint rules that point into the field (a cloze's `}}` inside math).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "deckport/model.hpp"

namespace deckport::content {

struct TexRange {
    std::size_t begin = 0;  // first byte of the TeX
    std::size_t end = 0;    // one past its last byte
};

// Markdown: the TeX of `$…$`, `$$…$$`, `\(…\)` and `\[…\]` that render as math. HTML and
// text: what lies between `\(` or `\[` and the next `\)` or `\]` (Anki's MathJax rule).
std::vector<TexRange> math_ranges(const Content& content);

}  // namespace deckport::content
