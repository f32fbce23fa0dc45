// Math written with MathJax's own delimiters, `\(…\)` and `\[…\]`, in markdown. CommonMark reads
// `\(` as an escaped `(`, so md4c cannot see this math. A first md4c pass finds the delimiters
// that markdown reads as escapes in ordinary text (not in code, math or raw HTML) and pairs them
// within one block; the text md4c then renders has each pair masked as a `$…$` span of filler
// of the same length, so that md4c keeps it whole and reads nothing inside it as markdown.
// Renderers take the TeX from the region, not from the filler.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace deckport::content {

struct MathRegion {
    std::size_t begin = 0;  // offset of the opening `\`
    std::size_t end = 0;    // one past the closing `)` or `]`
    bool display = false;   // `\[…\]`
    // The text between the delimiters: bytes as written; a line break inside stays a `\n`, and
    // the markdown before each later line (blockquote markers, indentation) is left out, as
    // markdown leaves it out of a paragraph.
    std::string tex;
    int quote_depth = 0;  // blockquotes around it (their markers start its later lines)
};

// A markdown text as md4c should read it: the original, or a copy of the same length with its
// math regions masked.
class MarkdownSource {
  public:
    explicit MarkdownSource(std::string_view markdown);

    // What md4c parses. Pointers that md4c passes back point into it (or to md4c's own
    // constants, for synthesized text).
    std::string_view text() const { return masked_.empty() ? original_ : masked_; }
    std::string_view original() const { return original_; }
    bool contains(const char* p) const {
        std::string_view t = text();
        return p >= t.data() && p < t.data() + t.size();
    }

    // Ordinary text md4c reports (a pointer into text()) as the original has it: the masked
    // text differs outside math only where it neutralised a `$`.
    std::string_view original_of(const char* data, std::size_t size) const;

    // The regions of the masked `$…$` span whose content starts at `p` (adjacent regions share
    // one span); empty when `p` starts no masked span.
    struct Span {
        const MathRegion* first = nullptr;
        std::size_t count = 0;
        const MathRegion* begin() const { return first; }
        const MathRegion* end() const { return first + count; }
        bool empty() const { return count == 0; }
    };
    Span span_at(const char* p) const;

    const std::vector<MathRegion>& regions() const { return regions_; }

  private:
    std::string_view original_;
    std::string masked_;
    std::vector<MathRegion> regions_;
    // Per masked span: offset of its first filler byte, first region, region count.
    struct MaskedSpan {
        std::size_t content = 0;
        std::size_t first = 0;
        std::size_t count = 0;
    };
    std::vector<MaskedSpan> spans_;
};

// The math regions of `markdown`, in order (see MarkdownSource).
std::vector<MathRegion> find_backslash_math(std::string_view markdown);

}  // namespace deckport::content
