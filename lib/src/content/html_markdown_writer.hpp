// HTML -> markdown, internals: an inline writer for runs of phrasing content and a block
// writer for the block structure. Whatever markdown cannot say is written as raw HTML, which
// CommonMark passes through, so nothing is lost.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "html_tree.hpp"

namespace deckport::content {

// Nesting depth from which subtrees are written as raw HTML instead of markdown.
inline constexpr int kMaxMarkdownBlockDepth = 32;
inline constexpr int kMaxMarkdownInlineDepth = 64;

// Whether a line starting with `<name` starts a CommonMark HTML block (conditions 1 and 6):
// such tags cannot stay inline.
bool starts_markdown_html_block(std::string_view name);

struct InlineContext {
    bool in_table_cell = false;  // a line break must stay <br>; `|` must not appear raw
    bool in_heading = false;     // no line breaks at all
    bool in_link_text = false;   // a `]` would end the link text
};

// Writes a run of inline nodes as markdown: white space collapsed as a browser does, text
// escaped, emphasis as delimiters when CommonMark would read them back, else as HTML tags.
class InlineWriter {
  public:
    // `before`: the character written just before this run ('\0' at the start of a line).
    InlineWriter(InlineContext context, char before);

    void write(const GumboNode& node, int depth);

    struct Result {
        std::string markdown;         // trimmed
        bool leading_space = false;   // white space before the first visible content
        bool trailing_space = false;  // white space after the last visible content
        bool failed = false;          // met a block or something else that cannot be inline
    };
    // `after`: the character that will follow ('\0' for the end of a line).
    Result finish(char after);

  private:
    // An emphasis just written with delimiters, which the next character may make unreadable.
    // out_ holds it from `start`: delimiter, content, delimiter. The views are of literals.
    struct PendingCloser {
        bool active = false;
        std::size_t start = 0;
        std::string_view delimiter;
        std::size_t content_size = 0;
        std::string_view open_tag;
        std::string_view close_tag;
    };

    void write_text(std::string_view text);
    void write_collapsed(std::string_view text);  // white space collapsed, escaped
    void write_plain(std::string_view text);      // escaped, no line breaks in it
    bool write_math(std::string_view text, std::size_t& i);
    void write_element(const GumboNode& node, int depth);
    void write_emphasis(const GumboNode& node, int depth, GumboTag style);
    void write_code(const GumboNode& node);
    void write_link(const GumboNode& node, int depth);
    void write_image(const GumboNode& node);
    void write_raw_element(const GumboNode& node, int depth);
    void write_children(const GumboNode& node, int depth);

    // Called before anything visible is written; `next` starts with what will be written.
    void before_visible(std::string_view next);
    void settle_closer(std::string_view next);
    std::string_view previous() const;  // what was written before (empty at a line start)

    InlineContext context_;
    char before_;
    std::string out_;
    // Emphasis open around this run: bit 1 <strong>, 2 <em>, 4 <del>.
    unsigned styles_ = 0;
    PendingCloser closer_;
    std::size_t math_closes_[2] = {0, 0};  // next `\)` and `\]` in the current text
    int pending_breaks_ = 0;
    bool pending_space_ = false;
    bool leading_space_ = false;
    bool line_start_ = false;
    bool failed_ = false;
};

// Renders the top-level nodes of a fragment as markdown blocks separated by blank lines.
// With `check_each_block`, every block is rendered back to HTML and written as raw HTML when
// its markdown does not give the same HTML (see normalize_html_for_compare).
std::string write_markdown_blocks(const GumboNode& root, bool check_each_block);
// The top-level nodes of a fragment as one raw HTML block (in a <div> unless it is one block
// element that markdown keeps whole), the last resort.
std::string write_raw_html_block(const GumboNode& root);

}  // namespace deckport::content
