// normalize_html_for_compare: each documented rule, as exact input -> output pairs.
#include <gtest/gtest.h>

#include "deckport/content.hpp"

using deckport::normalize_html_for_compare;

namespace {

void expect_normal(const char* html, const char* normal) {
    EXPECT_EQ(normalize_html_for_compare(html), normal) << html;
}

}  // namespace

TEST(NormalizeHtml, ParsesAndSerializesCanonically) {
    expect_normal("<IMG SRC='a.png' Alt=x>", "<p><img alt=\"x\" src=\"a.png\"></p>");
    expect_normal("<a title=\"t\" href=\"h\">x</a>", "<p><a href=\"h\" title=\"t\">x</a></p>");
    expect_normal("&lt;&amp;&gt;&quot;&#35;&nbsp;", "<p>&lt;&amp;&gt;\"#&nbsp;</p>");
    expect_normal("<br/>", "<p><br></p>");
    expect_normal("<p>unclosed <b>bold", "<p>unclosed <strong>bold</strong></p>");
}

TEST(NormalizeHtml, DropsWhatIsNotShown) {
    expect_normal("a<!-- c --><script>x()</script><style>p{}</style>b", "<p>ab</p>");
    expect_normal("<p></p><p> </p><div></div>", "");
    expect_normal("<b></b>x<i> </i>y", "<p>x y</p>");
    expect_normal("<img src=\"a\" alt=\"\">", "<p><img src=\"a\"></p>");
    expect_normal("<ol start=\"1\"><li>a</li></ol>", "<ol><li><p>a</p></li></ol>");
    // Found by fuzzing (tests/fuzz_regressions/content): an attribute name no HTML can write.
    expect_normal("<p\n<p>`</p>", "<p>`</p>");
    expect_normal("<pre`>", "");
    expect_normal("<b`>x</b`>", "<p>x</p>");
    // White space next to a block inside inline content is not shown.
    expect_normal("<u><p>a</p> <ul><li>b</li></ul> c</u>",
                  "<p><u><p>a</p><ul><li><p>b</p></li></ul>c</u></p>");
}

TEST(NormalizeHtml, SynonymsAndWrappers) {
    expect_normal("<b>a</b><i>b</i><s>c</s><strike>d</strike>",
                  "<p><strong>a</strong><em>b</em><del>c</del><del>d</del></p>");
    expect_normal("<span>a</span><font>b</font>", "<p>ab</p>");
    expect_normal("<span class=\"k\">a</span>", "<p><span class=\"k\">a</span></p>");
    expect_normal("<b>a<b>b</b></b>", "<p><strong>ab</strong></p>");
    expect_normal(
        "<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>b</td></tr></tbody>"
        "</table>",
        "<table><tr><th><p>a</p></th></tr><tr><td><p>b</p></td></tr></table>");
}

TEST(NormalizeHtml, LooseInlineContentFormsParagraphs) {
    const char* same[] = {"a<br>b",          "<div>a<br>b</div>", "<p>a<br>b</p>",
                          "<p>a<br>\nb</p>", " a <br> b ",        "<div><div>a<br>b</div></div>"};
    for (const char* html : same) expect_normal(html, "<p>a<br>b</p>");
    expect_normal("<div>a</div><div>b</div>", "<p>a</p><p>b</p>");
    expect_normal("a<div>b</div>c", "<p>a</p><p>b</p><p>c</p>");
    expect_normal("<ul><li>a</li><li><p>b</p></li></ul>",
                  "<ul><li><p>a</p></li><li><p>b</p></li></ul>");
    expect_normal("<blockquote>\n<p>q</p>\n</blockquote>", "<blockquote><p>q</p></blockquote>");
    expect_normal("<div class=\"c\">a</div>", "<div class=\"c\"><p>a</p></div>");
}

TEST(NormalizeHtml, WhiteSpace) {
    expect_normal("<p>  a \n\t b  </p>", "<p>a b</p>");
    expect_normal("<b>a </b>b", "<p><strong>a</strong> b</p>");
    expect_normal("a<b> b</b>", "<p>a <strong>b</strong></p>");
    expect_normal("a <b> b</b>", "<p>a <strong>b</strong></p>");
    expect_normal("<span class=\"x\"> </span>y", "<p><span class=\"x\"></span> y</p>");
    expect_normal("<pre>  a\n\n  b\n</pre>", "<pre>  a\n\n  b</pre>");
}

TEST(NormalizeHtml, PreAndCode) {
    expect_normal("<pre><code class=\"language-rust\">fn x() {}\n</code></pre>",
                  "<pre class=\"language-rust\">fn x() {}</pre>");
    expect_normal("<pre>fn x() {}</pre>", "<pre>fn x() {}</pre>");
    expect_normal("<code> a  b </code>", "<p><code>a b</code></p>");
}
