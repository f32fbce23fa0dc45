#include "filters.hpp"

#include <algorithm>
#include <vector>

#include "anki_text.hpp"
#include "cloze.hpp"
#include "deckport/identity.hpp"

namespace deckport::render_detail {
namespace {

enum class Ruby { furigana, kanji, kana };

// The regex ` ?([^ >]+?)\[(.+?)\]` applied to every match, left to right: `base[reading]`
// (with the space before it) becomes ruby, the base or the reading. `x[sound:…]` is kept.
// `&nbsp;` counts as a space first. Linear: what the regex engine would search for is looked up
// in tables of "the next such character".
std::string ruby(std::string_view input, Ruby mode) {
    std::string text;
    for (std::size_t i = 0; i < input.size();) {
        if (input.compare(i, 6, "&nbsp;") == 0) {
            text += ' ';
            i += 6;
        } else {
            text += input[i++];
        }
    }
    const std::size_t n = text.size();
    // next_stop[p]: the first space or '>' at or after p. next_open[p]: the first '[' at or
    // after p that a reading can follow: `.+?` (one character at least, no line break) up to the
    // first ']', which close_of holds.
    std::vector<std::size_t> next_stop(n + 2, n), next_open(n + 2, n), close_of(n + 2, n);
    std::vector<std::size_t> next_close(n + 2, n), next_newline(n + 2, n);
    for (std::size_t p = n; p-- > 0;) {
        char c = text[p];
        next_stop[p] = c == ' ' || c == '>' ? p : next_stop[p + 1];
        next_close[p] = c == ']' ? p : next_close[p + 1];
        next_newline[p] = c == '\n' ? p : next_newline[p + 1];
        std::size_t reading_close = next_close[std::min(p + 2, n)];
        bool has_reading = c == '[' && reading_close < n && next_newline[p + 1] > reading_close;
        close_of[p] = has_reading ? reading_close : n;
        next_open[p] = has_reading ? p : next_open[p + 1];
    }
    std::string out;
    std::size_t i = 0;
    while (i < n) {
        std::size_t base_start = text[i] == ' ' ? i + 1 : i;
        std::size_t open = next_open[std::min(base_start + 1, n)];
        bool matched = base_start < n && text[base_start] != ' ' && text[base_start] != '>' &&
                       open < n && open <= next_stop[base_start];
        if (!matched) {
            out += text[i++];
            continue;
        }
        std::size_t close = close_of[open];
        std::string_view base(text.data() + base_start, open - base_start);
        std::string_view reading(text.data() + open + 1, close - open - 1);
        if (reading.substr(0, 6) == "sound:") {
            out.append(text, i, close + 1 - i);
        } else if (mode == Ruby::furigana) {
            out += "<ruby><rb>";
            out.append(base);
            out += "</rb><rt>";
            out.append(reading);
            out += "</rt></ruby>";
        } else {
            out.append(mode == Ruby::kanji ? base : reading);
        }
        i = close + 1;
    }
    return out;
}

std::string hint(std::string text, std::string_view field_name) {
    if (trim_unicode(text).empty()) return text;
    std::string id = hint_id(text, field_name);
    std::string out =
        "\n<a class=hint href=\"#\"\nonclick=\"this.style.display='none';\n"
        "document.getElementById('hint" +
        id + "').style.display='block';\nreturn false;\" draggable=false>\n";
    out.append(field_name);
    out +=
        "</a>\n<div id=\"hint" + id + "\" class=hint style=\"display: none\">" + text + "</div>\n";
    return out;
}

std::string apply_filter(const std::string& filter, std::string text, std::string_view field_name,
                         const FilterContext& context) {
    if (filter == "text") return strip_html(text);
    if (filter == "furigana") return ruby(text, Ruby::furigana);
    if (filter == "kanji") return ruby(text, Ruby::kanji);
    if (filter == "kana") return ruby(text, Ruby::kana);
    if (filter == "type") return "[[type:" + std::string(field_name) + "]]";
    if (filter == "type-cloze") return "[[type:cloze:" + std::string(field_name) + "]]";
    if (filter == "type-nc") return "[[type:nc:" + std::string(field_name) + "]]";
    if (filter == "hint") return hint(std::move(text), field_name);
    if (filter == "cloze") return reveal_cloze(text, context.card_ord + 1, context.question);
    if (filter == "cloze-only")
        return reveal_cloze_text_only(text, context.card_ord + 1, context.question);
    if (filter.compare(0, 4, "tts ") == 0)
        return "[anki:tts lang=" + filter.substr(4) + "]" + text + "[/anki:tts]";
    return text;  // "" (from `::`), tts-voices, add-on filters: unchanged in a full render
}

}  // namespace

std::string hint_id(std::string_view text, std::string_view field_name) {
    std::string key(text);
    key.append(field_name);
    return sha1_hex(key).substr(0, 16);
}

std::string apply_filters(std::string text, const std::vector<std::string>& filters,
                          std::string_view field_name, const FilterContext& context) {
    std::vector<std::string> effective = filters;
    if (filters == std::vector<std::string>{"cloze", "type"}) {
        effective = {"type-cloze"};
    } else if (filters == std::vector<std::string>{"nc", "type"}) {
        effective = {"type-nc"};
    } else if (!filters.empty() && filters.back() == "type") {
        effective = {"type"};
    }
    for (const std::string& filter : effective)
        text = apply_filter(filter, std::move(text), field_name, context);
    return text;
}

}  // namespace deckport::render_detail
