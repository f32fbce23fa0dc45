#include "apkg/field_text.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "common/utf8.hpp"
#include "deckport/html_entities.hpp"
#include "deckport/identity.hpp"

namespace deckport::apkg::writing {
namespace {

constexpr std::size_t npos = std::string_view::npos;

char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Case-insensitive (ASCII) comparison of text at `pos` with a lower-case `word`.
bool matches_at(std::string_view text, std::size_t pos, std::string_view word) {
    if (pos > text.size() || text.size() - pos < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (ascii_lower(text[pos + i]) != word[i]) return false;
    }
    return true;
}

std::size_t find_ignoring_case(std::string_view text, std::string_view word, std::size_t from) {
    for (std::size_t pos = from; pos + word.size() <= text.size(); ++pos) {
        if (matches_at(text, pos, word)) return pos;
    }
    return npos;
}

// A regex word character; bytes of multi-byte characters count as letters.
bool is_word_byte(char c) {
    auto u = static_cast<unsigned char>(c);
    return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_' ||
           u >= 0x80;
}

struct MediaTag {
    std::size_t end = 0;  // one past the closing '>'
    std::string_view file_name;
};

// Anki's HTML_MEDIA_TAGS pattern:
//   <\b(?:img|audio|video|object|source)\b (?:[^>]|"[^"]+?"|'[^']+?')+? \b(?:src|data)\b=
//   ("([^"]+?)"[^>]*> | '([^']+?)'[^>]*> | ([^ >]+?)(?:\x20[^>]*>|>))
// The lazy item loop is evaluated right to left once per text: `continuation[p]` is the
// position where the attribute matches when the loop stands at p (after at least one item),
// following the pattern's order of preference (attribute first, then one more character, then
// a quoted string that may contain '>').
class MediaTagMatcher {
  public:
    explicit MediaTagMatcher(std::string_view text) : text_(text) {
        std::size_t n = text.size();
        next_gt_.assign(n + 1, npos);
        next_double_.assign(n + 1, npos);
        next_single_.assign(n + 1, npos);
        next_space_or_gt_.assign(n + 1, npos);
        for (std::size_t i = n; i-- > 0;) {
            char c = text[i];
            next_gt_[i] = c == '>' ? i : next_gt_[i + 1];
            next_double_[i] = c == '"' ? i : next_double_[i + 1];
            next_single_[i] = c == '\'' ? i : next_single_[i + 1];
            next_space_or_gt_[i] = c == ' ' || c == '>' ? i : next_space_or_gt_[i + 1];
        }
        continuation_.assign(n + 1, npos);
        for (std::size_t p = n + 1; p-- > 0;) {
            if (attribute_at(p)) {
                continuation_[p] = p;
            } else if (p < n && text[p] != '>' && continuation_[p + 1] != npos) {
                continuation_[p] = continuation_[p + 1];
            } else {
                continuation_[p] = after_quoted_item(p);
            }
        }
    }

    // The media tag that starts at `pos` (a '<'), if any.
    std::optional<MediaTag> match_at(std::size_t pos) const {
        static constexpr std::array<std::string_view, 5> kNames = {"img", "audio", "video",
                                                                   "object", "source"};
        for (std::string_view name : kNames) {
            std::size_t after = pos + 1 + name.size();
            if (!matches_at(text_, pos + 1, name)) continue;
            if (after < text_.size() && is_word_byte(text_[after])) continue;
            // The first item is required: one character or a quoted string.
            std::size_t attribute = npos;
            if (after < text_.size() && text_[after] != '>') attribute = continuation_[after + 1];
            if (attribute == npos) attribute = after_quoted_item(after);
            if (attribute == npos) return std::nullopt;
            return attribute_at(attribute);
        }
        return std::nullopt;
    }

  private:
    std::size_t after_quoted_item(std::size_t p) const {
        if (p >= text_.size()) return npos;
        const std::vector<std::size_t>* next = text_[p] == '"'    ? &next_double_
                                               : text_[p] == '\'' ? &next_single_
                                                                  : nullptr;
        if (!next) return npos;
        std::size_t close = (*next)[p + 1];
        if (close == npos || close == p + 1) return npos;  // a quoted item is never empty
        return continuation_[close + 1];
    }

