#include "common/text_decoding.hpp"

#include "common/utf8.hpp"

#include <algorithm>

namespace deckport::textfile {
namespace {

void decode_utf16(std::string_view bytes, bool big_endian, DecodedText& out) {
    auto unit = [&](std::size_t i) -> char32_t {
        auto a = static_cast<unsigned char>(bytes[i]);
        auto b = static_cast<unsigned char>(bytes[i + 1]);
        return big_endian ? static_cast<char32_t>((a << 8) | b)
                          : static_cast<char32_t>((b << 8) | a);
    };
    std::string& text = out.converted.emplace();
    text.reserve(bytes.size());
    std::size_t i = 0;
    while (i + 1 < bytes.size()) {
        char32_t cp = unit(i);
        if (cp >= 0xDC00 && cp <= 0xDFFF) break;  // a low surrogate without its high half
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (i + 3 >= bytes.size()) break;
            char32_t low = unit(i + 2);
            if (low < 0xDC00 || low > 0xDFFF) break;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            i += 2;
        }
        i += 2;
        utf8::append(text, cp);
    }
    if (i != bytes.size()) out.invalid_at = text.size();
}

}  // namespace

const char* encoding_name(Encoding encoding) {
    switch (encoding) {
        case Encoding::utf8:
            return "UTF-8";
        case Encoding::utf8_bom:
            return "UTF-8 with a byte order mark";
        case Encoding::utf16le:
            return "UTF-16 little-endian";
        case Encoding::utf16be:
            return "UTF-16 big-endian";
    }
    return "UTF-8";
}

DecodedText decode_text(std::string_view bytes) {
    DecodedText out;
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        out.encoding = Encoding::utf8_bom;
        bytes.remove_prefix(3);
    } else if (bytes.starts_with("\xFE\xFF") || bytes.starts_with("\xFF\xFE")) {
        bool big_endian = bytes[0] == '\xFE';
        out.encoding = big_endian ? Encoding::utf16be : Encoding::utf16le;
        decode_utf16(bytes.substr(2), big_endian, out);
    }
    if (out.encoding == Encoding::utf8 || out.encoding == Encoding::utf8_bom) {
        std::size_t pos = 0;
        while (pos < bytes.size()) {
            std::size_t length = utf8::sequence_length(bytes, pos);
            if (length == 0) {
                out.invalid_at = pos;
                break;
            }
            pos += length;
        }
        out.source = bytes.substr(0, pos);
    }
    std::string_view text = out.text();
    std::size_t nul = text.find('\0');
    if (nul != std::string_view::npos) {
        out.first_nul_at = nul;
        out.nul_count = static_cast<std::size_t>(
            std::count(text.begin() + static_cast<std::ptrdiff_t>(nul), text.end(), '\0'));
    }
    return out;
}

bool looks_like_utf16(std::string_view bytes) {
    if (bytes.starts_with("\xFE\xFF") || bytes.starts_with("\xFF\xFE")) return true;
    std::size_t sample = std::min<std::size_t>(bytes.size() & ~std::size_t{1}, 64);
    if (sample < 4) return false;
    std::size_t even_nuls = 0, odd_nuls = 0;
    for (std::size_t i = 0; i < sample; ++i) {
        if (bytes[i] == '\0') ++(i % 2 == 0 ? even_nuls : odd_nuls);
    }
    // Mostly-ASCII UTF-16 has a NUL in one byte of nearly every code unit, never in the other.
    std::size_t half = sample / 2;
    return (even_nuls * 4 >= half * 3 && odd_nuls == 0) ||
           (odd_nuls * 4 >= half * 3 && even_nuls == 0);
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
            line_starts_.push_back(i + 1);
        }
    }
}

std::pair<int, int> LineIndex::position(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());  // >= 1
    std::size_t start = line_starts_[line - 1];
    int column = 1;
    for (std::size_t i = start; i < offset; ++i) {
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
    }
    return {static_cast<int>(line), column};
}

}  // namespace deckport::textfile
