// Decoding of delimited text files (CSV, TSV, Quizlet text): byte order marks, UTF-16 to UTF-8,
// UTF-8 validation and the positions (line, column) that diagnostics need. Shared by the csv and
// quizlet formats.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace deckport::textfile {

enum class Encoding { utf8, utf8_bom, utf16le, utf16be };

const char* encoding_name(Encoding encoding);

struct DecodedText {
    // The text, UTF-8 without a byte order mark: a view of the bytes decoded (which must outlive
    // it) when they were UTF-8, so that a large file is not held twice; else of `converted`.
    std::string_view text() const { return converted ? std::string_view(*converted) : source; }
    // The text as a string of its own: moved out when it was converted, else copied.
    std::string take_text() { return converted ? std::move(*converted) : std::string(source); }
    std::string_view source;
    std::optional<std::string> converted;  // from UTF-16
    Encoding encoding = Encoding::utf8;
    // Offset into text() where decoding stopped because the input is not valid in its
    // encoding (the text before it is valid). Empty when the whole input decoded.
    std::optional<std::size_t> invalid_at;
    std::size_t nul_count = 0;                // NUL bytes in text()
    std::optional<std::size_t> first_nul_at;  // offset of the first one
};

// Strips a UTF-8 BOM, converts UTF-16 (LE or BE, recognised by its BOM) to UTF-8, checks UTF-8.
// `bytes` must outlive the result.
DecodedText decode_text(std::string_view bytes);

// True when `bytes` starts with a UTF-16 byte order mark, or when its first bytes hold NULs at
// every other position (UTF-16 without a BOM).
bool looks_like_utf16(std::string_view bytes);

// Maps byte offsets of a text to 1-based lines and columns. Lines end at LF, CRLF or a lone CR;
// columns count code points, so that a position matches what an editor shows.
class LineIndex {
  public:
    explicit LineIndex(std::string_view text);
    std::pair<int, int> position(std::size_t offset) const;  // {line, column}
    int line(std::size_t offset) const { return position(offset).first; }

  private:
    std::string_view text_;
    std::vector<std::size_t> line_starts_;
};

}  // namespace deckport::textfile
