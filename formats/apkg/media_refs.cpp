#include "apkg/media_refs.hpp"

#include <algorithm>
#include <array>

#include "apkg/field_text.hpp"

namespace deckport::apkg {
using namespace writing;
namespace {

constexpr std::size_t npos = std::string_view::npos;

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

std::string lower_copy(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), lower);
    return out;
}

std::size_t find_ignoring_case(std::string_view text, std::string_view lower_word,
                               std::size_t from) {
    for (std::size_t pos = from; pos + lower_word.size() <= text.size(); ++pos) {
        bool same = true;
        for (std::size_t i = 0; i < lower_word.size() && same; ++i) {
            same = lower(text[pos + i]) == lower_word[i];
        }
        if (same) return pos;
    }
    return npos;
}

bool is_media_tag(std::string_view name) {
    return name == "img" || name == "audio" || name == "video" || name == "object" ||
           name == "source";
}

// Elements whose content is text, not markup, up to their end tag.
bool is_raw_text_tag(std::string_view name) {
    static constexpr std::array<std::string_view, 9> kRaw = {"script",  "style",    "textarea",
                                                             "title",   "xmp",      "iframe",
                                                             "noembed", "noframes", "plaintext"};
    return std::find(kRaw.begin(), kRaw.end(), name) != kRaw.end();
}

struct Attribute {
    std::string name;                // lower case
    std::size_t value_begin = npos;  // the value with its quotes; npos when there is none
    std::size_t value_end = npos;
    std::string_view value;  // without quotes, entities not decoded
};

// Reads the attributes of a tag from `pos` (after its name) to its '>'; returns the position
// after the '>' (or the end of the text for an unclosed tag).
std::size_t read_attributes(std::string_view html, std::size_t pos,
                            std::vector<Attribute>& attributes) {
    std::size_t n = html.size();
    while (pos < n) {
        while (pos < n && (is_space(html[pos]) || html[pos] == '/')) ++pos;
        if (pos >= n) break;
        if (html[pos] == '>') return pos + 1;
        Attribute attribute;
        std::size_t name_begin = pos;
        ++pos;  // the first character belongs to the name, even '='
        while (pos < n && !is_space(html[pos]) && html[pos] != '/' && html[pos] != '>' &&
               html[pos] != '=') {
            ++pos;
        }
        attribute.name = lower_copy(html.substr(name_begin, pos - name_begin));
        std::size_t after_name = pos;
        while (pos < n && is_space(html[pos])) ++pos;
        if (pos < n && html[pos] == '=') {
            ++pos;
            while (pos < n && is_space(html[pos])) ++pos;
            attribute.value_begin = pos;
            if (pos < n && (html[pos] == '"' || html[pos] == '\'')) {
                std::size_t close = html.find(html[pos], pos + 1);
                if (close == npos) close = n;
                attribute.value = html.substr(pos + 1, close - pos - 1);
                pos = close < n ? close + 1 : n;
            } else {
                std::size_t start = pos;
                while (pos < n && !is_space(html[pos]) && html[pos] != '>') ++pos;
                attribute.value = html.substr(start, pos - start);
            }
            attribute.value_end = pos;
        } else {
            pos = after_name;
        }
        attributes.push_back(std::move(attribute));
    }
    return n;
}

std::string decoded(std::string_view raw) {
    if (raw.find('&') == npos) return std::string(raw);
    auto text = decode_html_entities(raw);
    return text ? *text : std::string(raw);
}

