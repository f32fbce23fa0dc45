// HTML media references, the way Anki finds them: the src/data attribute of <img>, <audio>,
// <video>, <source> and <object>, read by a linear tag tokenizer (quoted attribute values,
// comments and raw-text elements handled), so that a hostile field costs time in proportion to
// its length; and Anki's [sound:NAME] marker.
#include <algorithm>
#include <array>

#include "content/entities.hpp"
#include "content/escape.hpp"
#include "media/ref_scanners.hpp"

namespace deckport::media_detail {
namespace {

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string lower_copy(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), lower);
    return out;
}

// The first `</name` (any case) at or after `from`, before `end`.
std::size_t find_end_tag(std::string_view text, std::string_view name, std::size_t from,
                         std::size_t end) {
    std::size_t pos = from;
    while ((pos = text.find("</", pos)) != npos && pos + 2 + name.size() <= end) {
        bool same = true;
        for (std::size_t i = 0; i < name.size() && same; ++i) {
            same = lower(text[pos + 2 + i]) == name[i];
        }
        if (same) return pos;
        pos += 2;
    }
    return npos;
}

std::optional<MediaRefKind> media_tag_kind(std::string_view name) {
    if (name == "img") return MediaRefKind::image;
    if (name == "audio") return MediaRefKind::audio;
    if (name == "video") return MediaRefKind::video;
    if (name == "source") return MediaRefKind::source;
    if (name == "object") return MediaRefKind::object;
    return std::nullopt;
}

// True when some '<' in [begin, end) opens a tag named like a media element (any case). A field
// without one holds no reference in a tag, so its tags need not be read one by one.
bool may_hold_media_tag(std::string_view html, std::size_t begin, std::size_t end) {
    static constexpr std::array<std::string_view, 5> kNames = {"img", "audio", "video", "source",
                                                               "object"};
    for (std::size_t pos = begin; (pos = html.find('<', pos)) != npos && pos < end; ++pos) {
        for (std::string_view name : kNames) {
            std::size_t after = pos + 1 + name.size();
            if (after > end) continue;
            bool same = true;
            for (std::size_t i = 0; i < name.size() && same; ++i) {
                char c = html[pos + 1 + i];
                same = (c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) == name[i];
            }
            if (same && (after == end || content::is_ascii_space(html[after]) ||
                         html[after] == '/' || html[after] == '>')) {
                return true;
            }
        }
    }
    return false;
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
    std::size_t raw_begin = npos;  // the value without quotes
    std::size_t raw_end = npos;
};

// Reads the attributes of a tag from `pos` (after its name) to its '>'; returns the position
// after the '>' (or `end` for an unclosed tag).
std::size_t read_attributes(std::string_view html, std::size_t pos, std::size_t end,
                            std::vector<Attribute>& attributes) {
    while (pos < end) {
        while (pos < end && (content::is_ascii_space(html[pos]) || html[pos] == '/')) ++pos;
        if (pos >= end) break;
        if (html[pos] == '>') return pos + 1;
        Attribute attribute;
        std::size_t name_begin = pos;
        ++pos;  // the first character belongs to the name, even '='
        while (pos < end && !content::is_ascii_space(html[pos]) && html[pos] != '/' &&
               html[pos] != '>' && html[pos] != '=') {
            ++pos;
        }
        attribute.name = lower_copy(html.substr(name_begin, pos - name_begin));
        std::size_t after_name = pos;
        while (pos < end && content::is_ascii_space(html[pos])) ++pos;
        if (pos < end && html[pos] == '=') {
            ++pos;
            while (pos < end && content::is_ascii_space(html[pos])) ++pos;
            attribute.value_begin = pos;
            if (pos < end && (html[pos] == '"' || html[pos] == '\'')) {
                std::size_t close = html.substr(0, end).find(html[pos], pos + 1);
                if (close == npos) close = end;
                attribute.raw_begin = pos + 1;
                attribute.raw_end = close;
                pos = close < end ? close + 1 : end;
            } else {
                attribute.raw_begin = pos;
                while (pos < end && !content::is_ascii_space(html[pos]) && html[pos] != '>') ++pos;
                attribute.raw_end = pos;
            }
            attribute.value_end = pos;
        } else {
            pos = after_name;
        }
        attributes.push_back(std::move(attribute));
    }
    return end;
}

}  // namespace

