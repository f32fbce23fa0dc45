#include "anki_text.hpp"

#include <utf8proc.h>

#include <cstdint>

#include "content/escape.hpp"
#include "deckport/html_entities.hpp"

namespace deckport::render_detail {
namespace {

// Decodes the UTF-8 sequence at `i`; `length` is set to its byte count. An invalid byte decodes
// as itself (length 1, a value above U+10FFFF) so that callers copy it unchanged.
std::uint32_t decode_utf8(std::string_view s, std::size_t i, std::size_t& length) {
    utf8proc_int32_t cp = -1;
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                          static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) {
        length = 1;
        return 0x110000u + static_cast<unsigned char>(s[i]);
    }
    length = static_cast<std::size_t>(n);
    return static_cast<std::uint32_t>(cp);
}

const char* minimal_entity(char c) {
    switch (c) {
        case '"':
            return "&quot;";
        case '&':
            return "&amp;";
        case '\'':
            return "&#x27;";
        case '<':
            return "&lt;";
        case '>':
            return "&gt;";
        default:
            return nullptr;
    }
}

bool is_ascii_alnum(std::uint32_t c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_unicode_white_space(std::uint32_t c) {
    return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000;
}

}  // namespace

bool starts_with_ignoring_case(std::string_view s, std::size_t at, std::string_view lower_prefix) {
    if (at > s.size() || s.size() - at < lower_prefix.size()) return false;
    for (std::size_t k = 0; k < lower_prefix.size(); ++k) {
        char c = s[at + k];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != lower_prefix[k]) return false;
    }
    return true;
}

std::string encode_minimal(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (const char* entity = minimal_entity(c))
            out += entity;
        else
            out += c;
    }
    return out;
}

std::string encode_attribute(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size() * 2);
    for (std::size_t i = 0; i < text.size();) {
        std::size_t length = 0;
        std::uint32_t c = decode_utf8(text, i, length);
        if (const char* entity = length == 1 ? minimal_entity(text[i]) : nullptr) {
            out += entity;
        } else if (c < 0x100 && (c > 127 || !is_ascii_alnum(c))) {
            out += "&#x";
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
            out += ';';
        } else {
            out.append(text.substr(i, length));
        }
        i += length;
    }
    return out;
}

std::size_t ForwardFinder::find(std::size_t from) {
    constexpr std::size_t npos = std::string_view::npos;
    if (searched_ && from >= searched_from_ && (found_ == npos || found_ >= from)) return found_;
    searched_ = true;
    searched_from_ = from;
    found_ = npos;
    if (needle_.empty() || from > text_.size()) return found_;
    if (!ignore_case_) {
        found_ = text_.find(needle_, from);
        return found_;
    }
    for (std::size_t i = from; i + needle_.size() <= text_.size(); ++i) {
        if (starts_with_ignoring_case(text_, i, needle_)) return found_ = i;
    }
    return found_;
}

std::string strip_html_preserving_entities(std::string_view html) {
    std::string out;
    out.reserve(html.size());
    ForwardFinder comment_end(html, "-->"), tag_end(html, ">");
    ForwardFinder style_end(html, "</style>", true), script_end(html, "</script>", true);
    // `<name.*?>.*?</name>` at `at`: the first `>`, then the first closing tag after it.
    auto element_end = [&](std::size_t at, std::string_view open, ForwardFinder& close,
                           std::size_t close_size) {
        if (!starts_with_ignoring_case(html, at, open)) return std::string_view::npos;
        std::size_t gt = tag_end.find(at + open.size());
        if (gt == std::string_view::npos) return gt;
        std::size_t end = close.find(gt + 1);
        return end == std::string_view::npos ? end : end + close_size;
    };
    std::size_t i = 0;
    while (i < html.size()) {
        std::size_t lt = html.find('<', i);
        if (lt == std::string_view::npos) break;
        out.append(html.substr(i, lt - i));
        std::size_t end = std::string_view::npos;
        if (html.compare(lt, 4, "<!--") == 0) {
            std::size_t close = comment_end.find(lt + 4);
            if (close != std::string_view::npos) end = close + 3;
        }
        if (end == std::string_view::npos) end = element_end(lt, "<style", style_end, 8);
        if (end == std::string_view::npos) end = element_end(lt, "<script", script_end, 9);
        if (end == std::string_view::npos) {
            std::size_t gt = tag_end.find(lt + 1);
            if (gt != std::string_view::npos) end = gt + 1;
        }
        if (end == std::string_view::npos) {  // a lone '<' is text
            out += '<';
            i = lt + 1;
        } else {
            i = end;
        }
    }
    if (i < html.size()) out.append(html.substr(i));
    return out;
}

bool decode_html_strict(std::string_view text, std::string& out) {
    out.clear();
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        char c = text[i];
        if (c != '&') {
            out += c;
            ++i;
            continue;
        }
        std::size_t semicolon = text.find(';', i + 1);
        if (semicolon == std::string_view::npos) return false;  // premature end
        std::string_view body = text.substr(i + 1, semicolon - i - 1);
        std::uint64_t value = 0;
        if (!body.empty() && body[0] == '#') {
            bool hex = body.size() > 1 && body[1] == 'x';
            std::string_view digits = body.substr(hex ? 2 : 1);
            if (digits.empty()) return false;
            for (char d : digits) {
                int v = d >= '0' && d <= '9'          ? d - '0'
                        : hex && d >= 'a' && d <= 'f' ? d - 'a' + 10
                        : hex && d >= 'A' && d <= 'F' ? d - 'A' + 10
                                                      : -1;
                if (v < 0) return false;
                value = value * (hex ? 16 : 10) + static_cast<std::uint64_t>(v);
                if (value > 0xFFFFFFFFull) return false;  // does not parse as u32
            }
            if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return false;
        } else {
            // An empty name or one holding `&`: the crate reads up to the `;` and finds no
            // such entity either way.
            std::optional<std::uint32_t> cp = html4_entity(body);
            if (!cp) return false;
            value = *cp;
        }
        content::append_utf8(out, static_cast<std::uint32_t>(value));
        i = semicolon + 1;
    }
    return true;
}

std::string strip_html(std::string_view html) {
    std::string stripped = strip_html_preserving_entities(html);
    if (stripped.find('&') == std::string::npos) return stripped;
    std::string decoded;
    if (!decode_html_strict(stripped, decoded)) return stripped;
    std::string out;
    out.reserve(decoded.size());
    for (std::size_t i = 0; i < decoded.size(); ++i) {
        if (decoded.compare(i, 2, "\xC2\xA0") == 0) {
            out += ' ';
            ++i;
        } else {
            out += decoded[i];
        }
    }
    return out;
}

std::string_view trim_unicode_start(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t length = 0;
        if (!is_unicode_white_space(decode_utf8(text, i, length))) break;
        i += length;
    }
    return text.substr(i);
}

std::string_view trim_unicode(std::string_view text) {
    text = trim_unicode_start(text);
    std::size_t end = text.size();
    while (end > 0) {
        std::size_t start = end - 1;
        while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
        std::size_t length = 0;
        std::uint32_t c = decode_utf8(text, start, length);
        if (start + length != end || !is_unicode_white_space(c)) break;
        end = start;
    }
    return text.substr(0, end);
}

void line_and_column(std::string_view text, std::size_t offset, int& line, int& column) {
    line = 1;
    column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
}

}  // namespace deckport::render_detail