void find_tag_references(std::string_view html, std::vector<MediaReference>& out) {
    std::size_t n = html.size();
    std::size_t pos = 0;
    while ((pos = html.find('<', pos)) != npos) {
        if (html.compare(pos, 4, "<!--") == 0) {
            std::size_t end = html.find("-->", pos + 4);
            pos = end == npos ? n : end + 3;
            continue;
        }
        if (pos + 1 < n && (html[pos + 1] == '!' || html[pos + 1] == '?')) {
            std::size_t end = html.find('>', pos + 2);
            pos = end == npos ? n : end + 1;
            continue;
        }
        bool end_tag = pos + 1 < n && html[pos + 1] == '/';
        std::size_t name_begin = pos + (end_tag ? 2 : 1);
        if (name_begin >= n || !is_letter(html[name_begin])) {
            ++pos;
            continue;
        }
        std::size_t name_end = name_begin;
        while (name_end < n && !is_space(html[name_end]) && html[name_end] != '/' &&
               html[name_end] != '>') {
            ++name_end;
        }
        std::string name = lower_copy(html.substr(name_begin, name_end - name_begin));
        std::vector<Attribute> attributes;
        pos = read_attributes(html, name_end, attributes);
        if (end_tag) continue;
        if (is_media_tag(name)) {
            for (const Attribute& a : attributes) {
                if ((a.name != "src" && a.name != "data") || a.value_begin == npos ||
                    a.value.empty()) {
                    continue;
                }
                out.push_back({a.value_begin, a.value_end, decoded(a.value), true});
            }
        }
        if (is_raw_text_tag(name)) {
            std::size_t close = find_ignoring_case(html, "</" + name, pos);
            pos = close == npos ? n : close;
        }
    }
}

void find_sound_references(std::string_view html, std::vector<MediaReference>& out) {
    constexpr std::string_view kOpen = "[sound:";
    std::size_t pos = 0;
    while ((pos = html.find(kOpen, pos)) != npos) {
        std::size_t begin = pos + kOpen.size();
        // Anki's `\[sound:(.+?)\]`: at least one character, up to the first ']' after it.
        std::size_t close = begin < html.size() ? html.find(']', begin + 1) : npos;
        if (close == npos) break;
        out.push_back({begin, close, decoded(html.substr(begin, close - begin)), false});
        pos = close + 1;
    }
}

std::string escape_attribute(std::string_view value) {
    std::string out;
    for (char c : value) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

}  // namespace

std::vector<MediaReference> find_media_references(std::string_view html) {
    std::vector<MediaReference> references;
    find_tag_references(html, references);
    find_sound_references(html, references);
    std::sort(references.begin(), references.end(),
              [](const MediaReference& a, const MediaReference& b) { return a.begin < b.begin; });
    // A [sound:] inside an attribute value would overlap it: the attribute wins.
    std::vector<MediaReference> kept;
    for (MediaReference& reference : references) {
        if (!kept.empty() && reference.begin < kept.back().end) continue;
        kept.push_back(std::move(reference));
    }
    return kept;
}

std::string rewrite_media_references(
    std::string_view html, const std::vector<MediaReference>& references,
    const std::function<std::optional<std::string>(const MediaReference&)>& rename) {
    std::string out;
    out.reserve(html.size());
    std::size_t copied = 0;
    for (const MediaReference& reference : references) {
        std::optional<std::string> name = rename(reference);
        if (!name) continue;
        out.append(html.substr(copied, reference.begin - copied));
        std::string_view raw = html.substr(reference.begin, reference.end - reference.begin);
        if (reference.attribute) {
            out.append("\"").append(escape_attribute(*name)).append("\"");
        } else if (raw != reference.name) {
            out.append(escape_attribute(*name));  // it was written with entities
        } else {
            out.append(*name);
        }
        copied = reference.end;
    }
    out.append(html.substr(copied));
    return out;
}

bool is_external_reference(std::string_view name) {
    if (name.starts_with("//") || name.starts_with("#")) return true;
    // A URL scheme: a letter, then letters, digits, '+', '-' or '.', then ':'. A single letter
    // before ':' is a Windows drive, which is a (bad) local path.
    std::size_t colon = name.find(':');
    if (colon == npos || colon < 2 || !is_letter(name[0])) return false;
    for (std::size_t i = 1; i < colon; ++i) {
        char c = name[i];
        if (!is_letter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
            return false;
        }
    }
    return true;
}

std::string percent_decode(std::string_view text) {
    auto hex_value = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size()) {
            int high = hex_value(text[i + 1]);
            int low = hex_value(text[i + 2]);
            if (high >= 0 && low >= 0) {
                out += static_cast<char>(high * 16 + low);
                i += 2;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

}  // namespace deckport::apkg
