// The input as checked UTF-8 text cut into lines, with positions for diagnostics.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "deckport/diagnostics.hpp"

namespace deckport::markdown {

class SourceText {
  public:
    // Drops a leading UTF-8 BOM; accepts LF, CRLF and CR line endings. Reports the first
    // invalid UTF-8 byte (MD001) and the first NUL byte (MD002) with their line:col, and
    // replaces every such byte by U+FFFD so that the rest of the reader sees valid text.
    SourceText(std::string_view bytes, std::string file, Diagnostics& diagnostics);

    std::size_t line_count() const { return lines_.size(); }
    // Line `index` (0-based) without its line ending.
    std::string_view line(std::size_t index) const {
        return std::string_view(text_).substr(lines_[index].offset, lines_[index].length);
    }
    // 1-based line number of line `index`.
    int line_number(std::size_t index) const { return static_cast<int>(index) + 1; }
    const std::string& file() const { return file_; }

    // The location of byte `offset` of line `index`; the column counts characters from 1.
    SourceLocation location(std::size_t index, std::size_t offset = 0) const;

  private:
    struct LineSpan {
        std::size_t offset = 0;
        std::size_t length = 0;
    };
    std::string file_;
    std::string text_;
    std::vector<LineSpan> lines_;
};

// 1 + the number of UTF-8 characters in `text` before byte `offset`.
int column_at(std::string_view text, std::size_t offset);

// The position of byte `offset` of `text`, a run of whole source lines joined with LF whose
// first line starts at `origin`.
SourceLocation position_in_text(std::string_view text, std::size_t offset,
                                const SourceLocation& origin);

}  // namespace deckport::markdown
