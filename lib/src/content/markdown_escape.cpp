#include "markdown_escape.hpp"

#include "escape.hpp"

namespace deckport::content {

namespace {

// Length of an Anki sound reference `[sound:name]` at the start of `text`, or 0.
std::size_t sound_reference_length(std::string_view text) {
    constexpr std::string_view kOpen = "[sound:";
    if (text.substr(0, kOpen.size()) != kOpen) return 0;
    std::size_t close = text.find_first_of("[]", kOpen.size());
    if (close == std::string_view::npos || text[close] != ']') return 0;
    // `[sound:x](y)` would be a link: escape that one.
    if (close + 1 < text.size() && text[close + 1] == '(') return 0;
    return close + 1;
}

// Escapes what would start a block at the beginning of a line; returns the characters used.
std::size_t escape_line_start(std::string& out, std::string_view text) {
    if (text.empty()) return 0;
    char first = text[0];
    if (first == '#' || first == '>' || first == '-' || first == '+' || first == '=') {
        out += '\\';
        out += first;
        return 1;
    }
    std::size_t digits = 0;
    while (digits < text.size() && digits < 10 && text[digits] >= '0' && text[digits] <= '9')
        ++digits;
    if (digits > 0 && digits < 10 && digits < text.size() &&
        (text[digits] == '.' || text[digits] == ')')) {
        out.append(text.substr(0, digits));
        out += '\\';
        out += text[digits];
        return digits + 1;
    }
    return 0;
}

// Whether `text` starts with a character reference (`&amp;`, `&#35;`, `&#x23;`), which markdown
// would decode.
bool starts_with_reference(std::string_view text) {
    std::size_t i = 1;
    auto is_hex = [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    };
    if (i < text.size() && text[i] == '#') {
        ++i;
        bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
        if (hex) ++i;
        std::size_t digits = i;
        while (i < text.size() && (hex ? is_hex(text[i]) : (text[i] >= '0' && text[i] <= '9'))) ++i;
        return i > digits && i < text.size() && text[i] == ';';
    }
    std::size_t name = i;
    while (i < text.size() && is_ascii_alnum(text[i])) ++i;
    return i > name && i < text.size() && text[i] == ';';
}

}  // namespace

void append_markdown_escaped(std::string& out, std::string_view text, bool line_start,
                             bool in_brackets) {
    std::size_t i = line_start ? escape_line_start(out, text) : 0;
    while (i < text.size()) {
        char c = text[i];
        bool escape = false;
        switch (c) {
            case '\\':
            case '`':
            case '*':
            case '<':
            case '$':
            case '~':
            case '|':
                escape = true;
                break;
            case ']':
                // With every `[` escaped a `]` closes nothing, and `\[…\]` would be math. In
                // link text a `]` would close it: a character reference says `]` there.
                if (in_brackets) {
                    out += "&#93;";
                    ++i;
                    continue;
                }
                break;
            case '[': {
                std::size_t sound = sound_reference_length(text.substr(i));
                if (sound > 0) {
                    out.append(text.substr(i, sound));
                    i += sound;
                    continue;
                }
                escape = true;
                break;
            }
            case '_': {
                // Inside a word `_` neither opens nor closes emphasis.
                char before = i > 0 ? text[i - 1] : (out.empty() ? ' ' : out.back());
                char after = i + 1 < text.size() ? text[i + 1] : ' ';
                escape = !(is_ascii_alnum(before) && is_ascii_alnum(after));
                break;
            }
            case '&':
                escape = starts_with_reference(text.substr(i));
                break;
            default:
                break;
        }
        if (escape) out += '\\';
        out += c;
        ++i;
    }
}

}  // namespace deckport::content
