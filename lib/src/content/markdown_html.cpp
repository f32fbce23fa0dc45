// markdown -> HTML: a renderer over md4c's callbacks that writes what md4c-html writes, except
// for math (`\(…\)`, `\[…\]` for MathJax), entities (kept as written), URLs (kept as written:
// Anki looks media up by the exact file name in `src`) and code blocks (indentation as written).
#include <string>

#include "deckport/content.hpp"
#include "escape.hpp"
#include "markdown_parser.hpp"
#include "verbatim_block.hpp"

namespace deckport {

namespace {

using content::append_html_escaped;

class HtmlRenderer {
  public:
    HtmlRenderer(std::string& out, const content::MarkdownSource& source)
        : out_(out), source_(source), code_(source) {}

    static int enter_block(MD_BLOCKTYPE type, void* detail, void* self) {
        static_cast<HtmlRenderer*>(self)->settle_math('\0');
        static_cast<HtmlRenderer*>(self)->open_block(type, detail);
        return 0;
    }
    static int leave_block(MD_BLOCKTYPE type, void* detail, void* self) {
        static_cast<HtmlRenderer*>(self)->settle_math('\0');
        static_cast<HtmlRenderer*>(self)->close_block(type, detail);
        return 0;
    }
    static int enter_span(MD_SPANTYPE type, void* detail, void* self) {
        static_cast<HtmlRenderer*>(self)->settle_math('\0');
        static_cast<HtmlRenderer*>(self)->open_span(type, detail);
        return 0;
    }
    static int leave_span(MD_SPANTYPE type, void* detail, void* self) {
        static_cast<HtmlRenderer*>(self)->settle_math('\0');
        static_cast<HtmlRenderer*>(self)->close_span(type, detail);
        return 0;
    }
    static int text(MD_TEXTTYPE type, const MD_CHAR* data, MD_SIZE size, void* self) {
        auto* renderer = static_cast<HtmlRenderer*>(self);
        std::string_view text(data, size);
        if (type == MD_TEXT_NORMAL) text = renderer->source_.original_of(data, size);
        renderer->settle_math(type == MD_TEXT_NORMAL && size > 0 ? text[0] : '\0');
        renderer->write_text(type, text);
        return 0;
    }

    // Writes a finished math span once the character after it is known.
    void settle_math(char next) {
        if (!math_.pending()) return;
        bool accepted = math_.accept(next);
        if (!math_.regions().empty()) {
            for (const content::MathRegion& region : math_.regions()) {
                out_ += region.display ? "\\[" : "\\(";
                content::append_html_text_escaped(out_, region.tex);
                out_ += region.display ? "\\]" : "\\)";
            }
        } else if (accepted) {
            out_ += math_.display() ? "\\[" : "\\(";
            content::append_html_text_escaped(out_, math_.tex());
            out_ += math_.display() ? "\\]" : "\\)";
        } else {
            const char* dollars = math_.display() ? "$$" : "$";
            out_ += dollars;
            append_html_escaped(out_, math_.tex());
            out_ += dollars;
        }
    }

    // True when the document is one paragraph and nothing else.
    bool single_paragraph() const { return top_blocks_ == 1 && first_top_is_paragraph_; }

  private:
    void open_block(MD_BLOCKTYPE type, void* detail) {
        if (depth_++ == 1 && top_blocks_++ == 0) first_top_is_paragraph_ = type == MD_BLOCK_P;
        switch (type) {
            case MD_BLOCK_DOC:
                break;
            case MD_BLOCK_QUOTE:
                out_ += "<blockquote>\n";
                break;
            case MD_BLOCK_UL:
                out_ += "<ul>\n";
                break;
            case MD_BLOCK_OL: {
                unsigned start = static_cast<const MD_BLOCK_OL_DETAIL*>(detail)->start;
                out_ += start == 1 ? "<ol>\n" : "<ol start=\"" + std::to_string(start) + "\">\n";
                break;
            }
            case MD_BLOCK_LI:
                out_ += "<li>";
                break;
            case MD_BLOCK_HR:
                out_ += "<hr>\n";
                break;
            case MD_BLOCK_H:
                out_ += "<h";
                out_ += heading_digit(detail);
                out_ += '>';
                break;
            case MD_BLOCK_CODE: {
                out_ += "<pre><code";
                const MD_ATTRIBUTE& lang = static_cast<const MD_BLOCK_CODE_DETAIL*>(detail)->lang;
                if (lang.text != nullptr) {
                    out_ += " class=\"";
                    if (std::string_view(lang.text, lang.size).substr(0, 9) != "language-")
                        out_ += "language-";
                    write_attribute(lang);
                    out_ += '"';
                }
                out_ += '>';
                code_.begin();
                break;
            }
            case MD_BLOCK_HTML:
                break;
            case MD_BLOCK_P:
                out_ += "<p>";
                break;
            case MD_BLOCK_TABLE:
                out_ += "<table>\n";
                break;
            case MD_BLOCK_THEAD:
                out_ += "<thead>\n";
                break;
            case MD_BLOCK_TBODY:
                out_ += "<tbody>\n";
                break;
            case MD_BLOCK_TR:
                out_ += "<tr>\n";
                break;
            case MD_BLOCK_TH:
                open_cell("th", detail);
                break;
            case MD_BLOCK_TD:
                open_cell("td", detail);
                break;
        }
    }

