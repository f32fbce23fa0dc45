// The simple HTML parser against gumbo: on every input it accepts, the same tree.
#include <cctype>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "content/html_tree.hpp"
#include "content/simple_html.hpp"
#include "deckport/format.hpp"
#include "deckport/io.hpp"
#include "test_support.hpp"

using namespace deckport;
using namespace deckport::content;
namespace fs = std::filesystem;

namespace {

// Whether the simple parser took `html`; when it did, its tree must be gumbo's.
bool accepted_and_same(const std::string& html) {
    GumboArena arena;
    if (parse_simple_html(html, arena) == nullptr) return false;
    std::string difference;
    EXPECT_TRUE(simple_parser_agrees_with_gumbo(html, &difference)) << "input: " << html << "\n"
                                                                    << difference;
    return true;
}

}  // namespace

TEST(SimpleHtml, TakesTheHtmlOfEverydayFields) {
    const char* fields[] = {
        "",
        "plain text",
        "  \n\t ",
        "What does <code>Arc::clone</code> do?",
        "<b>bold</b> and <i>italic</i> and <u>under</u>",
        "line<br>break<br/>again<br />",
        "<div>one</div><div>two<br></div>",
        "<div><b>nested <i>deep <u>deeper</u></i></b></div>",
        "<img src=\"paste-1234.jpg\">",
        "<img src='a b.png' alt=diagram>",
        "<a href=\"https://example.com/?a=1&amp;b=2\">link</a>",
        "AT&amp;T &lt;tag&gt; &quot;quoted&quot; non&nbsp;breaking",
        "&#233;t&#xE9; &#x1F600;",
        "a & b, 1 < 2, x > y",
        "<ul><li>one</li><li>two<ul><li>inner</li></ul></li></ul>",
        "<ol><li>first</li></ol>x",
        "<pre>\ncode\n  indented</pre>",
        "<pre>no leading newline</pre>",
        "<p>para</p><p>graph</p>",
        "<h1>Title</h1><h2>Sub <b>bold</b></h2>",
        "<blockquote>quoted <em>text</em></blockquote><hr>",
        "<span style=\"color: rgb(255, 0, 0);\">red</span>",
        "<font color=\"#ff0000\" face=Arial>old</font>",
        "H<sub>2</sub>O and x<sup>2</sup>",
        "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80 unicode",
        "{{c1::cloze}} and {{c2::another::hint}}",
        "<b>unclosed bold",
        "<div>unclosed <span>span",
        "<B CLASS=\"X\">upper</B>",
        "<b\nclass=x\n>newlines in tag</b>",
        "[sound:audio.mp3] \\(x^2\\) \\[y\\]",
    };
    for (const char* html : fields) {
        EXPECT_TRUE(accepted_and_same(html)) << "declined: " << html;
    }
}

TEST(SimpleHtml, LeavesEverythingElseToGumbo) {
    const std::string fields[] = {
        "<table><tr><td>cell</td></tr></table>",
        "<!-- comment -->text",
        "<!DOCTYPE html>",
        "<?xml version=\"1.0\"?>",
        "<p>para<div>block closes the paragraph</div>",
        "<b><i>misnested</b></i>",
        "<li>one<li>two",
        "<ul><li>one<li>two</ul>",
        "<h1>one<h2>two</h2></h1>",
        "<a href=x>one<a href=y>two</a></a>",
        "<div/>self-closed div",
        "<b class=a class=b>duplicate</b>",
        "<span>x</div>",
        "</b>stray end tag",
        "text</br>",
        "&copy; 2024",
        "&amp no semicolon",
        "&#0; &#x110000;",
        "&#128;",
        "&#32;",
        "line\r\nbreak",
        std::string("nul\0byte", 8),
        "bad \xFF utf-8",
        "overlong \xC0\xAF",
        "surrogate \xED\xA0\x80",
        "\xEF\xBB\xBF"
        "bom",
        "<script>alert(1)</script>",
        "<style>b{}</style>",
        "<textarea>\ntext</textarea>",
        "<svg><circle/></svg>",
        "<custom-element>x</custom-element>",
        "<b class=\"a\"title=\"b\">no space between attributes</b>",
        "<img src=>",
        "<img src=a\"b>",
        "<b",
        "<b class=\"unterminated",
        "</ b>",
        "<nobr>x</nobr>",
        "<dl><dt>term<dd>definition</dl>",
        // Attribute names past ASCII (gumbo makes invalid ones U+FFFD, found by a review).
        "<b \xff>x</b>",
        "<b \x7f=1>x</b>",
        "<b x\xc2\x85>x</b>",
        "<b \xef\xbf\xbe>x</b>",
        "<b \xed\xa0\x80>x</b>",
        "<b \xff \xfe>x</b>",
        "<b \xc3\xa9=1>x</b>",
        "<b a0 a1 a2 a3 a4 a5 a6 a7 a8 a9 b0 b1 b2 b3 b4 b5 b6 b7 b8 b9 c0 c1 c2 c3 c4 c5 c6 c7 c8 "
        "c9 d0 d1 d2>33 attributes</b>",
    };
    for (const std::string& html : fields) {
        GumboArena arena;
        EXPECT_EQ(parse_simple_html(html, arena), nullptr) << "accepted: " << html;
        // And the fragment still parses it, with gumbo.
        EXPECT_TRUE(HtmlFragment(html).parsed_by_gumbo()) << html;
    }
}

