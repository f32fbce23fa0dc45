// markdown -> HTML: exact output for every construct deckport supports.
#include <gtest/gtest.h>

#include "deckport/content.hpp"
#include "html_cases.hpp"

using deckport::markdown_to_html;

using deckport::test::expect_all_html;

TEST(MarkdownToHtml, ReferenceDeckFrontIsExact) {
    EXPECT_EQ(markdown_to_html("What is a `Mutex`?"), "What is a <code>Mutex</code>?");
}

TEST(MarkdownToHtml, ReferenceDeckCards) {
    expect_all_html({
        {"What is ```mpsc```?", "What is <code>mpsc</code>?"},
        {"What is **Mutex Poisoning**?", "What is <strong>Mutex Poisoning</strong>?"},
        {"**Multiple producer, single consumer.** \n\n"
         "> For scenarios where several threads send data to one receiver.",
         "<p><strong>Multiple producer, single consumer.</strong></p>\n<blockquote>\n"
         "<p>For scenarios where several threads send data to one receiver.</p>\n"
         "</blockquote>"},
        {"**Acquiring the Lock:** To use a Mutex.\n**Exclusive Access:** Once a thread has it.",
         "<strong>Acquiring the Lock:</strong> To use a Mutex.\n"
         "<strong>Exclusive Access:</strong> Once a thread has it."},
        {"A `Mutex` (short for mutual exclusion) guards **data races**. \n\n"
         "> Rust's Mutex type.",
         "<p>A <code>Mutex</code> (short for mutual exclusion) guards <strong>data "
         "races</strong>.</p>\n<blockquote>\n<p>Rust's Mutex type.</p>\n</blockquote>"},
    });
}

TEST(MarkdownToHtml, InlineMarkup) {
    expect_all_html({
        {"*em* _em_ **strong** __strong__",
         "<em>em</em> <em>em</em> <strong>strong</strong> "
         "<strong>strong</strong>"},
        {"~~gone~~ and ~gone~", "<del>gone</del> and <del>gone</del>"},
        {"`a < b` and ``x ` y``", "<code>a &lt; b</code> and <code>x ` y</code>"},
        {"[Rust](https://rust-lang.org \"The book\")",
         "<a href=\"https://rust-lang.org\" title=\"The book\">Rust</a>"},
        {"<https://x.org/a?b=1&c=2>",
         "<a href=\"https://x.org/a?b=1&amp;c=2\">https://x.org/a?b=1&amp;c=2</a>"},
        {"![a *cat*](cat.jpg \"Tom\")", "<img src=\"cat.jpg\" alt=\"a cat\" title=\"Tom\">"},
        // URLs are kept as written: Anki finds media by the exact name in src.
        {"![](<my cat.jpg>)", "<img src=\"my cat.jpg\">"},
        {"a\\\nb", "a<br>\nb"},
        {"a  \nb", "a<br>\nb"},
        {"x <u>under</u> <span class=\"k\">y</span>", "x <u>under</u> <span class=\"k\">y</span>"},
        {"\\*not em\\* 1 < 2 & \"q\"", "*not em* 1 &lt; 2 &amp; &quot;q&quot;"},
        // Character references stay as written; they are valid HTML.
        {"&copy; &nbsp; &#35;", "&copy; &nbsp; &#35;"},
    });
}

TEST(MarkdownToHtml, NulByteBecomesReplacementCharacter) {
    std::string markdown("a\0b", 3);
    EXPECT_EQ(markdown_to_html(markdown),
              "a\xEF\xBF\xBD"
              "b");
}

TEST(MarkdownToHtml, Blocks) {
    expect_all_html({
        {"# One\n\n###### Six", "<h1>One</h1>\n<h6>Six</h6>"},
        {"Title\n=====", "<h1>Title</h1>"},
        {"> quoted\n> > nested",
         "<blockquote>\n<p>quoted</p>\n<blockquote>\n<p>nested</p>\n"
         "</blockquote>\n</blockquote>"},
        {"- a\n  - b\n- c", "<ul>\n<li>a<ul>\n<li>b</li>\n</ul>\n</li>\n<li>c</li>\n</ul>"},
        {"3. x\n4. y", "<ol start=\"3\">\n<li>x</li>\n<li>y</li>\n</ol>"},
        {"- a\n\n- b", "<ul>\n<li><p>a</p>\n</li>\n<li><p>b</p>\n</li>\n</ul>"},
        {"```rust\nfn main() {}\n```",
         "<pre><code class=\"language-rust\">fn main() {}\n"
         "</code></pre>"},
        {"    indented <code>", "<pre><code>indented &lt;code&gt;\n</code></pre>"},
        {"a\n\n---\n\nb", "<p>a</p>\n<hr>\n<p>b</p>"},
        {"<div class=\"x\">\n*raw*\n</div>", "<div class=\"x\">\n*raw*\n</div>"},
        {"| a | b |\n|:--|--:|\n| 1 | 2 |",
         "<table>\n<thead>\n<tr>\n<th align=\"left\">a</th>\n<th align=\"right\">b</th>\n"
         "</tr>\n</thead>\n<tbody>\n<tr>\n<td align=\"left\">1</td>\n<td align=\"right\">2</td>\n"
         "</tr>\n</tbody>\n</table>"},
    });
}

