#include "apkg/text_util.hpp"

namespace deckport::apkg {

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
