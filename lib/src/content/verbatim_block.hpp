// The text of a code block exactly as written. md4c reports the white space that starts a code
// line as spaces of its own (a tab becomes up to four), which turns a Makefile's tabs into
// spaces; this collects a block's text events and puts the source's own bytes back.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <md4c.h>

#include "markdown_math.hpp"

namespace deckport::content {

class VerbatimBlock {
  public:
    explicit VerbatimBlock(const MarkdownSource& source) : source_(source) {}

    void begin();
    // Takes a text event while a block is open (its code, or a NUL); false for other events.
    bool feed(MD_TEXTTYPE type, std::string_view text);
    // The block's text: each line's indentation as the source writes it, where the source
    // has it whole (a tab split by a container's indentation stays spaces, as CommonMark
    // reads it). Closes the block.
    std::string finish();

  private:
    struct Line {
        std::size_t indent = 0;         // columns md4c wrote as spaces
        const char* content = nullptr;  // where the line's text starts in the source
        std::string text;               // the line's text after the indentation
    };
    std::string indentation(std::size_t index) const;
    // Offset in the source where the leading white space of line `index` ends: at its text,
    // or at the end of a line of white space only; npos when not known.
    std::size_t indent_end(std::size_t index) const;

    const MarkdownSource& source_;
    void add(std::string_view text, bool null_char);

    std::vector<Line> lines_;
    bool open_ = false;
    bool line_open_ = false;
};

}  // namespace deckport::content
