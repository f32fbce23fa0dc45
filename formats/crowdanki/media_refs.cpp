#include "crowdanki/media_refs.hpp"

#include <cctype>
#include <utility>

namespace deckport::crowdanki {
namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// The few entities that appear in file names as HTML editors write them.
std::string decode_entities(std::string_view text) {
    static constexpr std::pair<std::string_view, char> kEntities[] = {
        {"&amp;", '&'}, {"&quot;", '"'}, {"&#39;", '\''}, {"&lt;", '<'}, {"&gt;", '>'}};
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        bool decoded = false;
        if (text[i] == '&') {
            for (auto [entity, c] : kEntities) {
                if (text.substr(i, entity.size()) == entity) {
                    out += c;
                    i += entity.size();
                    decoded = true;
                    break;
                }
            }
        }
        if (!decoded) out += text[i++];
    }
    return out;
}

void add_local(std::string name, std::set<std::string>& names) {
    if (name.empty() || name.find("://") != std::string::npos || name.rfind("data:", 0) == 0 ||
        name.rfind("//", 0) == 0) {
        return;
    }
    names.insert(std::move(name));
}

// At `pos` (just after a tag name): the tag's attributes, until `>`. Returns the position after.
std::size_t scan_attributes(std::string_view html, std::size_t pos, std::string_view wanted,
                            std::set<std::string>& names) {
    while (pos < html.size() && html[pos] != '>') {
        while (pos < html.size() && (is_space(html[pos]) || html[pos] == '/')) ++pos;
        std::size_t name_begin = pos;
        while (pos < html.size() && !is_space(html[pos]) && html[pos] != '=' && html[pos] != '>' &&
               html[pos] != '/') {
            ++pos;
        }
        std::string attribute = lower(html.substr(name_begin, pos - name_begin));
        while (pos < html.size() && is_space(html[pos])) ++pos;
        if (pos >= html.size() || html[pos] != '=') {
            if (pos == name_begin && pos < html.size() && html[pos] != '>') ++pos;
            continue;
        }
        ++pos;
        while (pos < html.size() && is_space(html[pos])) ++pos;
        std::size_t value_begin = pos;
        std::size_t value_end = pos;
        if (pos < html.size() && (html[pos] == '"' || html[pos] == '\'')) {
            char quote = html[pos];
            value_begin = pos + 1;
            value_end = html.find(quote, value_begin);
            if (value_end == std::string_view::npos) value_end = html.size();
            pos = value_end < html.size() ? value_end + 1 : value_end;
        } else {
            while (pos < html.size() && !is_space(html[pos]) && html[pos] != '>') ++pos;
            value_end = pos;
        }
        if (attribute == wanted) {
            add_local(decode_entities(html.substr(value_begin, value_end - value_begin)), names);
        }
    }
    return pos;
}

}  // namespace

void collect_media_references(std::string_view html, std::set<std::string>& names) {
    std::size_t pos = 0;
    while ((pos = html.find('<', pos)) != std::string_view::npos) {
        std::size_t name_begin = ++pos;
        while (pos < html.size() && std::isalpha(static_cast<unsigned char>(html[pos]))) ++pos;
        std::string tag = lower(html.substr(name_begin, pos - name_begin));
        if (tag == "img" || tag == "audio" || tag == "video" || tag == "source") {
            pos = scan_attributes(html, pos, "src", names);
        } else if (tag == "object") {
            pos = scan_attributes(html, pos, "data", names);
        }
    }
    pos = 0;
    while ((pos = html.find("[sound:", pos)) != std::string_view::npos) {
        std::size_t begin = pos + 7;
        std::size_t end = html.find(']', begin);
        if (end == std::string_view::npos) break;
        add_local(std::string(html.substr(begin, end - begin)), names);
        pos = end + 1;
    }
}

}  // namespace deckport::crowdanki
