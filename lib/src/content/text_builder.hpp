// Builds the plain text a reader sees: one line per block, whitespace collapsed as a browser
// collapses it, list items as "- item" / "1. item" lines, nested ones indented to the text of
// the item they are in.
// Shared by markdown -> text and HTML -> text so that both give the same text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace deckport::content {

class TextBuilder {
  public:
    // Inline text: runs of ASCII white space become one space; a no-break space stays a space.
    void text(std::string_view text);
    // Preformatted text: kept as is, `\n` ends a line.
    void verbatim(std::string_view text);
    // A forced line break (<br>, a hard break).
    void line_break();
    // Ends the current line unless it is empty: the next text starts a new line.
    void block_boundary();
    // Separates table cells on one line.
    void cell_separator();

    // A list item: starts a line with `marker` ("- ", "3. ") after the indentation of the
    // enclosing items; lines that continue the item are indented to the item's text.
    void begin_item(std::string_view marker);
    void end_item();

    // The text, every line without trailing spaces, the whole without leading or trailing
    // blank space.
    std::string finish();

  private:
    void start_content();

    std::string out_;
    std::string indent_;  // continuation indent of the open list items
    std::vector<std::size_t> indent_sizes_;
    std::string pending_marker_;
    bool line_has_content_ = false;
    bool pending_space_ = false;
};

// Feeds the text of an HTML fragment into `builder` (the rules of html_to_text).
void append_html_as_text(TextBuilder& builder, std::string_view html);

}  // namespace deckport::content
