// Math in markdown: `$…$`, `$$…$$`, `\(…\)` and `\[…\]` all reach HTML as MathJax's `\(…\)` /
// `\[…\]` with their TeX byte for byte, and HTML -> markdown -> HTML keeps them exactly.
#include <gtest/gtest.h>

#include "deckport/content.hpp"
#include "html_cases.hpp"

using deckport::html_to_markdown;
using deckport::markdown_to_html;
using deckport::markdown_to_text;

using deckport::test::expect_all_html;

// The bug of issue 11: `\(a^2\)` arrived as `(a^2)` and `\,` lost its backslash.
TEST(Math, BackslashDelimitersAreMath) {
    expect_all_html({
        {"\\(a^2 + b^2 = c^2\\)", "\\(a^2 + b^2 = c^2\\)"},
        {"\\[\\int_0^1 x\\,dx\\]", "\\[\\int_0^1 x\\,dx\\]"},
        {"a \\(x\\) b \\[y\\] c", "a \\(x\\) b \\[y\\] c"},
        {"\\(\\)", "\\(\\)"},
        {"\\[\\]", "\\[\\]"},
        // No whitespace or digit rule: these delimiters are unambiguous.
        {"\\( x \\)5", "\\( x \\)5"},
    });
}

TEST(Math, TexIsNotMarkdown) {
    expect_all_html({
        // escapes, emphasis, code, HTML, entities and links inside math are TeX
        {"\\(a_1 * b_2 * c_3\\)", "\\(a_1 * b_2 * c_3\\)"},
        {"\\(\\{x\\} \\\\ \\, \\; \\!\\)", "\\(\\{x\\} \\\\ \\, \\; \\!\\)"},
        {"\\(a<b>c\\)", "\\(a&lt;b&gt;c\\)"},
        {"\\(a &amp; b\\)", "\\(a &amp;amp; b\\)"},
        {"\\(`x` [l](u)\\)", "\\(`x` [l](u)\\)"},
        {"\\(a  b\tc\\)", "\\(a  b\tc\\)"},
        {"\\(a $b\\)", "\\(a $b\\)"},
        // math wins over emphasis that would cross it
        {"*a \\(b* c\\)", "*a \\(b* c\\)"},
        {"$a_1  *  b$", "\\(a_1  *  b\\)"},
    });
}

TEST(Math, InsideMarkupAndAroundIt) {
    expect_all_html({
        {"*x \\(a_1 * b_2\\)*", "<em>x \\(a_1 * b_2\\)</em>"},
        {"**\\(x\\)**", "<strong>\\(x\\)</strong>"},
        {"[\\(x\\)](u)", "<a href=\"u\">\\(x\\)</a>"},
        {"![\\(x\\) y](i.png)", "<img src=\"i.png\" alt=\"x y\">"},
        {"# \\(x_1\\)", "<h1>\\(x_1\\)</h1>"},
        {"| \\(a_1\\) |\n|---|\n| \\[b\\] |",
         "<table>\n<thead>\n<tr>\n<th>\\(a_1\\)</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
         "<td>\\[b\\]</td>\n</tr>\n</tbody>\n</table>"},
        {"{{c1::\\(x^2\\)}}", "{{c1::\\(x^2\\)}}"},
        {"\\(a\\)\\(b\\)", "\\(a\\)\\(b\\)"},
        {"$a$ \\(b\\) $$c$$", "\\(a\\) \\(b\\) \\[c\\]"},
        // ordinary dollars around masked math stay text
        {"costs $5 and \\(x\\) or $10", "costs $5 and \\(x\\) or $10"},
        {"$ \\(x\\) $", "$ \\(x\\) $"},
    });
}

TEST(Math, LinesOfDisplayMath) {
    expect_all_html({
        {"\\[\n\\int_0^1 x\\,dx\n\\]", "\\[\n\\int_0^1 x\\,dx\n\\]"},
        // markdown's own indentation and blockquote markers are not TeX
        {"- \\[a\n  = b\\]", "<ul>\n<li>\\[a\n= b\\]</li>\n</ul>"},
        {"> \\(a\n> b\\)", "<blockquote>\n<p>\\(a\nb\\)</p>\n</blockquote>"},
    });
}

