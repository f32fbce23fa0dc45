// HTML -> plain text with gumbo: block elements are lines, <br> a line break.
#include <gtest/gtest.h>

#include "deckport/content.hpp"

using deckport::html_to_text;

TEST(HtmlToText, AnkiFieldsWithoutParagraphs) {
    EXPECT_EQ(html_to_text("hello<br>world"), "hello\nworld");
    EXPECT_EQ(html_to_text("<div>a</div><div>b</div>"), "a\nb");
    EXPECT_EQ(html_to_text("a<div><br></div>b"), "a\n\nb");
    EXPECT_EQ(html_to_text("&nbsp;"), "");
    EXPECT_EQ(html_to_text("a&nbsp;&nbsp;b"), "a  b");
}

TEST(HtmlToText, EntitiesAreDecoded) {
    EXPECT_EQ(html_to_text("a &amp; b &lt;c&gt; &quot;d&quot; &eacute; &#x41;"),
              "a & b <c> \"d\" \xC3\xA9 A");
}

TEST(HtmlToText, HiddenElementsAndCommentsAreDropped) {
    EXPECT_EQ(html_to_text("<p>x</p><script>bad()</script><style>p{}</style><!-- c -->y"), "x\ny");
}

TEST(HtmlToText, WhitespaceCollapsesOutsidePre) {
    EXPECT_EQ(html_to_text("  lots   of\n\n  space  "), "lots of space");
    EXPECT_EQ(html_to_text("<pre>  code\n    more</pre>after"), "  code\n    more\nafter");
    EXPECT_EQ(html_to_text("<b>bold </b> <i> italic</i>"), "bold italic");
}

TEST(HtmlToText, ListsTablesImages) {
    EXPECT_EQ(html_to_text("<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>"), "- a\n  - b\n- c");
    EXPECT_EQ(html_to_text("<ol start=\"3\"><li>x</li><li><p>y</p><p>z</p></li></ol>"),
              "3. x\n4. y\n   z");
    EXPECT_EQ(html_to_text("<ul><li></li></ul>"), "-");
    EXPECT_EQ(html_to_text("<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr>"
                           "</table>"),
              "a | b\n1 | 2");
    EXPECT_EQ(html_to_text("<img src=\"x.png\" alt=\"pic\"> [sound:a.mp3]"), "pic [sound:a.mp3]");
    EXPECT_EQ(html_to_text("<img src=\"x.png\">"), "");
}

TEST(HtmlToText, MarkupInsideTextIsKept) {
    EXPECT_EQ(html_to_text("{{c1::Paris::city}} \\(x^2\\)"), "{{c1::Paris::city}} \\(x^2\\)");
}

TEST(HtmlToText, BrokenHtml) {
    EXPECT_EQ(html_to_text("<b>unterminated <i>tags"), "unterminated tags");
    EXPECT_EQ(html_to_text("a < b"), "a < b");
    EXPECT_EQ(html_to_text("</p>x</div>"), "x");
    // The HTML parser drops NUL characters in text, as browsers do.
    EXPECT_EQ(html_to_text(std::string("a\0b", 3)), "ab");
}
