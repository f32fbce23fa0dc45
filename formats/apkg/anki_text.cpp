// A scanner that follows the regular expressions of rslib text.rs step by step. Anki computes
// these columns with regexes; matching them exactly is the point here (the model's own HTML
// conversions use a real parser, see lib/content).
#include "apkg/anki_text.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <queue>
#include <vector>

#include "deckport/identity.hpp"

namespace deckport::apkg {
namespace {

bool is_word(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
}

bool starts_with_ci(std::string_view text, std::size_t pos, std::string_view prefix) {
    if (pos > text.size() || text.size() - pos < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[pos + i])) != prefix[i]) return false;
    }
    return true;
}

std::size_t find_ci(std::string_view text, std::size_t from, std::string_view needle) {
    for (std::size_t pos = from; pos + needle.size() <= text.size(); ++pos) {
        if (starts_with_ci(text, pos, needle)) return pos;
    }
    return std::string_view::npos;
}

constexpr std::size_t kMaxTagScan = 1 << 16;

// Thrown when the text is too unusual to reproduce Anki's result with confidence.
struct Undetermined {};

struct MediaTag {
    std::size_t end = 0;  // one past the closing `>`
    std::string_view name;
};

// The value after `src=` / `data=` at `value`, as the three alternatives of the regex:
// "name"…>, 'name'…>, or name followed by a space…> or by >.
std::optional<MediaTag> attribute_value_at(std::string_view html, std::size_t value) {
    for (char quote : {'"', '\''}) {
        if (value >= html.size() || html[value] != quote) continue;
        std::size_t close = html.find(quote, value + 1);
        if (close == std::string_view::npos || close == value + 1) continue;
        std::size_t gt = html.find('>', close + 1);
        if (gt != std::string_view::npos) {
            return MediaTag{gt + 1, html.substr(value + 1, close - value - 1)};
        }
    }
    std::size_t stop = html.find_first_of(" >", value);
    if (stop == std::string_view::npos || stop == value) return std::nullopt;
    std::size_t gt = html[stop] == '>' ? stop : html.find('>', stop);
    if (gt == std::string_view::npos) return std::nullopt;
    return MediaTag{gt + 1, html.substr(value, stop - value)};
}

// `<img|audio|video|object|source …src=NAME…>` at `start`, as HTML_MEDIA_TAGS: between the tag
// name and the attribute, any characters but `>`, or quoted runs (which may hold `>`).
std::optional<MediaTag> media_tag_at(std::string_view html, std::size_t start,
                                     std::size_t& budget) {
    std::size_t pos = start + 1;
    bool named = false;
    for (std::string_view tag : {"img", "audio", "video", "object", "source"}) {
        if (starts_with_ci(html, pos, tag) &&
            (pos + tag.size() == html.size() || !is_word(html[pos + tag.size()]))) {
            pos += tag.size();
            named = true;
            break;
        }
    }
    if (!named) return std::nullopt;
    // Walk the positions reachable after at least one step, in order (the earliest match
    // wins): plain steps over anything but `>`, and jumps over quoted runs. A tag longer than
    // the window is not decided here (no real tag is that long).
    std::size_t window = std::min(html.size(), pos + kMaxTagScan);
    std::size_t run_until = pos;  // every position up to here is reachable by plain steps
    std::priority_queue<std::size_t, std::vector<std::size_t>, std::greater<>> jumps;
    auto step_from = [&](std::size_t p) {
        if (p >= html.size()) return;
        if (html[p] != '>') run_until = std::max(run_until, p + 1);
        if (html[p] == '"' || html[p] == '\'') {
            std::size_t close = html.find(html[p], p + 1);
            if (close != std::string_view::npos && close > p + 1) jumps.push(close + 1);
        }
    };
    step_from(pos);
    for (std::size_t p = pos + 1; p <= html.size(); ++p) {
        if (budget-- == 0 || p > window) throw Undetermined{};
        bool jumped = false;
        while (!jumps.empty() && jumps.top() <= p) {
            jumped = jumped || jumps.top() == p;
            jumps.pop();
        }
        if (p > run_until && !jumped) {
            if (jumps.empty()) return std::nullopt;
            p = jumps.top() - 1;  // nothing reachable before the next jump target
            continue;
        }
        if (!is_word(html[p - 1])) {
            for (std::string_view attribute : {"src=", "data="}) {
                if (!starts_with_ci(html, p, attribute)) continue;
                if (auto tag = attribute_value_at(html, p + attribute.size())) return tag;
            }
        }
        step_from(p);
    }
    return std::nullopt;
}

std::string replace_media_tags(std::string_view html) {
    std::string out;
    // Scanning work stays linear in the input; beyond that the result is left undetermined.
    std::size_t budget = 8 * html.size() + 4096;
    for (std::size_t pos = 0; pos < html.size();) {
        if (html[pos] == '<') {
            if (auto tag = media_tag_at(html, pos, budget)) {
                out += ' ';
                out += tag->name;
                out += ' ';
                pos = tag->end;
                continue;
            }
        }
        out += html[pos++];
    }
    return out;
}

