// A fast parser for the HTML that most fields hold: text, a few character references and
// well-nested phrase and block tags. For such input the HTML standard's tree building is plain
// (each end tag closes the current element, nothing is implied, reconstructed or moved), so this
// builds, from the same arena, the very tree gumbo builds, without gumbo's per-character token
// machinery (two thirds of the time of HTML -> markdown).
//
// Anything else is declined, and gumbo parses the field: tables, lists of definitions, forms,
// comments, raw-text elements, misnested or implied tags, unknown tags, duplicate attributes,
// references other than a handful, control characters and invalid UTF-8. A test compares the
// two parsers' trees on every input this one accepts.
#pragma once

#include <string_view>

#include "html_tree.hpp"

namespace deckport::content {

// The <html> element whose children are the fragment's top-level nodes, as gumbo's fragment
// parsing in a <body> context makes it; nullptr when the input needs gumbo. The nodes point
// into `html`, which must outlive them.
GumboNode* parse_simple_html(std::string_view html, GumboArena& arena);

}  // namespace deckport::content