    void close_block(MD_BLOCKTYPE type, void* detail) {
        --depth_;
        switch (type) {
            case MD_BLOCK_DOC:
                break;
            case MD_BLOCK_QUOTE:
                out_ += "</blockquote>\n";
                break;
            case MD_BLOCK_UL:
                out_ += "</ul>\n";
                break;
            case MD_BLOCK_OL:
                out_ += "</ol>\n";
                break;
            case MD_BLOCK_LI:
                out_ += "</li>\n";
                break;
            case MD_BLOCK_HR:
                break;
            case MD_BLOCK_H:
                out_ += "</h";
                out_ += heading_digit(detail);
                out_ += ">\n";
                break;
            case MD_BLOCK_CODE:
                append_html_escaped(out_, code_.finish());
                out_ += "</code></pre>\n";
                break;
            case MD_BLOCK_HTML:
                break;
            case MD_BLOCK_P:
                out_ += "</p>\n";
                break;
            case MD_BLOCK_TABLE:
                out_ += "</table>\n";
                break;
            case MD_BLOCK_THEAD:
                out_ += "</thead>\n";
                break;
            case MD_BLOCK_TBODY:
                out_ += "</tbody>\n";
                break;
            case MD_BLOCK_TR:
                out_ += "</tr>\n";
                break;
            case MD_BLOCK_TH:
                out_ += "</th>\n";
                break;
            case MD_BLOCK_TD:
                out_ += "</td>\n";
                break;
        }
    }

    void open_span(MD_SPANTYPE type, void* detail) {
        // Inside an image only the alt text is written: tags cannot go into an attribute.
        bool inside_image = image_depth_ > 0;
        if (type == MD_SPAN_IMG) ++image_depth_;
        if (type == MD_SPAN_LATEXMATH || type == MD_SPAN_LATEXMATH_DISPLAY) {
            alt_math_started_ = false;
            alt_math_ = {};
        }
        if (inside_image) return;
        switch (type) {
            case MD_SPAN_EM:
                out_ += "<em>";
                break;
            case MD_SPAN_STRONG:
                out_ += "<strong>";
                break;
            case MD_SPAN_U:
                out_ += "<u>";
                break;
            case MD_SPAN_CODE:
                out_ += "<code>";
                break;
            case MD_SPAN_DEL:
                out_ += "<del>";
                break;
            case MD_SPAN_LATEXMATH:
                math_.begin(false);
                break;
            case MD_SPAN_LATEXMATH_DISPLAY:
                math_.begin(true);
                break;
            case MD_SPAN_A: {
                const auto* a = static_cast<const MD_SPAN_A_DETAIL*>(detail);
                out_ += "<a href=\"";
                write_attribute(a->href);
                if (a->title.text != nullptr) {
                    out_ += "\" title=\"";
                    write_attribute(a->title);
                }
                out_ += "\">";
                break;
            }
            case MD_SPAN_IMG:
                out_ += "<img src=\"";
                write_attribute(static_cast<const MD_SPAN_IMG_DETAIL*>(detail)->src);
                out_ += "\" alt=\"";
                alt_end_ = out_.size();
                break;
            case MD_SPAN_WIKILINK:
                break;  // not enabled
        }
    }

    void close_span(MD_SPANTYPE type, void* detail) {
        if (type == MD_SPAN_IMG) --image_depth_;
        if (image_depth_ > 0) return;
        switch (type) {
            case MD_SPAN_EM:
                out_ += "</em>";
                break;
            case MD_SPAN_STRONG:
                out_ += "</strong>";
                break;
            case MD_SPAN_U:
                out_ += "</u>";
                break;
            case MD_SPAN_CODE:
                out_ += "</code>";
                break;
            case MD_SPAN_DEL:
                out_ += "</del>";
                break;
            case MD_SPAN_LATEXMATH:
            case MD_SPAN_LATEXMATH_DISPLAY:
                math_.end();
                break;
            case MD_SPAN_A:
                out_ += "</a>";
                break;
            case MD_SPAN_IMG: {
                // No alt text, no alt attribute: `![](a.png)` is `<img src="a.png">`, the tag
                // Anki's editor writes (and HTML -> markdown writes such a tag that way).
                constexpr std::string_view kAlt = " alt=\"";
                if (out_.size() == alt_end_)
                    out_.resize(alt_end_ - kAlt.size());
                else
                    out_ += '"';
                const MD_ATTRIBUTE& title = static_cast<const MD_SPAN_IMG_DETAIL*>(detail)->title;
                if (title.text != nullptr) {
                    out_ += " title=\"";
                    write_attribute(title);
                    out_ += '"';
                }
                out_ += '>';
                break;
            }
            case MD_SPAN_WIKILINK:
                break;
        }
    }

