// markdown -> plain text: what a reader sees, one line per block.
#include <gtest/gtest.h>

#include "deckport/content.hpp"

using deckport::html_to_text;
using deckport::markdown_to_html;
using deckport::markdown_to_text;

namespace {

struct TextCase {
    const char* markdown;
    const char* text;
};

const std::vector<TextCase>& cases() {
    static const std::vector<TextCase> all{
        {"What is a `Mutex`?", "What is a Mutex?"},
        {"**Acquiring the Lock:** To use it.\n**Exclusive Access:** Once held.",
         "Acquiring the Lock: To use it. Exclusive Access: Once held."},
        {"A `Mutex` guards data. \n\n> Rust's Mutex type.",
         "A Mutex guards data.\nRust's Mutex type."},
        {"# Title\n\npara one\n\npara two", "Title\npara one\npara two"},
        {"a\\\nb", "a\nb"},
        {"a <br> b", "a\nb"},
        {"- a\n  - b\n- c", "- a\n  - b\n- c"},
        {"1. x\n2. y\n\n   more of y", "1. x\n2. y\n   more of y"},
        {"3. x\n4. y", "3. x\n4. y"},
        {"[the book](https://x.org) ![a cat](cat.jpg)", "the book a cat"},
        {"```\n  fn main() {}\n    x\n```", "  fn main() {}\n    x"},
        {"| a | b |\n|---|---|\n| 1 | 2 |", "a | b\n1 | 2"},
        // math reads as the HTML's text does: MathJax's delimiters around the TeX
        {"$x^2$ and $$\\sum$$", "\\(x^2\\) and \\[\\sum\\]"},
        {"costs $5 or $10", "costs $5 or $10"},
        {"{{c1::Paris::city}} **{{c2::x}}**", "{{c1::Paris::city}} {{c2::x}}"},
        {"&copy; &amp; &#35; &#x41; &eacute;", "\xC2\xA9 & # A \xC3\xA9"},
        {"<div>\n<p>raw <b>html</b></p>\n</div>\n\nafter", "raw html\nafter"},
        {"a\n\n---\n\nb", "a\nb"},
        {"~~x~~ *y* _z_ <u>w</u>", "x y z w"},
        {"  \n\n", ""},
    };
    return all;
}

}  // namespace

TEST(MarkdownToText, ExactText) {
    for (const TextCase& c : cases()) EXPECT_EQ(markdown_to_text(c.markdown), c.text) << c.markdown;
}

// Both ways to plain text follow the same rules, so a field reads the same whichever form it
// was stored in. Math is the exception: in HTML it is just text between \( and \).
TEST(MarkdownToText, AgreesWithTextOfRenderedHtml) {
    for (const TextCase& c : cases()) {
        std::string markdown = c.markdown;
        if (markdown.find('$') != std::string::npos) continue;
        EXPECT_EQ(html_to_text(markdown_to_html(markdown)), c.text) << markdown;
    }
}
