#include "markdown_math.hpp"

#include <algorithm>
#include <climits>
#include <new>
#include <stdexcept>

#include <md4c.h>

#include "escape.hpp"
#include "markdown_parser.hpp"

namespace deckport::content {

namespace {

// A `\(`, `\)`, `\[` or `\]` that markdown reads as an escape in ordinary text.
struct Delimiter {
    std::size_t at = 0;  // its backslash
    char bracket = '(';
    int block = 0;        // delimiters pair only within one block
    int quote_depth = 0;  // blockquotes around it: their markers start every later line
};

// The first pass: where md4c reports ordinary text that starts right after an odd run of
// backslashes with one of `()[]`, that bracket was escaped. Also the `$` of ordinary text, which
// the masked text must not keep (they could pair with the masks).
class DelimiterScan {
  public:
    explicit DelimiterScan(std::string_view text) : text_(text) {}

    static int enter_block(MD_BLOCKTYPE type, void*, void* self) {
        auto* scan = static_cast<DelimiterScan*>(self);
        ++scan->block_;
        if (type == MD_BLOCK_QUOTE) ++scan->quote_depth_;
        return 0;
    }
    static int leave_block(MD_BLOCKTYPE type, void*, void* self) {
        auto* scan = static_cast<DelimiterScan*>(self);
        ++scan->block_;
        if (type == MD_BLOCK_QUOTE) --scan->quote_depth_;
        return 0;
    }
    static int span(MD_SPANTYPE, void*, void*) { return 0; }
    static int text(MD_TEXTTYPE type, const MD_CHAR* data, MD_SIZE size, void* self) {
        static_cast<DelimiterScan*>(self)->on_text(type, data, size);
        return 0;
    }

    std::vector<Delimiter> delimiters;
    std::vector<std::size_t> dollars;

  private:
    void on_text(MD_TEXTTYPE type, const MD_CHAR* data, MD_SIZE size) {
        if (type != MD_TEXT_NORMAL || size == 0) return;
        if (data < text_.data() || data >= text_.data() + text_.size()) return;
        std::size_t at = static_cast<std::size_t>(data - text_.data());
        for (std::size_t i = at; i < at + size; ++i) {
            if (text_[i] == '$') dollars.push_back(i);
        }
        char c = text_[at];
        if (c != '(' && c != ')' && c != '[' && c != ']') return;
        std::size_t backslashes = 0;
        while (backslashes < at && text_[at - 1 - backslashes] == '\\') ++backslashes;
        if (backslashes % 2 == 1) delimiters.push_back({at - 1, c, block_, quote_depth_});
    }

    std::string_view text_;
    int block_ = 0;
    int quote_depth_ = 0;
};

bool is_blank_char(char c) {
    return c == ' ' || c == '\t';
}

// Skips what markdown puts before a paragraph's later line: up to `quote_depth` blockquote
// markers and the indentation.
std::size_t skip_line_prefix(std::string_view text, std::size_t i, std::size_t end,
                             int quote_depth) {
    for (int depth = 0; depth < quote_depth; ++depth) {
        std::size_t j = i;
        while (j < end && is_blank_char(text[j])) ++j;
        if (j >= end || text[j] != '>') break;
        i = j + 1;
    }
    while (i < end && is_blank_char(text[i])) ++i;
    return i;
}

// Calls `on_content(i)` for every byte of [from, to) that is TeX (not a line break, not the
// markdown before a later line), `on_break()` for every line break.
template <typename Content, typename Break>
void walk_tex(std::string_view text, std::size_t from, std::size_t to, int quote_depth,
              Content on_content, Break on_break) {
    std::size_t i = from;
    while (i < to) {
        char c = text[i];
        if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < to && text[i + 1] == '\n') ++i;
            on_break();
            i = skip_line_prefix(text, i + 1, to, quote_depth);
            continue;
        }
        on_content(i);
        ++i;
    }
}

struct Scan {
    std::vector<Delimiter> delimiters;
    std::vector<std::size_t> dollars;  // `$` that md4c reads as ordinary text
};

Scan scan_text(std::string_view markdown) {
    if (markdown.size() > UINT_MAX) throw std::length_error("markdown field larger than 4 GiB");
    DelimiterScan scan(markdown);
    MD_PARSER parser{};
    parser.flags = kMarkdownFlags;
    parser.enter_block = &DelimiterScan::enter_block;
    parser.leave_block = &DelimiterScan::leave_block;
    parser.enter_span = &DelimiterScan::span;
    parser.leave_span = &DelimiterScan::span;
    parser.text = &DelimiterScan::text;
    if (md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &scan) != 0)
        throw std::bad_alloc();
    return {std::move(scan.delimiters), std::move(scan.dollars)};
}