void scan_html_tags(std::string_view html, std::size_t begin, std::size_t end,
                    std::vector<MediaRef>& out) {
    if (!may_hold_media_tag(html, begin, std::min(end, html.size()))) return;
    std::size_t pos = begin;
    std::vector<Attribute> attributes;  // one buffer for every tag
    while ((pos = html.find('<', pos)) != npos && pos < end) {
        if (html.compare(pos, 4, "<!--") == 0) {
            std::size_t close = html.find("-->", pos + 4);
            pos = close == npos || close >= end ? end : close + 3;
            continue;
        }
        if (pos + 1 < end && (html[pos + 1] == '!' || html[pos + 1] == '?')) {
            std::size_t close = html.find('>', pos + 2);
            pos = close == npos || close >= end ? end : close + 1;
            continue;
        }
        bool end_tag = pos + 1 < end && html[pos + 1] == '/';
        std::size_t name_begin = pos + (end_tag ? 2 : 1);
        if (name_begin >= end || !is_letter(html[name_begin])) {
            ++pos;
            continue;
        }
        std::size_t name_end = name_begin;
        while (name_end < end && !content::is_ascii_space(html[name_end]) &&
               html[name_end] != '/' && html[name_end] != '>') {
            ++name_end;
        }
        std::string name = lower_copy(html.substr(name_begin, name_end - name_begin));
        attributes.clear();
        pos = read_attributes(html, name_end, end, attributes);
        if (end_tag) continue;
        if (std::optional<MediaRefKind> kind = media_tag_kind(name)) {
            for (const Attribute& a : attributes) {
                if ((a.name != "src" && a.name != "data") || a.value_begin == npos ||
                    a.raw_begin == a.raw_end) {
                    continue;
                }
                MediaRef ref;
                ref.kind = *kind;
                ref.syntax = MediaRefSyntax::html_attribute;
                ref.begin = a.value_begin;
                ref.end = a.value_end;
                ref.target_begin = a.raw_begin;
                ref.target_end = a.raw_end;
                ref.target =
                    content::decode_entities(html.substr(a.raw_begin, a.raw_end - a.raw_begin));
                out.push_back(std::move(ref));
            }
        }
        if (is_raw_text_tag(name)) {
            std::size_t close = find_end_tag(html, name, pos, end);
            pos = close == npos ? end : close;
        }
    }
}

namespace {

bool is_ascii_punctuation(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
}

// CommonMark's backslash escapes taken out: `\[` is `[`.
std::string without_markdown_escapes(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '\\' && i + 1 < raw.size() && is_ascii_punctuation(raw[i + 1])) ++i;
        out.push_back(raw[i]);
    }
    return out;
}

}  // namespace

void scan_sound_tags(std::string_view text,
                     const std::vector<std::pair<std::size_t, std::size_t>>& skipped,
                     std::vector<MediaRef>& out, bool markdown_escapes) {
    constexpr std::string_view kOpen = "[sound:";
    auto range = skipped.begin();
    std::size_t pos = 0;
    while ((pos = text.find(kOpen, pos)) != npos) {
        while (range != skipped.end() && range->second <= pos) ++range;
        if (range != skipped.end() && range->first <= pos) {
            pos = range->second;
            continue;
        }
        std::size_t begin = pos + kOpen.size();
        // Anki's `\[sound:(.+?)\]`: at least one character, up to the first ']' after it, on
        // one line (`.` does not match a line break).
        std::size_t close = begin < text.size() ? text.find(']', begin + 1) : npos;
        if (close == npos) break;
        std::string_view raw = text.substr(begin, close - begin);
        if (raw.find('\n') != npos) {
            pos = begin;
            continue;
        }
        MediaRef ref;
        ref.kind = MediaRefKind::sound;
        ref.syntax = MediaRefSyntax::sound_tag;
        ref.begin = ref.target_begin = begin;
        ref.end = ref.target_end = close;
        if (markdown_escapes) {
            // `\]` closes the tag once rendered: its backslash is not part of the name.
            if (raw.ends_with('\\')) {
                raw.remove_suffix(1);
                ref.end = ref.target_end = close - 1;
            }
            ref.target = content::decode_entities(without_markdown_escapes(raw));
        } else {
            ref.target = content::decode_entities(raw);
        }
        out.push_back(std::move(ref));
        pos = close + 1;
    }
}

}  // namespace deckport::media_detail