    void write_text(MD_TEXTTYPE type, std::string_view text) {
        if (code_.feed(type, text)) return;
        switch (type) {
            case MD_TEXT_NULLCHAR:
                if (math_.open()) {
                    math_.add(content::kReplacementCharacter);
                } else {
                    out_ += content::kReplacementCharacter;
                }
                break;
            case MD_TEXT_BR:
                out_ += image_depth_ > 0 ? " " : "<br>\n";
                break;
            case MD_TEXT_SOFTBR:
                out_ += image_depth_ > 0 ? ' ' : '\n';
                break;
            case MD_TEXT_HTML:
                out_ += text;
                break;
            // A reference is valid HTML as it stands; keeping it keeps `&nbsp;` visible.
            case MD_TEXT_ENTITY:
                out_ += text;
                break;
            case MD_TEXT_LATEXMATH:
                if (math_.open()) {
                    math_.add(text, source_);
                } else {  // inside an image's alt text: the TeX only
                    write_alt_math(text);
                }
                break;
            case MD_TEXT_NORMAL:
            case MD_TEXT_CODE:
                append_html_escaped(out_, text);
                break;
        }
    }

    // Math in an image's alt text is written as its TeX; a masked span as its regions' TeX.
    void write_alt_math(std::string_view text) {
        if (!alt_math_started_) {
            alt_math_started_ = true;
            alt_math_ = source_.span_at(text.data());
            for (const content::MathRegion& region : alt_math_)
                append_html_escaped(out_, region.tex);
        }
        if (alt_math_.empty()) append_html_escaped(out_, text);
    }

    void open_cell(const char* name, void* detail) {
        out_ += '<';
        out_ += name;
        switch (static_cast<const MD_BLOCK_TD_DETAIL*>(detail)->align) {
            case MD_ALIGN_LEFT:
                out_ += " align=\"left\">";
                break;
            case MD_ALIGN_CENTER:
                out_ += " align=\"center\">";
                break;
            case MD_ALIGN_RIGHT:
                out_ += " align=\"right\">";
                break;
            case MD_ALIGN_DEFAULT:
                out_ += '>';
                break;
        }
    }

    void write_attribute(const MD_ATTRIBUTE& attr) {
        for (int i = 0; attr.substr_offsets[i] < attr.size; ++i) {
            MD_OFFSET begin = attr.substr_offsets[i];
            std::string_view piece(attr.text + begin, attr.substr_offsets[i + 1] - begin);
            switch (attr.substr_types[i]) {
                case MD_TEXT_NULLCHAR:
                    out_ += content::kReplacementCharacter;
                    break;
                case MD_TEXT_ENTITY:
                    out_ += piece;
                    break;
                default:
                    append_html_escaped(out_, piece);
                    break;
            }
        }
    }

    static char heading_digit(void* detail) {
        unsigned level = static_cast<const MD_BLOCK_H_DETAIL*>(detail)->level;
        return static_cast<char>('0' + (level >= 1 && level <= 6 ? level : 6));
    }

    std::string& out_;
    const content::MarkdownSource& source_;
    content::MathSpan math_;
    content::MarkdownSource::Span alt_math_;
    bool alt_math_started_ = false;
    content::VerbatimBlock code_;
    int image_depth_ = 0;
    std::size_t alt_end_ = 0;  // where the outermost image's alt text starts
    int depth_ = 0;            // blocks open, the document included
    int top_blocks_ = 0;       // blocks directly in the document
    bool first_top_is_paragraph_ = false;
};

}  // namespace

std::string markdown_to_html(std::string_view markdown) {
    std::string out;
    out.reserve(markdown.size() + markdown.size() / 4 + 16);
    content::MarkdownSource source(markdown);
    HtmlRenderer renderer(out, source);
    MD_PARSER parser{};
    parser.enter_block = &HtmlRenderer::enter_block;
    parser.leave_block = &HtmlRenderer::leave_block;
    parser.enter_span = &HtmlRenderer::enter_span;
    parser.leave_span = &HtmlRenderer::leave_span;
    parser.text = &HtmlRenderer::text;
    content::parse_markdown(source, parser, &renderer);
    renderer.settle_math('\0');
    while (!out.empty() && content::is_ascii_space(out.back())) out.pop_back();
    // A field that is one paragraph is its text, as Anki's editor writes it: a `<p>` would add
    // a margin. Fields of several blocks keep a `<p>` per paragraph.
    constexpr std::string_view kOpen = "<p>", kClose = "</p>";
    if (renderer.single_paragraph() && out.starts_with(kOpen) && out.ends_with(kClose))
        out = out.substr(kOpen.size(), out.size() - kOpen.size() - kClose.size());
    return out;
}

}  // namespace deckport