// Pairs each opening delimiter with the next closing one of its kind in the same block; an
// opening delimiter without one is text, and the search goes on after it.
std::vector<MathRegion> pair_delimiters(std::string_view markdown,
                                        const std::vector<Delimiter>& delimiters) {
    // next_closing[k][i]: index of the first `)` (k = 0) or `]` (k = 1) at or after i.
    std::size_t count = delimiters.size();
    std::vector<std::size_t> next_closing[2] = {std::vector<std::size_t>(count + 1, count),
                                                std::vector<std::size_t>(count + 1, count)};
    for (std::size_t i = count; i-- > 0;) {
        for (int k = 0; k < 2; ++k) next_closing[k][i] = next_closing[k][i + 1];
        if (delimiters[i].bracket == ')') next_closing[0][i] = i;
        if (delimiters[i].bracket == ']') next_closing[1][i] = i;
    }
    std::vector<MathRegion> regions;
    for (std::size_t i = 0; i < count; ++i) {
        const Delimiter& open = delimiters[i];
        if (open.bracket != '(' && open.bracket != '[') continue;
        bool display = open.bracket == '[';
        std::size_t j = next_closing[display ? 1 : 0][i + 1];
        if (j == count || delimiters[j].block != open.block) continue;  // never across blocks
        const Delimiter& close = delimiters[j];
        MathRegion region;
        region.begin = open.at;
        region.end = close.at + 2;
        region.display = display;
        region.quote_depth = open.quote_depth;
        walk_tex(
            markdown, open.at + 2, close.at, open.quote_depth,
            [&](std::size_t at) {
                if (markdown[at] == '\0') {
                    region.tex += kReplacementCharacter;
                } else {
                    region.tex += markdown[at];
                }
            },
            [&] { region.tex += '\n'; });
        regions.push_back(std::move(region));
        i = j;  // what lies between is TeX
    }
    return regions;
}

bool may_hold_math(std::string_view markdown) {
    return markdown.find("\\(") != std::string_view::npos ||
           markdown.find("\\[") != std::string_view::npos;
}

}  // namespace

std::vector<MathRegion> find_backslash_math(std::string_view markdown) {
    if (!may_hold_math(markdown)) return {};
    return pair_delimiters(markdown, scan_text(markdown).delimiters);
}

MarkdownSource::MarkdownSource(std::string_view markdown) : original_(markdown) {
    if (!may_hold_math(markdown)) return;
    Scan scan = scan_text(markdown);
    std::vector<MathRegion> found = pair_delimiters(markdown, scan.delimiters);
    if (found.empty()) return;

    // Masks join adjacent regions (`\(a\)\(b\)`: `$$` would read as display math). A region
    // right next to a `$` that md4c reads as math would make such a `$$` too: it stays text.
    auto is_dollar = [&](std::size_t i) { return i < markdown.size() && markdown[i] == '$'; };
    for (MathRegion& region : found) {
        bool joins_previous = !regions_.empty() && regions_.back().end == region.begin;
        if ((!joins_previous && region.begin > 0 && is_dollar(region.begin - 1)) ||
            is_dollar(region.end))
            continue;
        regions_.push_back(std::move(region));
    }
    if (regions_.empty()) return;

    masked_.assign(markdown);
    // An ordinary `$` left in the text could pair with a mask. `%` is punctuation like `$` (so
    // emphasis next to it reads the same) and means nothing to markdown; renderers take
    // ordinary text from the original (original_of), so it never shows.
    for (std::size_t at : scan.dollars) masked_[at] = '%';
    for (std::size_t i = 0; i < regions_.size();) {
        std::size_t first = i;
        std::size_t begin = regions_[i].begin;
        std::size_t end = regions_[i].end;
        while (i + 1 < regions_.size() && regions_[i + 1].begin == end) end = regions_[++i].end;
        ++i;
        // Filler where md4c would read inline content; line breaks and the markdown before
        // later lines stay, so that md4c sees the same blocks.
        walk_tex(
            markdown, begin, end, regions_[first].quote_depth,
            [&](std::size_t at) { masked_[at] = 'x'; }, [] {});
        masked_[begin] = '$';
        masked_[end - 1] = '$';
        spans_.push_back({begin + 1, first, i - first});
    }
}

std::string_view MarkdownSource::original_of(const char* data, std::size_t size) const {
    if (masked_.empty() || !contains(data)) return {data, size};
    return original_.substr(static_cast<std::size_t>(data - masked_.data()), size);
}

MarkdownSource::Span MarkdownSource::span_at(const char* p) const {
    if (spans_.empty() || !contains(p)) return {};
    std::size_t at = static_cast<std::size_t>(p - text().data());
    auto it = std::lower_bound(spans_.begin(), spans_.end(), at,
                               [](const MaskedSpan& s, std::size_t v) { return s.content < v; });
    if (it == spans_.end() || it->content != at) return {};
    return {&regions_[it->first], it->count};
}

}  // namespace deckport::content
