// Hostile input: deep nesting, huge runs of markup characters, NUL bytes, invalid UTF-8,
// unterminated tags. Every conversion must finish and give sane output.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "content/html_guard.hpp"
#include "deckport/content.hpp"

using namespace deckport;

namespace {

std::string repeat(std::string_view piece, std::size_t times) {
    std::string out;
    out.reserve(piece.size() * times);
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
}

// Runs every conversion that accepts this kind of input, and the round trips.
void convert_everything(const std::string& input) {
    std::string html = markdown_to_html(input);
    std::string text = markdown_to_text(input);
    std::string markdown = html_to_markdown(input);
    EXPECT_FALSE(html_to_text(input).empty() && text.empty() && html.empty() && markdown.empty() &&
                 !input.empty() && input.find_first_not_of(" \n") != std::string::npos &&
                 input.find_first_not_of(std::string("<>*_[]$`!\0 \n", 12)) != std::string::npos);
    html_to_markdown(html);
    html_to_text(html);
    normalize_html_for_compare(html);
    normalize_html_for_compare(input);
    markdown_to_html(markdown);
    text_to_html(input);
    markdown_to_html(text_to_markdown(input));
}

}  // namespace

TEST(Hostile, DeeplyNestedMarkdownContainers) {
    for (const char* piece : {"> ", "- ", "1. ", "* > "}) {
        std::string input = repeat(piece, 10000) + "x";
        SCOPED_TRACE(piece);
        convert_everything(input);
        EXPECT_EQ(markdown_to_text(input).back(), 'x');
    }
    // Nesting by indentation: one level per line.
    std::string list;
    for (int i = 0; i < 1000; ++i) list += std::string(2 * i, ' ') + "- item\n";
    convert_everything(list);
}

TEST(Hostile, DeeplyNestedHtml) {
    for (const char* piece :
         {"<div>", "<blockquote>", "<b>", "<span>", "<ul><li>", "<table><tr><td>", "<b><i><u><s>",
          "<a href=x>", "<rt>", "<p><object>"}) {
        SCOPED_TRACE(piece);
        std::string input = repeat(piece, 10000) + "deep text";
        convert_everything(input);
        EXPECT_NE(html_to_text(input).find("deep text"), std::string::npos);
        EXPECT_NE(normalize_html_for_compare(input).find("deep text"), std::string::npos);
    }
    // Balanced, deep and repeated.
    convert_everything(repeat(repeat("<div>", 600) + "x" + repeat("</div>", 600), 20));
}

TEST(Hostile, TagsTheGuardMustSeeThrough) {
    // Comments, raw text and misnested tables that hide or fake the closing of elements.
    for (const char* piece : {"<!--><div>", "<div><script></div></script>", "<div><table></div>",
                              "<b><div></b>", "<rect/>", "<div><!--</div>-->",
                              "<textarea></div></textarea><div>", "<div title='</div>'>"}) {
        SCOPED_TRACE(piece);
        convert_everything(repeat(piece, 20000) + "end");
    }
}

TEST(Hostile, FormattingElementsCopiedIntoEveryBlock) {
    std::string distinct;
    for (int i = 0; i < 20000; ++i) distinct += "<b class=c" + std::to_string(i) + ">";
    convert_everything(distinct + repeat("<p>x", 20000));
    convert_everything("<b title=\"" + std::string(300000, 'a') + "\">" + repeat("<p>x", 50000));
}

// One tag with tens of thousands of attributes: finding duplicates among them is quadratic in
// every HTML parser, so the guard keeps the first 256 distinct ones of such a field.
TEST(Hostile, TensOfThousandsOfAttributesOnOneTag) {
    std::string distinct = "<b";
    for (int i = 0; i < 60000; ++i) distinct += " a" + std::to_string(i) + "=1";
    distinct += ">bold</b>";
    std::optional<std::string> tamed = content::tame_html(distinct);
    ASSERT_TRUE(tamed.has_value());
    EXPECT_EQ(std::count(tamed->begin(), tamed->end(), '='), 256);
    EXPECT_EQ(tamed->substr(0, 14), "<b a0=\"1\" a1=\"");
    convert_everything(distinct);
    EXPECT_EQ(html_to_text(distinct), "bold");

    std::string same = "<i" + repeat(" a=1 b", 60000) + " c=2>x</i>";
    tamed = content::tame_html(same);
    ASSERT_TRUE(tamed.has_value());
    EXPECT_EQ(*tamed, "<i a=\"1\" b=\"\" c=\"2\">x</i>");
    convert_everything(same);
}

TEST(Hostile, HugeRunsOfMarkupCharacters) {
    convert_everything(std::string(1 << 20, '*'));  // 1 MiB
    for (char c : {'_', '[', ']', '$', '`', '<', '>', '!', '&', '\\', '|', '~', '#', '{'}) {
        SCOPED_TRACE(std::string(1, c));
        convert_everything(std::string(1 << 17, c));
    }
    convert_everything(repeat("*a", 100000));
    convert_everything(repeat("[a](", 50000));
    convert_everything(repeat("$a", 100000));
    convert_everything(repeat("\\(x", 200000));
    convert_everything(repeat("{{c1::", 100000));
}

TEST(Hostile, NulBytesAndInvalidUtf8) {
    std::string nul("a\0b\0<b>\0</b>\0$\0$ `\0`", 21);
    convert_everything(nul);
    EXPECT_EQ(markdown_to_text(nul).find('\0'), std::string::npos);
    std::string invalid = "\xFF\xFE <b>\xC3</b> \xE2\x82 **\xF0\x9F\x98** \xED\xA0\x80 _\x80_";
    convert_everything(invalid);
    convert_everything(repeat("\xC3", 100000));
    convert_everything(repeat("\xE2\x82<b>", 5000));
}

TEST(Hostile, UnterminatedMarkup) {
    for (const char* input : {"<div",
                              "<div class=\"x",
                              "<b>bold <i>both",
                              "<!-- open",
                              "<![CDATA[",
                              "<a href='",
                              "</",
                              "<",
                              "&",
                              "&#",
                              "&#x",
                              "&#99999999999;",
                              "```\nunclosed fence",
                              "$unclosed math",
                              "[link](<unclosed",
                              "<pre>\n\n\n",
                              "<table><tr><td>",
                              "<script>never closed",
                              "<textarea>never closed",
                              "<plaintext><b>x"}) {
        SCOPED_TRACE(input);
        convert_everything(input);
    }
}
