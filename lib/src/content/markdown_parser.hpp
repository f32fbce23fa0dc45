// The one markdown dialect deckport reads: CommonMark + tables + strikethrough + math (`$…$`,
// `$$…$$`, `\(…\)`, `\[…\]`).
#pragma once

#include <climits>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>

#include <md4c.h>

#include "markdown_math.hpp"

namespace deckport::content {

// Raw HTML stays allowed. Permissive autolinks stay off: a bare URL inside a cloze
// (`{{c1::https://x.org}}`) would otherwise swallow the closing braces into the link.
inline constexpr unsigned kMarkdownFlags =
    MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_LATEXMATHSPANS;

// Runs md4c over `source.text()` with the renderer's callbacks (set in `parser`) and our
// flags. Renderers take ordinary text through source.original_of and math through MathSpan.
inline void parse_markdown(const MarkdownSource& source, MD_PARSER& parser, void* renderer) {
    std::string_view markdown = source.text();
    if (markdown.size() > UINT_MAX) throw std::length_error("markdown field larger than 4 GiB");
    parser.flags = kMarkdownFlags;
    // md4c fails only when it cannot allocate memory; our callbacks never abort.
    if (md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, renderer) != 0)
        throw std::bad_alloc();
}

}  // namespace deckport::content

namespace deckport::content {

// md4c 0.4 takes any pair of `$` for math, so "costs $5 or $10" would turn into math. Like
// pandoc, inline math must not start or end with white space and its closing `$` must not be
// followed by a digit; otherwise the dollars and what they enclose are plain text. Renderers
// collect a math span here and decide once they see what follows it. A span that masks
// `\(…\)`/`\[…\]` regions (MarkdownSource) is always math: it stands for those regions.
class MathSpan {
  public:
    void begin(bool display) {
        tex_.clear();
        regions_ = {};
        started_ = false;
        display_ = display;
        open_ = true;
    }
    // A piece of the span's text as md4c reports it.
    void add(std::string_view tex, const MarkdownSource& source) {
        if (!started_) {
            started_ = true;
            regions_ = source.span_at(tex.data());
        }
        if (regions_.empty()) tex_ += tex;
    }
    void add(std::string_view tex) {
        started_ = true;
        if (regions_.empty()) tex_ += tex;
    }
    // The masked regions this span stands for; empty for `$` math.
    MarkdownSource::Span regions() const { return regions_; }
    void end() {
        open_ = false;
        pending_ = true;
    }
    bool open() const { return open_; }
    // Whether a finished span waits for the character after it.
    bool pending() const { return pending_; }
    // `next`: the first character after the span ('\0' for none). Clears the pending span.
    bool accept(char next) {
        pending_ = false;
        if (display_ || !regions_.empty()) return true;
        if (tex_.empty()) return false;
        auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
        return !blank(tex_.front()) && !blank(tex_.back()) && !(next >= '0' && next <= '9');
    }
    const std::string& tex() const { return tex_; }
    bool display() const { return display_; }

  private:
    std::string tex_;
    MarkdownSource::Span regions_;
    bool started_ = false;
    bool display_ = false;
    bool open_ = false;
    bool pending_ = false;
};

}  // namespace deckport::content