    // `\b(?:src|data)\b=` followed by a value, at p.
    std::optional<MediaTag> attribute_at(std::size_t p) const {
        if (p == 0 || p >= text_.size() || is_word_byte(text_[p - 1])) return std::nullopt;
        std::size_t value = npos;
        if (matches_at(text_, p, "src=")) value = p + 4;
        if (matches_at(text_, p, "data=")) value = p + 5;
        if (value == npos || value >= text_.size()) return std::nullopt;
        char quote = text_[value];
        if (quote == '"' || quote == '\'') {
            const auto& next = quote == '"' ? next_double_ : next_single_;
            std::size_t close = next[value + 1];
            if (close != npos && close > value + 1 && next_gt_[close + 1] != npos) {
                return MediaTag{next_gt_[close + 1] + 1,
                                text_.substr(value + 1, close - value - 1)};
            }
        }
        std::size_t stop = next_space_or_gt_[value];
        if (stop == npos || stop == value) return std::nullopt;
        std::string_view name = text_.substr(value, stop - value);
        if (text_[stop] == '>') return MediaTag{stop + 1, name};
        if (next_gt_[stop + 1] == npos) return std::nullopt;
        return MediaTag{next_gt_[stop + 1] + 1, name};
    }

    std::string_view text_;
    std::vector<std::size_t> next_gt_, next_double_, next_single_, next_space_or_gt_;
    std::vector<std::size_t> continuation_;
};

bool may_hold_media_tag(std::string_view html) {
    for (std::size_t pos = html.find('<'); pos != npos; pos = html.find('<', pos + 1)) {
        for (std::string_view name : {"img", "audio", "video", "object", "source"}) {
            if (matches_at(html, pos + 1, name)) return true;
        }
    }
    return false;
}

std::string replace_media_tags_with_names(std::string_view html) {
    if (!may_hold_media_tag(html)) return std::string(html);
    MediaTagMatcher matcher(html);
    std::string out;
    out.reserve(html.size());
    std::size_t pos = 0;
    while (pos < html.size()) {
        if (html[pos] == '<') {
            if (auto tag = matcher.match_at(pos)) {
                out.append(" ").append(tag->file_name).append(" ");
                pos = tag->end;
                continue;
            }
        }
        out += html[pos++];
    }
    return out;
}

// `<tag.*?>.*?</tag>` from `pos`: the end of the block, or npos when it does not close.
std::size_t raw_text_block_end(std::string_view html, std::size_t pos, std::string_view tag) {
    std::size_t open_end = html.find('>', pos + 1 + tag.size());
    if (open_end == npos) return npos;
    std::string closing = "</" + std::string(tag) + ">";
    std::size_t close = find_ignoring_case(html, closing, open_end + 1);
    return close == npos ? npos : close + closing.size();
}

bool is_digit(char32_t c) {
    return c >= '0' && c <= '9';
}
bool is_hex_digit(char32_t c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

std::optional<char32_t> numeric_code_point(const std::u32string& digits, int base) {
    if (digits.empty()) return std::nullopt;
    std::uint64_t value = 0;
    for (char32_t c : digits) {
        unsigned digit = is_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
        value = value * static_cast<unsigned>(base) + digit;
        if (value > 0xFFFFFFFFull) return std::nullopt;  // u32 overflow
    }
    if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return std::nullopt;
    return static_cast<char32_t>(value);
}

}  // namespace

std::string strip_html_tags(std::string_view html) {
    std::string out;
    out.reserve(html.size());
    std::size_t pos = 0;
    while (pos < html.size()) {
        if (html[pos] != '<') {
            out += html[pos++];
            continue;
        }
        if (html.substr(pos, 4) == "<!--") {
            std::size_t end = html.find("-->", pos + 4);
            if (end != npos) {
                pos = end + 3;
                continue;
            }
        }
        std::size_t end = npos;
        if (matches_at(html, pos + 1, "style")) end = raw_text_block_end(html, pos, "style");
        if (end == npos && matches_at(html, pos + 1, "script")) {
            end = raw_text_block_end(html, pos, "script");
        }
        if (end == npos) {
            std::size_t close = html.find('>', pos + 1);
            if (close != npos) end = close + 1;
        }
        if (end == npos) {
            out += html[pos++];
        } else {
            pos = end;
        }
    }
    return out;
}

std::optional<std::string> decode_html_entities(std::string_view text) {
    enum class State { normal, entity, named, numeric, decimal, hex };
    State state = State::normal;
    std::string out;
    out.reserve(text.size());
    std::u32string buffer;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t start = pos;
        char32_t c = utf8::next_code_point(text, pos);
        switch (state) {
            case State::normal:
                if (c == '&') {
                    state = State::entity;
                } else {
                    out.append(text.substr(start, pos - start));
                }
                break;
            case State::entity:
                if (c == '#') {
                    state = State::numeric;
                } else {
                    state = State::named;
                    buffer.push_back(c);
                }
                break;
            case State::named:
                if (c != ';') {
                    buffer.push_back(c);
                    break;
                }
                {
                    std::string name;
                    for (char32_t n : buffer) utf8::append(name, n);
                    auto code_point = html4_entity(name);
                    if (!code_point) return std::nullopt;
                    utf8::append(out, *code_point);
                    buffer.clear();
                    state = State::normal;
                }
                break;
            case State::numeric:
                if (is_digit(c)) {
                    state = State::decimal;
                    buffer.push_back(c);
                } else if (c == 'x') {
                    state = State::hex;
                } else {
                    return std::nullopt;
                }
                break;
            case State::decimal:
            case State::hex:
                if (c == ';') {
                    auto code_point = numeric_code_point(buffer, state == State::hex ? 16 : 10);
                    if (!code_point) return std::nullopt;
                    utf8::append(out, *code_point);
                    buffer.clear();
                    state = State::normal;
                } else if (state == State::hex ? is_hex_digit(c) : is_digit(c)) {
                    buffer.push_back(c);
                } else {
                    return std::nullopt;
                }
                break;
        }
    }
    if (state != State::normal) return std::nullopt;
    return out;
}

std::string strip_html_preserving_media_filenames(std::string_view html) {
    std::string stripped = strip_html_tags(replace_media_tags_with_names(html));
    if (stripped.find('&') == npos) return stripped;
    auto decoded = decode_html_entities(stripped);
    if (!decoded) return stripped;
    // Anki turns non-breaking spaces into plain ones after decoding.
    std::string out;
    out.reserve(decoded->size());
    for (std::size_t i = 0; i < decoded->size(); ++i) {
        if (decoded->compare(i, 2, "\xC2\xA0") == 0) {
            out += ' ';
            ++i;
        } else {
            out += (*decoded)[i];
        }
    }
    return out;
}

std::uint32_t field_checksum(std::string_view text) {
    auto hash = sha1(text);
    return (std::uint32_t{hash[0]} << 24) | (std::uint32_t{hash[1]} << 16) |
           (std::uint32_t{hash[2]} << 8) | std::uint32_t{hash[3]};
}

std::string normalize_field(std::string_view field) {
    // Most fields are printable ASCII, tabs and newlines: nothing to drop, repair or compose.
    if (std::all_of(field.begin(), field.end(), [](char c) {
            auto u = static_cast<unsigned char>(c);
            return (u >= 0x20 && u < 0x7F) || c == '\t' || c == '\n';
        })) {
        return std::string(field);
    }
    std::string cleaned;
    cleaned.reserve(field.size());
    for (char c : field) {
        auto u = static_cast<unsigned char>(c);
        bool control = u < 0x20 || u == 0x7F;
        if (!control || c == '\t' || c == '\n') cleaned += c;
    }
    return utf8::to_nfc(utf8::repaired(cleaned));
}

}  // namespace deckport::apkg::writing