// Removes what the HTML regex matches at each `<`: a comment, a <style> or <script> element,
// or any tag. A search that failed once fails for every later start, so it is not repeated
// (keeps hostile input such as 100 000 `<style>` linear).
class HtmlRemover {
  public:
    explicit HtmlRemover(std::string_view text) : text_(text) {}

    std::string run() {
        std::string out;
        for (std::size_t pos = 0; pos < text_.size();) {
            if (text_[pos] == '<') {
                std::size_t end = match_end(pos);
                if (end != std::string_view::npos) {
                    pos = end;
                    continue;
                }
            }
            out += text_[pos++];
        }
        return out;
    }

  private:
    // Case-insensitive search that remembers failures.
    std::size_t find_after(std::string_view needle, std::size_t from, std::size_t& failed_from) {
        if (from >= failed_from) return std::string_view::npos;
        std::size_t found = find_ci(text_, from, needle);
        if (found == std::string_view::npos) failed_from = from;
        return found;
    }

    std::size_t match_end(std::size_t pos) {
        if (text_.compare(pos, 4, "<!--") == 0) {
            std::size_t end = find_after("-->", pos + 4, no_comment_end_);
            if (end != std::string_view::npos) return end + 3;
        }
        std::size_t gt = find_after(">", pos + 1, no_gt_);
        if (gt == std::string_view::npos) return gt;
        if (starts_with_ci(text_, pos, "<style")) {
            std::size_t first = find_after(">", pos + 6, no_gt_);
            std::size_t end = first == std::string_view::npos
                                  ? first
                                  : find_after("</style>", first + 1, no_style_end_);
            if (end != std::string_view::npos) return end + 8;
        }
        if (starts_with_ci(text_, pos, "<script")) {
            std::size_t first = find_after(">", pos + 7, no_gt_);
            std::size_t end = first == std::string_view::npos
                                  ? first
                                  : find_after("</script>", first + 1, no_script_end_);
            if (end != std::string_view::npos) return end + 9;
        }
        return gt + 1;
    }

    std::string_view text_;
    std::size_t no_comment_end_ = std::string_view::npos;
    std::size_t no_style_end_ = std::string_view::npos;
    std::size_t no_script_end_ = std::string_view::npos;
    std::size_t no_gt_ = std::string_view::npos;
};

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Decodes the entities Anki's decoder certainly handles; nullopt for anything else.
std::optional<std::string> decode_entities(std::string_view text) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kNamed = {{
        {"amp", "&"},
        {"lt", "<"},
        {"gt", ">"},
        {"quot", "\""},
        {"apos", "'"},
        {"nbsp", " "},
    }};
    std::string out;
    for (std::size_t pos = 0; pos < text.size();) {
        if (text[pos] != '&') {
            out += text[pos++];
            continue;
        }
        std::size_t semicolon = text.find(';', pos);
        if (semicolon == std::string_view::npos || semicolon - pos > 10) return std::nullopt;
        std::string_view entity = text.substr(pos + 1, semicolon - pos - 1);
        pos = semicolon + 1;
        if (entity.size() > 1 && entity[0] == '#') {
            bool hex = entity[1] == 'x' || entity[1] == 'X';
            std::string_view digits = entity.substr(hex ? 2 : 1);
            std::uint32_t cp = 0;
            auto [ptr, ec] =
                std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
            if (ec != std::errc() || ptr != digits.data() + digits.size() || cp == 0 ||
                cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return std::nullopt;
            }
            if (cp == 0xA0) cp = ' ';
            append_utf8(out, cp);
            continue;
        }
        bool known = false;
        for (auto [name, value] : kNamed) {
            if (entity == name) {
                out += value;
                known = true;
            }
        }
        if (!known) return std::nullopt;
    }
    // A literal U+00A0 also becomes a space once anything was decoded; keep it simple and
    // only compare when there is none.
    if (out.find("\xC2\xA0") != std::string::npos) return std::nullopt;
    return out;
}

}  // namespace

std::optional<std::string> strip_html_preserving_media_filenames(std::string_view html) {
    try {
        return decode_entities(HtmlRemover(replace_media_tags(html)).run());
    } catch (const Undetermined&) {
        return std::nullopt;
    }
}

std::uint32_t field_checksum(std::string_view text) {
    auto digest = sha1(text);
    return static_cast<std::uint32_t>(digest[0]) << 24 |
           static_cast<std::uint32_t>(digest[1]) << 16 |
           static_cast<std::uint32_t>(digest[2]) << 8 | static_cast<std::uint32_t>(digest[3]);
}

}  // namespace deckport::apkg
