// The input as checked UTF-8 text cut into lines, with positions for diagnostics.
#pragma once

#include <cstddef>
#include <cstdint>
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
    // `bytes` must outlive the SourceText: valid text is viewed, not copied. Text of 4 GiB or
    // more is refused (IoError IO003).
    SourceText(std::string_view bytes, std::string file, Diagnostics& diagnostics);
    SourceText(const SourceText&) = delete;  // text_ may point into repaired_
    SourceText& operator=(const SourceText&) = delete;

    std::size_t line_count() const { return line_starts_.size() - 1; }
    // Line `index` (0-based) without its line ending.
    std::string_view line(std::size_t index) const {
        std::string_view line =
            text_.substr(line_starts_[index], line_starts_[index + 1] - line_starts_[index]);
        if (line.ends_with('\n')) line.remove_suffix(1);
        if (line.ends_with('\r')) line.remove_suffix(1);
        return line;
    }
    // 1-based line number of line `index`.
    int line_number(std::size_t index) const { return static_cast<int>(index) + 1; }
    const std::string& file() const { return file_; }

    // The location of byte `offset` of line `index`; the column counts characters from 1.
    SourceLocation location(std::size_t index, std::size_t offset = 0) const;
    // The same without the file name: a field origin, whose file is its note's.
    SourceLocation position(std::size_t index, std::size_t offset = 0) const;

  private:
    std::string file_;
    std::string repaired_;   // the text with bad bytes replaced; empty when none were found
    std::string_view text_;  // the input's bytes, or repaired_
    // Where each line starts, then the end of the text: one 32-bit offset per line (a deck of a
    // million lines holds 5 MB of them, not 10 or 20; a deck is read up to 4 GiB).
    std::vector<std::uint32_t> line_starts_;
};

// 1 + the number of UTF-8 characters in `text` before byte `offset`.
int column_at(std::string_view text, std::size_t offset);

// The position of byte `offset` of `text`, a run of whole source lines joined with LF whose
// first line starts at `origin`.
SourceLocation position_in_text(std::string_view text, std::size_t offset,
                                const SourceLocation& origin);

}  // namespace deckport::markdown
