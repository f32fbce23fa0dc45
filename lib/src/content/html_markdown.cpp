// HTML -> markdown: markdown where markdown has the construct, raw HTML elsewhere, and a check
// that the result renders back to the same HTML.
#include "deckport/content.hpp"
#include "html_markdown_writer.hpp"
#include "html_normalize.hpp"
#include "html_tree.hpp"

namespace deckport {

std::string html_to_markdown(std::string_view html) {
    content::HtmlFragment fragment(html);
    std::string markdown = content::write_markdown_blocks(fragment.root(), false);
    // Without tags and backslashes (math) the field is text, whose escaping needs no check.
    if (html.find_first_of("<\\") == std::string_view::npos) return markdown;
    // The same HTML back (a field deckport wrote) normalises the same: no second parse.
    std::string back = markdown_to_html(markdown);
    if (back == html) return markdown;
    std::string expected = content::normalize_fragment(fragment.root());
    if (normalize_html_for_compare(back) == expected) return markdown;
    // Some block did not come back the same: check them one by one, raw HTML for the failures.
    markdown = content::write_markdown_blocks(fragment.root(), true);
    if (normalize_html_for_compare(markdown_to_html(markdown)) == expected) return markdown;
    // Each block renders back alone but not all together: md4c 0.4.8 can close a list or quote
    // early depending on what precedes it (mity/md4c#413). The whole field as raw HTML.
    return content::write_raw_html_block(fragment.root());
}

}  // namespace deckport
