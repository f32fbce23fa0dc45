// markdown -> HTML: exact output for every construct deckport supports.
#include <gtest/gtest.h>

#include "deckport/content.hpp"

using deckport::markdown_to_html;

namespace {

struct Case {
    const char* markdown;
    const char* html;
};

void expect_all(const std::vector<Case>& cases) {
    for (const Case& c : cases) EXPECT_EQ(markdown_to_html(c.markdown), c.html) << c.markdown;
}

}  // namespace

TEST(MarkdownToHtml, ReferenceDeckFrontIsExact) {
    EXPECT_EQ(markdown_to_html("What is a `Mutex`?"), "<p>What is a <code>Mutex</code>?</p>");
}

TEST(MarkdownToHtml, ReferenceDeckCards) {
    expect_all({
        {"What is ```mpsc```?", "<p>What is <code>mpsc</code>?</p>"},
        {"What is **Mutex Poisoning**?", "<p>What is <strong>Mutex Poisoning</strong>?</p>"},
        {"**Multiple producer, single consumer.** \n\n"
         "> For scenarios where several threads send data to one receiver.",
         "<p><strong>Multiple producer, single consumer.</strong></p>\n<blockquote>\n"
         "<p>For scenarios where several threads send data to one receiver.</p>\n"
         "</blockquote>"},
        {"**Acquiring the Lock:** To use a Mutex.\n**Exclusive Access:** Once a thread has it.",
         "<p><strong>Acquiring the Lock:</strong> To use a Mutex.\n"
         "<strong>Exclusive Access:</strong> Once a thread has it.</p>"},
        {"A `Mutex` (short for mutual exclusion) guards **data races**. \n\n"
         "> Rust's Mutex type.",
         "<p>A <code>Mutex</code> (short for mutual exclusion) guards <strong>data "
         "races</strong>.</p>\n<blockquote>\n<p>Rust's Mutex type.</p>\n</blockquote>"},
    });
}

TEST(MarkdownToHtml, InlineMarkup) {
    expect_all({
        {"*em* _em_ **strong** __strong__",
         "<p><em>em</em> <em>em</em> <strong>strong</strong> "
         "<strong>strong</strong></p>"},
        {"~~gone~~ and ~gone~", "<p><del>gone</del> and <del>gone</del></p>"},
        {"`a < b` and ``x ` y``", "<p><code>a &lt; b</code> and <code>x ` y</code></p>"},
        {"[Rust](https://rust-lang.org \"The book\")",
         "<p><a href=\"https://rust-lang.org\" title=\"The book\">Rust</a></p>"},
        {"<https://x.org/a?b=1&c=2>",
         "<p><a href=\"https://x.org/a?b=1&amp;c=2\">https://x.org/a?b=1&amp;c=2</a></p>"},
        {"![a *cat*](cat.jpg \"Tom\")", "<p><img src=\"cat.jpg\" alt=\"a cat\" title=\"Tom\"></p>"},
        // URLs are kept as written: Anki finds media by the exact name in src.
        {"![](<my cat.jpg>)", "<p><img src=\"my cat.jpg\" alt=\"\"></p>"},
        {"a\\\nb", "<p>a<br>\nb</p>"},
        {"a  \nb", "<p>a<br>\nb</p>"},
        {"x <u>under</u> <span class=\"k\">y</span>",
         "<p>x <u>under</u> <span class=\"k\">y</span></p>"},
        {"\\*not em\\* 1 < 2 & \"q\"", "<p>*not em* 1 &lt; 2 &amp; &quot;q&quot;</p>"},
        // Character references stay as written; they are valid HTML.
        {"&copy; &nbsp; &#35;", "<p>&copy; &nbsp; &#35;</p>"},
    });
}

TEST(MarkdownToHtml, NulByteBecomesReplacementCharacter) {
    std::string markdown("a\0b", 3);
    EXPECT_EQ(markdown_to_html(markdown),
              "<p>a\xEF\xBF\xBD"
              "b</p>");
}

TEST(MarkdownToHtml, Blocks) {
    expect_all({
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

TEST(MarkdownToHtml, MathBecomesMathJax) {
    expect_all({
        {"$x^2$", "<p>\\(x^2\\)</p>"},
        {"$$\\sum_{i<n} a_i$$", "<p>\\[\\sum_{i&lt;n} a_i\\]</p>"},
        // TeX is not markdown: no emphasis, no escapes processed.
        {"$a_1 * b_2 * \\{c\\}$", "<p>\\(a_1 * b_2 * \\{c\\}\\)</p>"},
        {"**$x$**", "<p><strong>\\(x\\)</strong></p>"},
        {"`$x$`", "<p><code>$x$</code></p>"},
        {"\\$x\\$", "<p>$x$</p>"},
    });
}

TEST(MarkdownToHtml, DollarsThatAreNotMathStayText) {
    expect_all({
        {"costs $5 or $10", "<p>costs $5 or $10</p>"},
        {"$ x $", "<p>$ x $</p>"},
        {"$x$5", "<p>$x$5</p>"},
        {"just $5", "<p>just $5</p>"},
    });
}

TEST(MarkdownToHtml, ClozeMarkersSurvive) {
    expect_all({
        {"{{c1::Paris}} is the capital", "<p>{{c1::Paris}} is the capital</p>"},
        {"{{c1::Paris::a city}}", "<p>{{c1::Paris::a city}}</p>"},
        {"**{{c1::bold}}** {{c2::**inner**::hint: b}}",
         "<p><strong>{{c1::bold}}</strong> {{c2::<strong>inner</strong>::hint: b}}</p>"},
        {"`{{c1::code::hint}}`", "<p><code>{{c1::code::hint}}</code></p>"},
        {"{{c1::https://example.com}}", "<p>{{c1::https://example.com}}</p>"},
        {"{{c1::$x^2$}}", "<p>{{c1::\\(x^2\\)}}</p>"},
    });
}

TEST(MarkdownToHtml, TrailingWhitespaceIsTrimmed) {
    EXPECT_EQ(markdown_to_html(""), "");
    EXPECT_EQ(markdown_to_html("\n\n  \n"), "");
    EXPECT_EQ(markdown_to_html("x\n\n\n"), "<p>x</p>");
}
