// HTML -> plain text: walks the parsed fragment and feeds a TextBuilder (the same rules as
// markdown -> text).
#include <string>
#include <vector>

#include "deckport/content.hpp"
#include "html_tree.hpp"
#include "text_builder.hpp"

namespace deckport {

namespace {

using namespace content;

class HtmlTextWriter {
  public:
    explicit HtmlTextWriter(TextBuilder& builder) : builder_(builder) {}

    bool enter(const GumboNode& node) {
        if (is_text_like(node)) {
            if (preformatted_ > 0) {
                builder_.verbatim(text_of(node));
            } else {
                builder_.text(text_of(node));
            }
            return false;
        }
        if (!is_element(node)) return false;  // comments
        GumboTag tag = tag_of(node);
        if (is_hidden_tag(tag)) return false;
        switch (tag) {
            case GUMBO_TAG_BR:
                builder_.line_break();
                return false;
            case GUMBO_TAG_IMG:
                if (const char* alt = attribute(node, "alt")) builder_.text(alt);
                return false;
            case GUMBO_TAG_UL:
                lists_.push_back({false, 1});
                break;
            case GUMBO_TAG_OL:
                lists_.push_back({true, list_start(node)});
                break;
            case GUMBO_TAG_LI:
                if (lists_.empty() || !lists_.back().ordered) {
                    builder_.begin_item("- ");
                } else {
                    builder_.begin_item(std::to_string(lists_.back().next_number++) + ". ");
                }
                return true;
            case GUMBO_TAG_PRE:
            case GUMBO_TAG_TEXTAREA:
            case GUMBO_TAG_LISTING:
            case GUMBO_TAG_PLAINTEXT:
                ++preformatted_;
                break;
            case GUMBO_TAG_TR:
                cells_.push_back(0);
                break;
            case GUMBO_TAG_TD:
            case GUMBO_TAG_TH:
                if (!cells_.empty() && cells_.back()++ > 0) builder_.cell_separator();
                return true;
            default:
                break;
        }
        if (is_block_tag(tag)) builder_.block_boundary();
        return true;
    }

    void leave(const GumboNode& node) {
        if (!is_element(node)) return;
        GumboTag tag = tag_of(node);
        switch (tag) {
            case GUMBO_TAG_UL:
            case GUMBO_TAG_OL:
                if (!lists_.empty()) lists_.pop_back();
                break;
            case GUMBO_TAG_LI:
                builder_.end_item();
                return;
            case GUMBO_TAG_PRE:
            case GUMBO_TAG_TEXTAREA:
            case GUMBO_TAG_LISTING:
            case GUMBO_TAG_PLAINTEXT:
                --preformatted_;
                break;
            case GUMBO_TAG_TR:
                if (!cells_.empty()) cells_.pop_back();
                break;
            case GUMBO_TAG_TD:
            case GUMBO_TAG_TH:
                return;
            default:
                break;
        }
        if (is_block_tag(tag)) builder_.block_boundary();
    }

  private:
    struct List {
        bool ordered = false;
        long long next_number = 1;
    };

    static long long list_start(const GumboNode& node) {
        const char* start = attribute(node, "start");
        if (start == nullptr) return 1;
        long long value = 0;
        bool negative = *start == '-';
        for (const char* p = negative ? start + 1 : start; *p >= '0' && *p <= '9'; ++p) {
            if (value < 1000000000) value = value * 10 + (*p - '0');
        }
        return negative ? -value : value;
    }

    TextBuilder& builder_;
    std::vector<List> lists_;
    std::vector<int> cells_;  // cells seen in each open table row
    int preformatted_ = 0;
};

}  // namespace

namespace content {

void append_html_as_text(TextBuilder& builder, std::string_view html) {
    HtmlFragment fragment(html);
    HtmlTextWriter writer(builder);
    walk_descendants(
        fragment.root(), [&](const GumboNode& node) { return writer.enter(node); },
        [&](const GumboNode& node) { writer.leave(node); });
}

}  // namespace content

std::string html_to_text(std::string_view html) {
    content::TextBuilder builder;
    content::append_html_as_text(builder, html);
    return builder.finish();
}

}  // namespace deckport
