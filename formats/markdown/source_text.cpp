#include "markdown/source_text.hpp"

#include "common/utf8.hpp"

#include <algorithm>
#include <cstdio>

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
    text_.reserve(bytes.size());
    BadByte invalid, nul;
    int line = 1, column = 1;
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        char c = bytes[pos];
        if (c == '\n' || (c == '\r' && (pos + 1 == bytes.size() || bytes[pos + 1] != '\n'))) {
            ++line;
            column = 1;
            text_ += c;
            ++pos;
            continue;
        }
        // A run of ASCII without line ends or NUL (most of a deck) is copied at once.
        std::size_t run = pos;
        while (run < bytes.size()) {
            auto u = static_cast<unsigned char>(bytes[run]);
            if (u >= 0x80 || u == '\n' || u == '\r' || u == '\0') break;
            ++run;
        }
        if (run > pos) {
            text_.append(bytes.substr(pos, run - pos));
            column += static_cast<int>(run - pos);
            pos = run;
            continue;
        }
        if (c == '\0') {
            nul.seen(line, column, 0);
            text_ += kReplacement;
            ++pos;
            ++column;
            continue;
        }
        std::size_t length = utf8::sequence_length(bytes, pos);
        if (length == 0) {
            invalid.seen(line, column, static_cast<unsigned char>(c));
            text_ += kReplacement;
            length = 1;
        } else {
            text_.append(bytes.substr(pos, length));
        }
        pos += length;
        ++column;
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

    std::size_t start = 0;
    for (std::size_t i = 0; i < text_.size(); ++i) {
        if (text_[i] != '\n' && text_[i] != '\r') continue;
        lines_.push_back({start, i - start});
        if (text_[i] == '\r' && i + 1 < text_.size() && text_[i + 1] == '\n') ++i;
        start = i + 1;
    }
    if (start < text_.size()) lines_.push_back({start, text_.size() - start});
}

SourceLocation SourceText::location(std::size_t index, std::size_t offset) const {
    if (index >= lines_.size()) {
        return {file_, static_cast<int>(lines_.size()) + 1, 1, {}};
    }
    return {file_, line_number(index), column_at(line(index), offset), {}};
}

}  // namespace deckport::markdown
