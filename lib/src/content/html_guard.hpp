// Keeps hostile HTML from making the parser slow or hungry. gumbo follows the HTML standard,
// whose tree building costs time proportional to the nesting depth for every tag, and copies
// every still-open formatting element (<b>, <font ...>) into each new block. A field nested
// thousands of levels deep, or with thousands of unclosed formatting tags, would take minutes
// and gigabytes.
//
// Fields with few tags cannot do that and pass untouched. Larger ones are re-tokenized here
// and written again as unambiguous HTML: tags re-serialized, stray `<` escaped, comments,
// <script>/<style> and similar raw-text elements dropped, and start tags beyond a nesting depth
// of kMaxHtmlDepth (or beyond a budget of open formatting elements) dropped with their end
// tags; their text is kept. gumbo then sees exactly the tags this scanner saw.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace deckport::content {

// Real fields nest a dozen levels; implied elements (<tbody>, <tr>...) can add a few per level.
inline constexpr int kMaxHtmlDepth = 100;

// The rewritten HTML, or nullopt when `html` has too few tags to need it.
std::optional<std::string> tame_html(std::string_view html);

}  // namespace deckport::content
