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

#include <string>
#include <string_view>

#include "html_tree.hpp"

namespace deckport::content {

// The <html> element whose children are the fragment's top-level nodes, as gumbo's fragment
// parsing in a <body> context makes it; nullptr when the input needs gumbo. The nodes point
// into `html`, which must outlive them.
GumboNode* parse_simple_html(std::string_view html, GumboArena& arena);

// The children of `root` as text, one line per node, with what deckport's walkers read of it
// (tags, attributes, text and its kind, the spans of input it came from, parent links): what
// the tests and the fuzzer compare the two parsers by.
std::string describe_tree(const GumboNode& root);

// False when parse_simple_html takes `html` (as HtmlFragment gives it, tamed) and builds a tree
// other than gumbo's; `difference` then tells both trees.
bool simple_parser_agrees_with_gumbo(std::string_view html, std::string* difference = nullptr);

}  // namespace deckport::content