TEST(SimpleHtml, FragmentsUseItWhenTheyCan) {
    EXPECT_FALSE(HtmlFragment("<b>x</b><br>").parsed_by_gumbo());
    EXPECT_TRUE(HtmlFragment("<table></table>").parsed_by_gumbo());
    EXPECT_TRUE(HtmlFragment("<b>x</b>", HtmlParser::gumbo).parsed_by_gumbo());
}

// Random fields from a grammar of tags, attributes, references and text, well-formed or not:
// every one the simple parser accepts gives gumbo's tree, and it accepts a fair share.
TEST(SimpleHtml, RandomFieldsGiveGumbosTree) {
    static const char* kTags[] = {
        "b",     "i",   "u",   "em",         "strong",   "code",    "s",  "font",   "a",  "span",
        "sub",   "sup", "q",   "mark",       "del",      "div",     "p",  "ul",     "ol", "li",
        "h1",    "h3",  "pre", "blockquote", "center",   "section", "br", "img",    "hr", "wbr",
        "table", "td",  "tr",  "nobr",       "textarea", "dl",      "dt", "custom", "B",  "Div"};
    static const char* kText[] = {
        "a",     "word ", " ",      "\n",        "\t",           "  x  ",  "\xC3\xA9",
        "&amp;", "&lt;",  "&nbsp;", "&#233;",    "&#x41;",       "&copy;", "&",
        "< ",    ">",     "&#10;",  "{{c1::x}}", "\xE2\x80\x8B", "'\"",    "=",
    };
    static const char* kAttributes[] = {
        " class=\"c\"",
        " id=x",
        " style='color:red'",
        " href=\"a?b=1&amp;c=2\"",
        " src=\"pic.png\"",
        " data-x",
        " title=\"&quot;q&quot;\"",
        " CLASS=up",
        " a=1 a=2",
        " alt=\"x\"/",
        " x=\"\"",
        " v=a&b",
        " w=\"&#xE9;\"",
        " \xc3\xa9=1",
        " \xff",
        " t=\"\xe2\x82\xac\"",
    };
    std::mt19937 random(20261207);
    auto pick = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
    int accepted = 0;
    const int kFields = 50000;
    for (int field = 0; field < kFields; ++field) {
        std::string html;
        std::vector<std::string> open;
        std::size_t pieces = 1 + pick(14);
        for (std::size_t i = 0; i < pieces; ++i) {
            std::size_t what = pick(10);
            if (what < 4) {
                html += kText[pick(std::size(kText))];
            } else if (what < 7) {
                std::string tag = kTags[pick(std::size(kTags))];
                html += "<" + tag;
                if (pick(3) == 0) html += kAttributes[pick(std::size(kAttributes))];
                html += pick(12) == 0 ? "/>" : ">";
                open.push_back(tag);
            } else if (!open.empty()) {
                // Mostly the innermost tag; sometimes another, to misnest.
                std::size_t index = pick(5) == 0 ? pick(open.size()) : open.size() - 1;
                std::string tag = open[index];
                if (pick(4) == 0) tag[0] = static_cast<char>(std::toupper(tag[0]));
                html += "</" + tag + (pick(8) == 0 ? " >" : ">");
                open.erase(open.begin() + static_cast<std::ptrdiff_t>(index));
            }
        }
        while (!open.empty() && pick(4) != 0) {
            html += "</" + open.back() + ">";
            open.pop_back();
        }
        if (accepted_and_same(html)) ++accepted;
        if (::testing::Test::HasFailure()) break;  // one input is enough to debug
    }
    std::cout << "simple parser took " << accepted << " of " << kFields << " fields\n";
    EXPECT_GT(accepted, kFields / 5) << "the simple parser took too few of the fields";
}

// Fields written by Anki and other tools: every one the simple parser takes gives gumbo's tree.
TEST(SimpleHtml, RealFieldsGiveGumbosTree) {
    DECKPORT_REQUIRE_FIXTURES();
    std::vector<std::string> fields;
    for (const auto& entry : fs::recursive_directory_iterator(test::fixtures_dir())) {
        std::string extension = entry.path().extension().string();
        if (extension != ".apkg" && extension != ".colpkg") continue;
        const Format* apkg = builtin_formats().find("apkg");
        ASSERT_NE(apkg, nullptr);
        Diagnostics diagnostics;
        ReadContext context{diagnostics, {}, {}, 0};
        try {
            Collection collection =
                read_collection(*apkg, read_input(entry.path().string()), context);
            for (const Note& note : collection.notes) {
                for (const Content& field : note.fields) fields.push_back(field.source);
            }
        } catch (const std::exception&) {
            // Damaged fixtures are there to be refused; their fields are not needed here.
        }
    }
    ASSERT_GE(fields.size(), 100u);
    std::size_t accepted = 0;
    for (const std::string& html : fields) {
        if (accepted_and_same(html)) ++accepted;
    }
    std::cout << "simple parser took " << accepted << " of " << fields.size() << " fields\n";
    EXPECT_GT(accepted, fields.size() / 2) << accepted << " of " << fields.size();
}
