// Small escaping and UTF-8 helpers shared by the content converters.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace deckport::content {

// Appends text with `&`, `<`, `>` and `"` escaped (what md4c-html escapes; safe in text and
// in double-quoted attribute values). Both escaping functions write NUL as U+FFFD.
void append_html_escaped(std::string& out, std::string_view text);
// Appends text with only `&`, `<`, `>` escaped: for TeX source, which MathJax reads as text.
void append_html_text_escaped(std::string& out, std::string_view text);
// Appends a code point as UTF-8; invalid code points (0, surrogates, > U+10FFFF) become U+FFFD.
void append_utf8(std::string& out, std::uint32_t code_point);

inline constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";
inline constexpr std::string_view kNoBreakSpace = "\xC2\xA0";

inline bool is_ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline char ascii_lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
inline bool is_ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
inline bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
// CommonMark's ASCII punctuation (the characters a backslash can escape).
inline bool is_ascii_punctuation(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
}

}  // namespace deckport::content
