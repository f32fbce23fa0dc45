#include "quizlet/cloze_text.hpp"

#include <cctype>

namespace deckport::quizlet {
namespace {

struct Cloze {
    std::size_t end = 0;  // after the closing braces
    std::string_view answer;
    std::string_view hint;
};

// The cloze that starts at `pos` (`{{c<digits>::...}}`), if one does.
bool parse_cloze(std::string_view text, std::size_t pos, Cloze& cloze) {
    if (text.substr(pos, 3) != "{{c") return false;
    std::size_t p = pos + 3;
    std::size_t digits = p;
    while (p < text.size() && std::isdigit(static_cast<unsigned char>(text[p]))) ++p;
    if (p == digits || text.substr(p, 2) != "::") return false;
    std::size_t body = p + 2;
    std::size_t close = text.find("}}", body);
    if (close == std::string_view::npos) return false;
    std::string_view inner = text.substr(body, close - body);
    std::size_t hint = inner.find("::");
    cloze.answer = inner.substr(0, hint);
    cloze.hint = hint == std::string_view::npos ? std::string_view{} : inner.substr(hint + 2);
    cloze.end = close + 2;
    return true;
}

template <typename Replace>
std::string replace_clozes(std::string_view text, Replace replace) {
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        Cloze cloze;
        if (text[pos] == '{' && parse_cloze(text, pos, cloze)) {
            out += replace(cloze);
            pos = cloze.end;
        } else {
            out += text[pos++];
        }
    }
    return out;
}

}  // namespace

std::string blank_clozes(std::string_view text) {
    return replace_clozes(text, [](const Cloze& c) {
        std::string blank(1, '[');
        blank.append(c.hint.empty() ? std::string_view("...") : c.hint);
        blank.push_back(']');
        return blank;
    });
}

std::string reveal_clozes(std::string_view text) {
    return replace_clozes(text, [](const Cloze& c) { return std::string(c.answer); });
}

}  // namespace deckport::quizlet