TEST(Math, WhatIsNotMath) {
    expect_all_html({
        // in code it is code
        {"`\\(x\\)`", "<code>\\(x\\)</code>"},
        {"```\n\\(x\\)\n```", "<pre><code>\\(x\\)\n</code></pre>"},
        {"    \\[x\\]", "<pre><code>\\[x\\]\n</code></pre>"},
        // an escaped backslash: `\\(` is a backslash and a parenthesis
        {"\\\\(x\\\\)", "\\(x\\)"},
        {"\\\\\\(x\\)", "\\\\(x\\)"},
        // never across blocks; an opening delimiter without its closing one is text
        {"\\(a\n\nb\\)", "<p>(a</p>\n<p>b)</p>"},
        {"\\(a", "(a"},
        {"a\\)", "a)"},
        {"\\[1]", "[1]"},
        // a `$…$` span holds TeX, `\(` included
        {"$\\(x\\)$", "\\(\\(x\\)\\)"},
        // in raw HTML
        {"<span title=\"\\(x\\)\">t</span>", "<span title=\"\\(x\\)\">t</span>"},
        // right next to `$` math it stays text (its mask would make a `$$`)
        {"$a$\\(b\\)", "\\(a\\)(b)"},
    });
}

// The text of a field reads the same in markdown and in HTML: MathJax's delimiters stay.
TEST(Math, TextKeepsTheDelimiters) {
    EXPECT_EQ(markdown_to_text("area \\(\\pi r^2\\) or \\[x_1\\] or $y$"),
              "area \\(\\pi r^2\\) or \\[x_1\\] or \\(y\\)");
    EXPECT_EQ(markdown_to_text("*a \\(b* c\\)"), "*a \\(b* c\\)");
    EXPECT_EQ(markdown_to_text("*a \\(b* c\\)"),
              deckport::html_to_text(markdown_to_html("*a \\(b* c\\)")));
}

TEST(Math, HtmlToMarkdownKeepsTheDelimiters) {
    struct HtmlCase {
        const char* html;
        const char* markdown;
    };
    const HtmlCase cases[] = {
        {"\\(a^2 + b^2 = c^2\\)", "\\(a^2 + b^2 = c^2\\)"},
        {"\\[\\int_0^1 x\\,dx\\]", "\\[\\int_0^1 x\\,dx\\]"},
        {"<b>\\(a_1 * b_2\\)</b> and [1]", "**\\(a_1 * b_2\\)** and \\[1]"},
        {"\\(x\\)\\(y\\) and \\[\\]", "\\(x\\)\\(y\\) and \\[\\]"},
        {"\\[a\nb\\]", "\\[a\nb\\]"},
        // TeX lines that markdown would read as a list: written as text, still MathJax
        {"\\[a\n- b\\]", "\\\\\\[a - b\\\\]"},
        {"<a href=\"u\">see [1] \\(x\\)</a>", "[see \\[1&#93; \\(x\\)](u)"},
        {"$5 \\(x\\)", "\\$5 \\(x\\)"},
        {"\\\\(x\\)", "\\\\\\(x\\)"},
    };
    for (const HtmlCase& c : cases) {
        EXPECT_EQ(html_to_markdown(c.html), c.markdown) << c.html;
        EXPECT_EQ(deckport::normalize_html_for_compare(markdown_to_html(c.markdown)),
                  deckport::normalize_html_for_compare(c.html))
            << c.html;
    }
}

// apkg -> md -> apkg: the HTML that comes back is the HTML that went in, byte for byte.
TEST(Math, AnkiFieldsComeBackExactly) {
    const char* fields[] = {
        "\\(a^2 + b^2 = c^2\\)",
        "Integrate \\[\\int_0^1 x\\,dx\\] and \\(\\{a \\mid a_1 * a_2\\}\\)",
        "\\(x &lt; y\\) and \\(a\\)\\(b\\)",
        "{{c1::\\(\\frac{1}{2}\\)}}",
        "<p>\\(a\\)</p>\n<p>\\[b\\]</p>",
    };
    for (const char* html : fields) {
        EXPECT_EQ(markdown_to_html(html_to_markdown(html)), html) << html_to_markdown(html);
    }
}
