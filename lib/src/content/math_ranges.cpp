#include "math_ranges.hpp"

#include "markdown_parser.hpp"

namespace deckport::content {
namespace {

// Follows md4c's math spans as the renderers do (MathSpan decides which are math).
class RangeCollector {
  public:
    explicit RangeCollector(const MarkdownSource& source) : source_(source) {}

    static int block(MD_BLOCKTYPE, void*, void* self) {
        static_cast<RangeCollector*>(self)->settle('\0');
        return 0;
    }
    static int enter_span(MD_SPANTYPE type, void*, void* self) {
        auto* collector = static_cast<RangeCollector*>(self);
        collector->settle('\0');
        if (type == MD_SPAN_LATEXMATH || type == MD_SPAN_LATEXMATH_DISPLAY) {
            collector->math_.begin(type == MD_SPAN_LATEXMATH_DISPLAY);
            collector->current_ = {};
            collector->started_ = false;
        }
        return 0;
    }
    static int leave_span(MD_SPANTYPE type, void*, void* self) {
        auto* collector = static_cast<RangeCollector*>(self);
        collector->settle('\0');
        if ((type == MD_SPAN_LATEXMATH || type == MD_SPAN_LATEXMATH_DISPLAY) &&
            collector->math_.open())
            collector->math_.end();
        return 0;
    }
    static int text(MD_TEXTTYPE type, const MD_CHAR* data, MD_SIZE size, void* self) {
        auto* collector = static_cast<RangeCollector*>(self);
        std::string_view text(data, size);
        if (type == MD_TEXT_NORMAL) text = collector->source_.original_of(data, size);
        collector->settle(type == MD_TEXT_NORMAL && size > 0 ? text[0] : '\0');
        if (type == MD_TEXT_LATEXMATH && collector->math_.open()) collector->add(data, size);
        return 0;
    }

    void settle(char next) {
        if (!math_.pending()) return;
        bool accepted = math_.accept(next);
        if (!math_.regions().empty()) {
            for (const MathRegion& region : math_.regions())
                ranges.push_back({region.begin + 2, region.end - 2});
        } else if (accepted && started_) {
            ranges.push_back(current_);
        }
    }

    std::vector<TexRange> ranges;

  private:
    void add(const char* data, std::size_t size) {
        math_.add(std::string_view(data, size), source_);
        if (!source_.contains(data)) return;  // a line break md4c wrote
        std::size_t at = static_cast<std::size_t>(data - source_.text().data());
        if (!started_) current_.begin = at;
        started_ = true;
        current_.end = at + size;
    }

    const MarkdownSource& source_;
    MathSpan math_;
    TexRange current_;
    bool started_ = false;
};

std::vector<TexRange> markdown_ranges(std::string_view markdown) {
    MarkdownSource source(markdown);
    RangeCollector collector(source);
    MD_PARSER parser{};
    parser.enter_block = &RangeCollector::block;
    parser.leave_block = &RangeCollector::block;
    parser.enter_span = &RangeCollector::enter_span;
    parser.leave_span = &RangeCollector::leave_span;
    parser.text = &RangeCollector::text;
    parse_markdown(source, parser, &collector);
    collector.settle('\0');
    return std::move(collector.ranges);
}

// Anki's MATHJAX expression, `(\\[(\[])(.*?)(\\[)\]])` with `.` matching line breaks.
std::vector<TexRange> mathjax_ranges(std::string_view text) {
    std::vector<TexRange> ranges;
    std::size_t at = 0;
    while (at + 1 < text.size()) {
        if (text[at] != '\\' || (text[at + 1] != '(' && text[at + 1] != '[')) {
            ++at;
            continue;
        }
        std::size_t close = at + 2;
        while (close + 1 < text.size() &&
               !(text[close] == '\\' && (text[close + 1] == ')' || text[close + 1] == ']')))
            ++close;
        if (close + 1 >= text.size()) break;
        ranges.push_back({at + 2, close});
        at = close + 2;
    }
    return ranges;
}

}  // namespace

std::vector<TexRange> math_ranges(const Content& content) {
    if (content.kind == Markup::markdown) return markdown_ranges(content.source);
    return mathjax_ranges(content.source);
}

}  // namespace deckport::content