// A field of one paragraph is its text, as Anki's editor writes a field (a `<p>` would add a
// margin on the card); a field of several blocks keeps a `<p>` per paragraph.
TEST(MarkdownToHtml, OneParagraphIsNotWrapped) {
    expect_all_html({
        {"text", "text"},
        {"one\ntwo", "one\ntwo"},
        {"a\n\nb", "<p>a</p>\n<p>b</p>"},
        {"a\n\n- b", "<p>a</p>\n<ul>\n<li>b</li>\n</ul>"},
        {"- b\n\na", "<ul>\n<li>b</li>\n</ul>\n<p>a</p>"},
        {"# h", "<h1>h</h1>"},
        {"> a", "<blockquote>\n<p>a</p>\n</blockquote>"},
        // Raw HTML is written as it stands, a `<p>` of its own included.
        {"<p>raw</p>", "<p>raw</p>"},
        {"<p>raw</p>\n\nb", "<p>raw</p>\n<p>b</p>"},
    });
}

// `![](x)` has no alt text, and its tag no alt attribute: Anki's editor writes `<img src="x">`.
TEST(MarkdownToHtml, ImageWithoutAltTextHasNoAlt) {
    expect_all_html({
        {"![](a.png)", "<img src=\"a.png\">"},
        {"![](a.png \"t\")", "<img src=\"a.png\" title=\"t\">"},
        {"![a](a.png)", "<img src=\"a.png\" alt=\"a\">"},
        {"![**b**](a.png \"t\")", "<img src=\"a.png\" alt=\"b\" title=\"t\">"},
        {"x ![](a.png) y\n\nz", "<p>x <img src=\"a.png\"> y</p>\n<p>z</p>"},
    });
}

TEST(MarkdownToHtml, MathBecomesMathJax) {
    expect_all_html({
        {"$x^2$", "\\(x^2\\)"},
        {"$$\\sum_{i<n} a_i$$", "\\[\\sum_{i&lt;n} a_i\\]"},
        // TeX is not markdown: no emphasis, no escapes processed.
        {"$a_1 * b_2 * \\{c\\}$", "\\(a_1 * b_2 * \\{c\\}\\)"},
        {"**$x$**", "<strong>\\(x\\)</strong>"},
        {"`$x$`", "<code>$x$</code>"},
        {"\\$x\\$", "$x$"},
    });
}

TEST(MarkdownToHtml, DollarsThatAreNotMathStayText) {
    expect_all_html({
        {"costs $5 or $10", "costs $5 or $10"},
        {"$ x $", "$ x $"},
        {"$x$5", "$x$5"},
        {"just $5", "just $5"},
    });
}

TEST(MarkdownToHtml, ClozeMarkersSurvive) {
    expect_all_html({
        {"{{c1::Paris}} is the capital", "{{c1::Paris}} is the capital"},
        {"{{c1::Paris::a city}}", "{{c1::Paris::a city}}"},
        {"**{{c1::bold}}** {{c2::**inner**::hint: b}}",
         "<strong>{{c1::bold}}</strong> {{c2::<strong>inner</strong>::hint: b}}"},
        {"`{{c1::code::hint}}`", "<code>{{c1::code::hint}}</code>"},
        {"{{c1::https://example.com}}", "{{c1::https://example.com}}"},
        {"{{c1::$x^2$}}", "{{c1::\\(x^2\\)}}"},
    });
}

TEST(MarkdownToHtml, TrailingWhitespaceIsTrimmed) {
    EXPECT_EQ(markdown_to_html(""), "");
    EXPECT_EQ(markdown_to_html("\n\n  \n"), "");
    EXPECT_EQ(markdown_to_html("x\n\n\n"), "x");
}
