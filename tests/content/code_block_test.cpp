// Code blocks keep every byte: md4c writes the white space that starts a code line as spaces,
// deckport puts the source's own tabs back (issue 11: a Makefile in a code block broke).
#include <gtest/gtest.h>

#include "deckport/content.hpp"

using deckport::html_to_markdown;
using deckport::markdown_to_html;
using deckport::markdown_to_text;

TEST(CodeBlocks, TabsStayTabs) {
    EXPECT_EQ(markdown_to_html("```make\nall:\n\techo hi\n\t\tdeeper\n```"),
              "<pre><code class=\"language-make\">all:\n\techo hi\n\t\tdeeper\n</code></pre>");
    // tabs and spaces mixed, a line of white space only, tabs inside a line
    EXPECT_EQ(markdown_to_html("```\n \tx\n\t \n\t y\ta\n```"),
              "<pre><code> \tx\n\t \n\t y\ta\n</code></pre>");
    // an indented code block: the first four columns are markdown's
    EXPECT_EQ(markdown_to_html("\t\tx\n    \ty"), "<pre><code>\tx\n\ty\n</code></pre>");
    EXPECT_EQ(markdown_to_html("```\r\n\tx\r\n```"), "<pre><code>\tx\n</code></pre>");
}

TEST(CodeBlocks, InsideContainers) {
    EXPECT_EQ(markdown_to_html("> ```\n> \tx\n> ```"),
              "<blockquote>\n<pre><code>\tx\n</code></pre>\n</blockquote>");
    EXPECT_EQ(markdown_to_html("- a\n\n  ```\n  \tx\n  ```"),
              "<ul>\n<li><p>a</p>\n<pre><code>\tx\n</code></pre>\n</li>\n</ul>");
    // a tab that the list item's indentation takes two columns of: CommonMark's spaces
    EXPECT_EQ(markdown_to_html("- a\n\n  ```\n\tx\n  ```"),
              "<ul>\n<li><p>a</p>\n<pre><code>  x\n</code></pre>\n</li>\n</ul>");
}

TEST(CodeBlocks, TextKeepsTabs) {
    EXPECT_EQ(markdown_to_text("Run:\n\n```\nall:\n\techo hi\n```"), "Run:\nall:\n\techo hi");
}

TEST(CodeBlocks, HtmlToMarkdownAndBack) {
    const char* html =
        "<pre><code class=\"language-make\">all:\n\techo &quot;$x&quot;\n"
        "\t\t\\(y\\)\n</code></pre>";
    std::string markdown = html_to_markdown(html);
    EXPECT_EQ(markdown, "```make\nall:\n\techo \"$x\"\n\t\t\\(y\\)\n```");
    EXPECT_EQ(markdown_to_html(markdown), html);
}
