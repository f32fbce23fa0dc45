// Scoping a note type's CSS to its cards (the spec's cases, §8.3), with a real scanner:
// comments, strings, nested blocks and url() never confuse it.
#include <gtest/gtest.h>

#include "deckport/preview.hpp"

namespace deckport {
namespace {

CssResources deck_with(std::map<std::string, std::string> files) {
    auto shared = std::make_shared<std::map<std::string, std::string>>(std::move(files));
    CssResources resources;
    resources.url = [shared](std::string_view ref) -> std::optional<std::string> {
        if (!shared->count(std::string(ref))) return std::nullopt;
        return "data:x;base64," + std::string(ref);
    };
    resources.text = [shared](std::string_view ref) -> std::optional<std::string> {
        auto it = shared->find(std::string(ref));
        if (it == shared->end()) return std::nullopt;
        return it->second;
    };
    return resources;
}

std::string scoped(std::string_view css, const CssResources& resources = {}) {
    return scope_css(css, ".dp-nt-1", resources).css;
}

TEST(CssScope, SelectorsArePrefixed) {
    EXPECT_EQ(scoped(".card { color: red }"), ".dp-nt-1 .card { color: red }");
    EXPECT_EQ(scoped(".card1 .x, .card2 .y {}"), ".dp-nt-1 .card1 .x, .dp-nt-1 .card2 .y {}");
    EXPECT_EQ(scoped(".nightMode .cloze {}"), ".dp-nt-1 .nightMode .cloze {}");
    EXPECT_EQ(scoped("* {} img{}"), ".dp-nt-1 * {} .dp-nt-1 img{}");
}

TEST(CssScope, BodyIsTheCardRootAndHtmlIsTheScope) {
    EXPECT_EQ(scoped("body { margin: 0 }"), ".dp-nt-1 > .card { margin: 0 }");
    EXPECT_EQ(scoped("html, :root { --c: red }"), ".dp-nt-1, .dp-nt-1 { --c: red }");
    EXPECT_EQ(scoped("body.nightMode .cloze {}"), ".dp-nt-1 > .card.nightMode .cloze {}");
    EXPECT_EQ(scoped("html.night-mode .card {}"), ".dp-nt-1.night-mode .card {}");
    EXPECT_EQ(scoped("html > BODY.x .y {}"), ".dp-nt-1 > .card.x .y {}");
    EXPECT_EQ(scoped("bodyx {}"), ".dp-nt-1 bodyx {}");
}

TEST(CssScope, CommasInsideFunctionsDoNotSplit) {
    EXPECT_EQ(scoped(":is(.a, .b) i, .c {}"), ".dp-nt-1 :is(.a, .b) i, .dp-nt-1 .c {}");
    EXPECT_EQ(scoped("a[title=\"x, y\"] {}"), ".dp-nt-1 a[title=\"x, y\"] {}");
}

TEST(CssScope, GroupingRulesAreScopedInside) {
    EXPECT_EQ(scoped("@media (max-width: 600px) { .a {} }"),
              "@media (max-width: 600px) { .dp-nt-1 .a {} }");
    EXPECT_EQ(scoped("@supports (display: grid) { @media print { b { x: y } } }"),
              "@supports (display: grid) { @media print { .dp-nt-1 b { x: y } } }");
    EXPECT_EQ(scoped("@layer base { .a {} } @layer a, b;"),
              "@layer base { .dp-nt-1 .a {} } @layer a, b;");
}

TEST(CssScope, GlobalAtRulesAreKept) {
    EXPECT_EQ(scoped("@keyframes k { from {} to {} }"), "@keyframes k { from {} to {} }");
    EXPECT_EQ(scoped("@page { margin: 1cm }"), "@page { margin: 1cm }");
    EXPECT_EQ(scoped("@charset \"utf-8\";.a{}"), "@charset \"utf-8\";.dp-nt-1 .a{}");
}

TEST(CssScope, CommentsAndStringsAreNotStructure) {
    EXPECT_EQ(scoped(".a::after { content: \"}\" } /* } */ .b {}"),
              ".dp-nt-1 .a::after { content: \"}\" } /* } */ .dp-nt-1 .b {}");
    EXPECT_EQ(scoped("/* a { */ .x { content: '{' }"), "/* a { */ .dp-nt-1 .x { content: '{' }");
}

TEST(CssScope, FontsFromTheDeckBecomeDataUris) {
    CssResources deck = deck_with({{"_f.ttf", "bytes"}});
    EXPECT_EQ(scoped("@font-face { font-family: F; src: url(\"_f.ttf\") }", deck),
              "@font-face { font-family: F; src: url(\"data:x;base64,_f.ttf\") }");
    EXPECT_EQ(
        scoped("@font-face { font-family: F; src: url(_f.ttf) format('truetype') }", deck),
        "@font-face { font-family: F; src: url(\"data:x;base64,_f.ttf\") format('truetype') }");
}

TEST(CssScope, WhatTheDeckLacksIsDroppedAndListed) {
    ScopedCss missing_font =
        scope_css("@font-face { font-family: F; src: url('_f.ttf') } .a {}", ".dp-nt-1", {});
    EXPECT_EQ(missing_font.css, " .dp-nt-1 .a {}");
    EXPECT_EQ(missing_font.dropped, std::vector<std::string>{"url(_f.ttf)"});
    ScopedCss remote =
        scope_css(".a { color: red; background: url(https://x.org/a.png) no-repeat; margin: 0 }",
                  ".dp-nt-1", {});
    EXPECT_EQ(remote.css, ".dp-nt-1 .a { color: red; margin: 0 }");
    EXPECT_EQ(remote.dropped, std::vector<std::string>{"url(https://x.org/a.png)"});
    // data: and fragment references stay.
    EXPECT_EQ(scoped(".a { background: url(data:image/png;base64,AA==); filter: url(#f) }"),
              ".dp-nt-1 .a { background: url(data:image/png;base64,AA==); filter: url(#f) }");
}

TEST(CssScope, ImportsAreInlinedFromTheDeckOrDropped) {
    CssResources deck = deck_with({{"_x.css", "body { color: red }"}});
    EXPECT_EQ(scoped("@import url(\"_x.css\");.a{}", deck),
              ".dp-nt-1 > .card { color: red }.dp-nt-1 .a{}");
    EXPECT_EQ(scoped("@import '_x.css' print;", deck),
              "@media print {.dp-nt-1 > .card { color: red }}");
    ScopedCss remote = scope_css("@import url(https://fonts.example/x.css);.a{}", ".dp-nt-1", {});
    EXPECT_EQ(remote.css, ".dp-nt-1 .a{}");
    EXPECT_EQ(remote.dropped, std::vector<std::string>{"@import https://fonts.example/x.css"});
}

TEST(CssScope, ImportLoopsStop) {
    CssResources deck = deck_with({{"_a.css", "@import '_a.css'; .a{}"}});
    ScopedCss result = scope_css("@import '_a.css';", ".s", deck);
    EXPECT_NE(result.css.find(".s .a{}"), std::string::npos);
    EXPECT_FALSE(result.dropped.empty());
}

TEST(CssScope, NestedRulesInsideAStyleRuleKeepTheirText) {
    // A real deck (AnkiDroid's templates.apkg) puts @font-face inside .card: browsers drop it,
    // and its url is still not fetched.
    EXPECT_EQ(scoped(".card {\n @font-face { font-family: myfont; src: url('_arial.ttf'); }\n "
                     "font-size: 20px;\n}"),
              ".dp-nt-1 .card {\n @font-face { font-family: myfont; }\n font-size: 20px;\n}");
    EXPECT_EQ(scoped(".a { & .b { color: red } }"), ".dp-nt-1 .a { & .b { color: red } }");
}

TEST(CssScope, BrokenStylesheetsStayBounded) {
    EXPECT_EQ(scoped(".a { color: red"), ".dp-nt-1 .a { color: red}");
    EXPECT_EQ(scoped("} .a {}"), "} .dp-nt-1 .a {}");
    EXPECT_EQ(scoped("color: red; .a {}"), "color: red; .dp-nt-1 .a {}");
    EXPECT_EQ(scoped(".a { content: \"unterminated }\n} .b {}"),
              ".dp-nt-1 .a { content: \"unterminated }\n} .dp-nt-1 .b {}");
    EXPECT_EQ(scoped(""), "");
}

}  // namespace
}  // namespace deckport
