#include "apkg/text_util.hpp"

#include <utf8proc.h>

namespace deckport::apkg {
namespace {

bool is_ascii(std::string_view text) {
    for (unsigned char c : text) {
        if (c >= 0x80) return false;
    }
    return true;
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
    if (is_ascii(text)) return true;
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    auto left = static_cast<utf8proc_ssize_t>(text.size());
    while (left > 0) {
        utf8proc_int32_t code_point = 0;
        utf8proc_ssize_t used = utf8proc_iterate(bytes, left, &code_point);
        if (used <= 0) return false;
        bytes += used;
        left -= used;
    }
    return true;
}

std::string to_valid_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    auto left = static_cast<utf8proc_ssize_t>(text.size());
    while (left > 0) {
        utf8proc_int32_t code_point = 0;
        utf8proc_ssize_t used = utf8proc_iterate(bytes, left, &code_point);
        if (used <= 0) {
            out += "\xEF\xBF\xBD";  // U+FFFD, for one bad byte
            bytes += 1;
            left -= 1;
            continue;
        }
        out.append(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(used));
        bytes += used;
        left -= used;
    }
    return out;
}

std::vector<std::string> split_tags(std::string_view tags) {
    std::vector<std::string> out;
    std::string current;
    auto flush = [&] {
        if (!current.empty()) out.push_back(std::move(current));
        current.clear();
    };
    for (std::size_t i = 0; i < tags.size(); ++i) {
        char c = tags[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            flush();
        } else if (tags.compare(i, 3, "\xE3\x80\x80") == 0) {  // U+3000 ideographic space
            flush();
            i += 2;
        } else {
            current += c;
        }
    }
    flush();
    return out;
}

}  // namespace deckport::apkg
