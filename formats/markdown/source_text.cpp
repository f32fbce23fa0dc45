#include "markdown/source_text.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>

#include "common/utf8.hpp"
#include "deckport/error.hpp"

namespace deckport::markdown {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool is_continuation(unsigned char byte) {
    return (byte & 0xC0) == 0x80;
}

std::string hex_byte(unsigned char byte) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "0x%02x", byte);
    return buffer;
}

// The first occurrence of a kind of bad byte, and how many more follow it.
struct BadByte {
    int line = 0;
    int column = 0;
    unsigned char byte = 0;
    std::size_t more = 0;

    void seen(int at_line, int at_column, unsigned char value) {
        if (line == 0) {
            line = at_line;
            column = at_column;
            byte = value;
        } else {
            ++more;
        }
    }
};

std::string more_text(std::size_t more) {
    return more == 0 ? std::string{} : " (and " + std::to_string(more) + " more in the file)";
}

}  // namespace

int column_at(std::string_view text, std::size_t offset) {
    int column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (!is_continuation(static_cast<unsigned char>(text[i]))) ++column;
    }
    return column;
}

SourceLocation position_in_text(std::string_view text, std::size_t offset,
                                const SourceLocation& origin) {
    offset = std::min(offset, text.size());
    std::string_view before = text.substr(0, offset);
    std::size_t line_start = before.rfind('\n');
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    SourceLocation at = origin;
    at.line += static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    at.column = column_at(text.substr(line_start), offset - line_start);
    return at;
}

SourceText::SourceText(std::string_view bytes, std::string file, Diagnostics& diagnostics)
    : file_(std::move(file)) {
    if (bytes.starts_with(kBom)) bytes.remove_prefix(kBom.size());
    text_ = bytes;
    BadByte invalid, nul;
    int line = 1, column = 1;
    std::size_t pos = 0;
    std::size_t line_breaks = 0;
    // Bytes up to `pos` that were copied into repaired_, once a bad byte made a copy necessary.
    std::size_t copied = 0;
    auto repair = [&](std::size_t at, std::size_t length) {
        if (repaired_.empty()) repaired_.reserve(bytes.size() + 64);
        repaired_.append(bytes.substr(copied, at - copied));
        repaired_ += kReplacement;
        copied = at + length;
    };
    while (pos < bytes.size()) {
        char c = bytes[pos];
        if (static_cast<unsigned char>(c) < 0x80 && c != '\0') {
            if (c == '\n' || (c == '\r' && (pos + 1 == bytes.size() || bytes[pos + 1] != '\n'))) {
                ++line;
                ++line_breaks;
                column = 1;
            } else {
                ++column;
            }
            ++pos;
            continue;
        }
        if (c == '\0') {
            nul.seen(line, column, 0);
            repair(pos, 1);
            ++pos;
            ++column;
            continue;
        }
        std::size_t length = utf8::sequence_length(bytes, pos);
        if (length == 0) {
            invalid.seen(line, column, static_cast<unsigned char>(c));
            repair(pos, 1);
            length = 1;
        }
        pos += length;
        ++column;
    }
    if (copied > 0) {
        repaired_.append(bytes.substr(copied));
        text_ = repaired_;
    }
    if (invalid.line > 0) {
        diagnostics.error("MD001", {file_, invalid.line, invalid.column, {}},
                          "invalid UTF-8 byte " + hex_byte(invalid.byte) + more_text(invalid.more),
                          "save the deck as UTF-8");
    }
    if (nul.line > 0) {
        diagnostics.error("MD002", {file_, nul.line, nul.column, {}},
                          "NUL byte in the text" + more_text(nul.more),
                          "a markdown deck is text; remove the NUL bytes");
    }

    if (text_.size() >= std::numeric_limits<std::uint32_t>::max()) {
        throw IoError("IO003", file_, "a markdown deck is read up to 4 GiB");
    }
    line_starts_.reserve(line_breaks + 2);
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i) {
        if (text_[i] != '\n' && text_[i] != '\r') continue;
        if (text_[i] == '\r' && i + 1 < text_.size() && text_[i + 1] == '\n') ++i;
        line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
    }
    // The last line has no line ending; the text's end closes the last line that has one.
    if (line_starts_.back() < text_.size()) {
        line_starts_.push_back(static_cast<std::uint32_t>(text_.size()));
    }
}

SourceLocation SourceText::location(std::size_t index, std::size_t offset) const {
    SourceLocation at = position(index, offset);
    at.file = file_;
    return at;
}

SourceLocation SourceText::position(std::size_t index, std::size_t offset) const {
    if (index >= line_count()) return {{}, static_cast<int>(line_count()) + 1, 1, {}};
    return {{}, line_number(index), column_at(line(index), offset), {}};
}

}  // namespace deckport::markdown
