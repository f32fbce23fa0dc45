// url(...) references in CSS: bare or quoted, with CSS escapes, outside comments and strings.
#include <algorithm>
#include <cstdint>

#include "content/escape.hpp"
#include "media/ref_scanners.hpp"

namespace deckport::media_detail {
namespace {

bool is_hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Decodes CSS escapes: `\` and 1-6 hex digits (and one white space after them), or `\` and
// any other character, which stands for itself.
std::string decode_css(std::string_view raw) {
    std::string out;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '\\' || i + 1 >= raw.size()) {
            out += raw[i];
            continue;
        }
        std::size_t digits = 0;
        std::uint32_t value = 0;
        while (digits < 6 && i + 1 + digits < raw.size() && is_hex(raw[i + 1 + digits])) {
            char c = raw[i + 1 + digits];
            value =
                value * 16 + static_cast<std::uint32_t>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
            ++digits;
        }
        if (digits == 0) {
            if (raw[i + 1] != '\n') out += raw[i + 1];  // an escaped line break is nothing
            ++i;
            continue;
        }
        content::append_utf8(out, value);
        i += digits;
        if (i + 1 < raw.size() && content::is_ascii_space(raw[i + 1])) ++i;
    }
    return out;
}

// The end of the quoted string that opens at `pos` (after its closing quote).
std::size_t skip_string(std::string_view css, std::size_t pos) {
    char quote = css[pos];
    for (std::size_t i = pos + 1; i < css.size(); ++i) {
        if (css[i] == '\\') {
            ++i;
        } else if (css[i] == quote || css[i] == '\n') {
            return i + 1;
        }
    }
    return css.size();
}

bool is_name_char(char c) {
    return content::is_ascii_alnum(c) || c == '-' || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
}

}  // namespace

void scan_css(std::string_view css, std::vector<MediaRef>& out) {
    std::size_t pos = 0;
    while (pos < css.size()) {
        char c = css[pos];
        if (c == '/' && pos + 1 < css.size() && css[pos + 1] == '*') {
            std::size_t close = css.find("*/", pos + 2);
            pos = close == npos ? css.size() : close + 2;
            continue;
        }
        if (c == '"' || c == '\'') {
            pos = skip_string(css, pos);
            continue;
        }
        bool url = (c == 'u' || c == 'U') && pos + 4 <= css.size() &&
                   (css[pos + 1] | 0x20) == 'r' && (css[pos + 2] | 0x20) == 'l' &&
                   css[pos + 3] == '(' && (pos == 0 || !is_name_char(css[pos - 1]));
        if (!url) {
            ++pos;
            continue;
        }
        std::size_t arg = pos + 4;
        while (arg < css.size() && content::is_ascii_space(css[arg])) ++arg;
        MediaRef ref;
        ref.kind = MediaRefKind::css_url;
        ref.syntax = MediaRefSyntax::css_url;
        ref.begin = arg;
        if (arg < css.size() && (css[arg] == '"' || css[arg] == '\'')) {
            std::size_t after = skip_string(css, arg);
            bool closed = after > arg + 1 && css[after - 1] == css[arg];
            ref.target_begin = arg + 1;
            ref.target_end = closed ? after - 1 : after;
            ref.end = after;
        } else {
            std::size_t end = arg;
            while (end < css.size() && css[end] != ')' && !content::is_ascii_space(css[end])) {
                if (css[end] == '\\') ++end;
                ++end;
            }
            end = std::min(end, css.size());
            ref.target_begin = arg;
            ref.target_end = end;
            ref.end = end;
        }
        pos = std::max(ref.end, pos + 4);
        if (ref.target_begin == ref.target_end) continue;
        ref.target = decode_css(css.substr(ref.target_begin, ref.target_end - ref.target_begin));
        out.push_back(std::move(ref));
    }
}

}  // namespace deckport::media_detail
