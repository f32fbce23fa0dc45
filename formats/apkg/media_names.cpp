#include "apkg/media_names.hpp"

#include <utf8proc.h>

#include <array>

#include "apkg/utf8_text.hpp"

namespace deckport::apkg {
namespace {

bool is_disallowed(char32_t c) {
    switch (c) {
        case '[':
        case ']':
        case '<':
        case '>':
        case ':':
        case '"':
        case '/':
        case '?':
        case '*':
        case '^':
        case '\\':
        case '|':
            return true;
        default:
            break;
    }
    if (c < 0x20 || c == 0x7F) return true;
    return utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_CN;
}

char ascii_upper(char c) {
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

// The length of a Windows device name (CON, PRN, AUX, NUL, COM1-9, LPT1-9) that starts `name`
// and is followed by a dot or nothing; 0 otherwise.
std::size_t device_name_length(std::string_view name) {
    std::string head;
    for (std::size_t i = 0; i < name.size() && i < 4; ++i) head += ascii_upper(name[i]);
    std::size_t length = 0;
    for (std::string_view device : {"CON", "PRN", "AUX", "NUL"}) {
        if (head.compare(0, 3, device) == 0) length = 3;
    }
    for (std::string_view device : {"COM", "LPT"}) {
        if (head.size() >= 4 && head.compare(0, 3, device) == 0 && head[3] >= '1' &&
            head[3] <= '9') {
            length = 4;
        }
    }
    if (length == 0) return 0;
    return name.size() == length || name[length] == '.' ? length : 0;
}

bool ends_badly_for_windows(std::string_view name) {
    return !name.empty() && (name.back() == ' ' || name.back() == '.');
}

// The longest prefix of `text` within `max` bytes that ends on a character boundary.
std::string_view cut_to_boundary(std::string_view text, std::size_t max) {
    if (max >= text.size()) return text;
    while (max > 0 && (static_cast<unsigned char>(text[max]) & 0xC0) == 0x80) --max;
    return text.substr(0, max);
}

// Anki's split: the extension after the last dot (at most 10 bytes), the stem cut so that
// stem + "." + extension + a possible "_" fit in `max_bytes`.
std::pair<std::string_view, std::string_view> split_and_cut(std::string_view name,
                                                            std::size_t max_bytes) {
    std::size_t dot = name.rfind('.');
    std::string_view stem = dot == std::string_view::npos ? name : name.substr(0, dot);
    std::string_view extension =
        dot == std::string_view::npos ? std::string_view{} : name.substr(dot + 1);
    extension = cut_to_boundary(extension, 10);
    stem = cut_to_boundary(stem, max_bytes - extension.size() - 2);
    return {stem, extension};
}

}  // namespace

std::string anki_media_name(std::string_view raw) {
    std::string nfc = to_nfc(repair_utf8(raw));
    std::string name;
    name.reserve(nfc.size());
    for (std::size_t pos = 0; pos < nfc.size();) {
        std::size_t start = pos;
        char32_t c = next_code_point(nfc, pos);
        if (is_disallowed(c)) continue;
        if (c == 0xA0) {
            name += ' ';
        } else {
            name.append(nfc, start, pos - start);
        }
    }
    if (std::size_t device = device_name_length(name)) name.insert(device, "_");
    if (ends_badly_for_windows(name)) name += '_';
    if (name.size() > kMaxMediaNameBytes) {
        auto [stem, extension] = split_and_cut(name, kMaxMediaNameBytes);
        std::string cut(stem);
        if (!extension.empty()) cut.append(".").append(extension);
        if (ends_badly_for_windows(cut)) cut += '_';
        name = std::move(cut);
    }
    return name;
}

std::string media_name_with_hash(std::string_view name, std::string_view sha1_hex) {
    auto [stem, extension] = split_and_cut(name, kMaxMediaNameBytes - sha1_hex.size() - 1);
    std::string out(stem);
    out.append("-").append(sha1_hex);
    if (!extension.empty()) out.append(".").append(extension);
    return out;
}

}  // namespace deckport::apkg
