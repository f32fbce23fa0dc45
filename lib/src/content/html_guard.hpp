// Keeps hostile HTML from making the parser slow or hungry. gumbo follows the HTML standard,
// whose tree building costs time proportional to the nesting depth for every tag and copies
// every still-open formatting element (<b>, <font ...>) into each new block. A field nested
// thousands of levels deep, or with thousands of unclosed formatting tags, would take minutes
// and gigabytes. tame_html() drops the start and end tags beyond those bounds (their text is
// kept), so real fields pass through untouched.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace deckport::content {

// Open elements at most (the depth the tree can reach).
inline constexpr int kMaxHtmlDepth = 256;

// The HTML with excess tags dropped, or nullopt when `html` is within the bounds.
std::optional<std::string> tame_html(std::string_view html);

}  // namespace deckport::content
