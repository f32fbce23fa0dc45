// markdown -> plain text: a renderer over md4c's callbacks that feeds a TextBuilder, following
// the same rules as HTML -> text so that both forms of a field read the same.
#include <string>
#include <vector>

#include "deckport/content.hpp"
#include "entities.hpp"
#include "escape.hpp"
#include "markdown_parser.hpp"
#include "text_builder.hpp"
#include "verbatim_block.hpp"

namespace deckport {

namespace {

// `<br>`, `<br/>`, `<BR >`: the only inline tag that changes the text.
bool is_break_tag(std::string_view tag) {
    if (tag.size() < 4 || tag[0] != '<') return false;
    if ((tag[1] != 'b' && tag[1] != 'B') || (tag[2] != 'r' && tag[2] != 'R')) return false;
    char next = tag[3];
    return next == '>' || next == '/' || content::is_ascii_space(next);
}

class TextRenderer {
  public:
    explicit TextRenderer(const content::MarkdownSource& source) : source_(source), code_(source) {}

    static int enter_block(MD_BLOCKTYPE type, void* detail, void* self) {
        static_cast<TextRenderer*>(self)->settle_math('\0');
        static_cast<TextRenderer*>(self)->open_block(type, detail);
        return 0;
    }
    static int leave_block(MD_BLOCKTYPE type, void*, void* self) {
        static_cast<TextRenderer*>(self)->settle_math('\0');
        static_cast<TextRenderer*>(self)->close_block(type);
        return 0;
    }
    static int enter_span(MD_SPANTYPE type, void*, void* self) {
        auto* renderer = static_cast<TextRenderer*>(self);
        renderer->settle_math('\0');
        if (type == MD_SPAN_LATEXMATH || type == MD_SPAN_LATEXMATH_DISPLAY)
            renderer->math_.begin(type == MD_SPAN_LATEXMATH_DISPLAY);
        return 0;
    }
    static int leave_span(MD_SPANTYPE type, void*, void* self) {
        auto* renderer = static_cast<TextRenderer*>(self);
        renderer->settle_math('\0');
        if (type == MD_SPAN_LATEXMATH || type == MD_SPAN_LATEXMATH_DISPLAY) renderer->math_.end();
        return 0;
    }
    static int text(MD_TEXTTYPE type, const MD_CHAR* data, MD_SIZE size, void* self) {
        auto* renderer = static_cast<TextRenderer*>(self);
        std::string_view text(data, size);
        if (type == MD_TEXT_NORMAL) text = renderer->source_.original_of(data, size);
        renderer->settle_math(type == MD_TEXT_NORMAL && size > 0 ? text[0] : '\0');
        renderer->write_text(type, text);
        return 0;
    }

    // Math reads as MathJax's delimiters around its TeX, as the HTML's text does; rejected
    // math (see MathSpan) keeps its dollars.
    void settle_math(char next) {
        if (!math_.pending()) return;
        bool accepted = math_.accept(next);
        auto mathjax = [](bool display, const std::string& tex) {
            return (display ? "\\[" : "\\(") + tex + (display ? "\\]" : "\\)");
        };
        if (!math_.regions().empty()) {
            for (const content::MathRegion& region : math_.regions())
                builder_.text(mathjax(region.display, region.tex));
        } else if (accepted) {
            builder_.text(mathjax(math_.display(), math_.tex()));
        } else {
            const char* dollars = math_.display() ? "$$" : "$";
            builder_.text(dollars + math_.tex() + dollars);
        }
    }

    std::string finish() {
        settle_math('\0');
        return builder_.finish();
    }

  private:
    struct List {
        bool ordered = false;
        unsigned next_number = 1;
    };

    void open_block(MD_BLOCKTYPE type, void* detail) {
        switch (type) {
            case MD_BLOCK_UL:
                lists_.push_back({false, 1});
                break;
            case MD_BLOCK_OL:
                lists_.push_back({true, static_cast<const MD_BLOCK_OL_DETAIL*>(detail)->start});
                break;
            case MD_BLOCK_LI: {
                if (lists_.empty() || !lists_.back().ordered) {
                    builder_.begin_item("- ");
                } else {
                    builder_.begin_item(std::to_string(lists_.back().next_number++) + ". ");
                }
                break;
            }
            case MD_BLOCK_HTML:
                html_block_.clear();
                in_html_block_ = true;
                break;
            case MD_BLOCK_CODE:
                builder_.block_boundary();
                code_.begin();
                break;
            case MD_BLOCK_TR:
                builder_.block_boundary();
                first_cell_ = true;
                break;
            case MD_BLOCK_TH:
            case MD_BLOCK_TD:
                if (!first_cell_) builder_.cell_separator();
                first_cell_ = false;
                break;
            default:
                builder_.block_boundary();
                break;
        }
    }

    void close_block(MD_BLOCKTYPE type) {
        switch (type) {
            case MD_BLOCK_UL:
            case MD_BLOCK_OL:
                if (!lists_.empty()) lists_.pop_back();
                builder_.block_boundary();
                break;
            case MD_BLOCK_LI:
                builder_.end_item();
                break;
            case MD_BLOCK_HTML:
                in_html_block_ = false;
                builder_.block_boundary();
                content::append_html_as_text(builder_, html_block_);
                builder_.block_boundary();
                break;
            case MD_BLOCK_CODE:
                builder_.verbatim(code_.finish());
                builder_.block_boundary();
                break;
            case MD_BLOCK_TH:
            case MD_BLOCK_TD:
                break;
            default:
                builder_.block_boundary();
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
                    builder_.text(content::kReplacementCharacter);
                }
                break;
            case MD_TEXT_BR:
                builder_.line_break();
                break;
            case MD_TEXT_SOFTBR:
                builder_.text(" ");
                break;
            case MD_TEXT_ENTITY: {
                std::string decoded;
                content::append_decoded_entity(decoded, text);
                builder_.text(decoded);
                break;
            }
            case MD_TEXT_HTML:
                if (in_html_block_) {
                    html_block_ += text;
                } else if (is_break_tag(text)) {
                    builder_.line_break();
                }
                break;
            case MD_TEXT_CODE:
                builder_.text(text);
                break;
            case MD_TEXT_LATEXMATH:
                if (math_.open()) {
                    math_.add(text, source_);
                } else {
                    builder_.text(text);
                }
                break;
            case MD_TEXT_NORMAL:
                builder_.text(text);
                break;
        }
    }

    const content::MarkdownSource& source_;
    content::TextBuilder builder_;
    content::MathSpan math_;
    content::VerbatimBlock code_;
    std::vector<List> lists_;
    std::string html_block_;
    bool first_cell_ = true;
    bool in_html_block_ = false;
};

}  // namespace

std::string markdown_to_text(std::string_view markdown) {
    content::MarkdownSource source(markdown);
    TextRenderer renderer(source);
    MD_PARSER parser{};
    parser.enter_block = &TextRenderer::enter_block;
    parser.leave_block = &TextRenderer::leave_block;
    parser.enter_span = &TextRenderer::enter_span;
    parser.leave_span = &TextRenderer::leave_span;
    parser.text = &TextRenderer::text;
    content::parse_markdown(source, parser, &renderer);
    return renderer.finish();
}

}  // namespace deckport
