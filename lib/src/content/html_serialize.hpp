// Writing parsed HTML back out: tags, attributes, text, and whole subtrees.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "html_tree.hpp"

namespace deckport::content {

// How text is written when a subtree is serialized as raw HTML inside markdown.
struct RawHtmlStyle {
    // Outside <pre>, runs of white space become one space (what a browser shows anyway), so the
    // HTML fits on one line and cannot end a markdown HTML block by accident.
    bool collapse_whitespace = true;
};

// `<name attr="value" ...>` with the attributes in document order. Attribute names that raw
// HTML in markdown cannot carry are left out; values are escaped for double quotes.
void append_start_tag(std::string& out, const GumboNode& element);
void append_end_tag(std::string& out, const GumboNode& element);
// Text escaped for HTML content: `&`, `<`, `>`, and a no-break space as `&nbsp;`.
void append_text_escaped(std::string& out, std::string_view text);
// Attribute value escaped for double quotes (`&`, `"`, line breaks as `&#10;`).
void append_attribute_escaped(std::string& out, std::string_view value);

// Serializes `node` and its descendants (without recursion). Comments, <script> and <style>
// are left out. Never produces a blank line, so the result can stand as a markdown HTML block.
void append_raw_html(std::string& out, const GumboNode& node);
// The same for a run of siblings, written as their parent would write them.
void append_raw_html(std::string& out, std::span<const GumboNode* const> nodes);

// Whether an HTML tag or attribute name can appear in CommonMark raw HTML.
bool is_valid_tag_name(std::string_view name);
bool is_valid_attribute_name(std::string_view name);

}  // namespace deckport::content
