// text -> HTML and text -> markdown, and dispatch on Content::kind.
#include <string_view>

#include <gtest/gtest.h>

#include "deckport/content.hpp"

using namespace deckport;

TEST(TextToHtml, EscapesAndBreaksLines) {
    EXPECT_EQ(text_to_html("a < b & \"c\" 'd'"), "a &lt; b &amp; &quot;c&quot; 'd'");
    EXPECT_EQ(text_to_html("one\ntwo\r\nthree\rfour"), "one<br>two<br>three<br>four");
    EXPECT_EQ(text_to_html("Vec<T>"), "Vec&lt;T&gt;");
    EXPECT_EQ(text_to_html(std::string("a\0b", 3)),
              "a\xEF\xBF\xBD"
              "b");
    EXPECT_EQ(text_to_html(""), "");
}

TEST(TextToMarkdown, EscapesWhatMarkdownWouldInterpret) {
    EXPECT_EQ(text_to_markdown("*star* _u_ snake_case `c` $5 \\ <tag> ~x~ a|b [x](y)"),
              "\\*star\\* \\_u\\_ snake_case \\`c\\` \\$5 \\\\ \\<tag> \\~x\\~ a\\|b \\[x](y)");
    EXPECT_EQ(text_to_markdown("# not heading"), "\\# not heading");
    EXPECT_EQ(text_to_markdown("1. not a list"), "1\\. not a list");
    EXPECT_EQ(text_to_markdown("- no\n+ no\n> no\n= no\n2) no"),
              "\\- no\\\n\\+ no\\\n\\> no\\\n\\= no\\\n2\\) no");
    EXPECT_EQ(text_to_markdown("a & b &amp; c&d &#35;"), "a & b \\&amp; c&d \\&#35;");
    EXPECT_EQ(text_to_markdown("[sound:a.mp3] {{c1::x::y}}"), "[sound:a.mp3] {{c1::x::y}}");
}

TEST(TextToMarkdown, LinesBecomeHardBreaks) {
    EXPECT_EQ(text_to_markdown("\n  one  \ntwo\n\nthree\n\n"), "one\\\ntwo\\\n\\\nthree");
    EXPECT_EQ(text_to_markdown(" \n "), "");
}

// The point of escaping: the text comes back as itself.
TEST(TextToMarkdown, RendersAsItself) {
    const char* texts[] = {
        "*star* _u_ snake_case `c` $5 and $10 \\ <tag> ~x~ a|b [x](y) ![i](j)",
        "# not heading",
        "1. not a list",
        "- no",
        "+ no",
        "> no",
        "a & b &amp; &#35; &copy;",
        "one\ntwo\n\nthree",
        "{{c1::Paris::city}} [sound:a.mp3]",
        "x = y\n===",
        "**",
        "_a_b_",
        "\\(x\\)",
        "<b>not bold</b>",
        "http://x.org <http://y.org>",
    };
    for (const char* text : texts) {
        EXPECT_EQ(markdown_to_text(text_to_markdown(text)), text) << text;
        if (std::string_view(text).find('\n') != std::string_view::npos) continue;
        EXPECT_EQ(markdown_to_html(text_to_markdown(text)), text_to_html(text)) << text;
    }
}

TEST(TextToMarkdown, LineBreaksRenderAsBr) {
    EXPECT_EQ(markdown_to_html(text_to_markdown("one\ntwo\n\nthree")),
              "one<br>\ntwo<br>\n<br>\nthree");
}

TEST(Dispatch, IdentityWhenTheKindMatches) {
    Content md{Markup::markdown, "**x**"};
    EXPECT_EQ(convert(md, Markup::markdown), md);
    EXPECT_EQ(to_markdown(md), "**x**");
    Content html{Markup::html, "<b>x</b>"};
    EXPECT_EQ(to_html(html), "<b>x</b>");
    Content text{Markup::text, "a < b"};
    EXPECT_EQ(to_text(text), "a < b");
}

TEST(Dispatch, ConvertsBetweenKinds) {
    Content md{Markup::markdown, "**x** < y"};
    EXPECT_EQ(convert(md, Markup::html), (Content{Markup::html, "<strong>x</strong> &lt; y"}));
    EXPECT_EQ(convert(md, Markup::text), (Content{Markup::text, "x < y"}));
    Content text{Markup::text, "a < b\nc"};
    EXPECT_EQ(to_html(text), "a &lt; b<br>c");
    EXPECT_EQ(to_markdown(text), "a \\< b\\\nc");
    Content html{Markup::html, "<div>a &amp; b</div><div>c</div>"};
    EXPECT_EQ(to_text(html), "a & b\nc");
}
