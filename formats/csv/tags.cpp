#include "csv/tags.hpp"

#include <utf8proc.h>

namespace deckport::csv {
namespace {

bool is_white_space(utf8proc_int32_t cp) {
    if ((cp >= 0x09 && cp <= 0x0D) || cp == 0x85) return true;
    utf8proc_category_t category = utf8proc_category(cp);
    return category == UTF8PROC_CATEGORY_ZS || category == UTF8PROC_CATEGORY_ZL ||
           category == UTF8PROC_CATEGORY_ZP;
}

// Calls `on_code_point(start, length, is_space)` for every code point; invalid bytes count as
// one non-space code point each.
template <typename F>
void for_each_code_point(std::string_view text, F on_code_point) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        utf8proc_int32_t cp = 0;
        auto length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                                       static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
        std::size_t size = length > 0 ? static_cast<std::size_t>(length) : 1;
        on_code_point(pos, size, length > 0 && is_white_space(cp));
        pos += size;
    }
}

}  // namespace

std::vector<std::string> split_tags(std::string_view text) {
    std::vector<std::string> tags;
    std::string current;
    for_each_code_point(text, [&](std::size_t start, std::size_t size, bool space) {
        if (space) {
            if (!current.empty()) tags.push_back(std::move(current));
            current.clear();
        } else {
            current.append(text.substr(start, size));
        }
    });
    if (!current.empty()) tags.push_back(std::move(current));
    return tags;
}

bool has_whitespace(std::string_view text) {
    bool found = false;
    for_each_code_point(text,
                        [&](std::size_t, std::size_t, bool space) { found = found || space; });
    return found;
}

}  // namespace deckport::csv
