// The media-reference module: every form it recognises, with exact byte ranges, and rewriting.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "deckport/media_refs.hpp"

using namespace deckport;

namespace {

using Spans = std::pair<std::string, std::string>;

// The text a reference's ranges cover: {what a rewrite replaces, the target as written}.
std::pair<std::string, std::string> spans(std::string_view text, const MediaRef& ref) {
    return {std::string(text.substr(ref.begin, ref.end - ref.begin)),
            std::string(text.substr(ref.target_begin, ref.target_end - ref.target_begin))};
}

std::vector<std::string> targets(const std::vector<MediaRef>& refs) {
    std::vector<std::string> out;
    for (const MediaRef& ref : refs) out.push_back(ref.target);
    return out;
}

std::string renamed(std::string_view text, Markup markup, const std::string& from,
                    const std::string& to, const MediaRefOptions& options = {}) {
    return rewrite_media_refs(text, find_media_refs(text, markup, options),
                              [&](const MediaRef& ref) -> std::optional<std::string> {
                                  if (ref.target != from) return std::nullopt;
                                  return to;
                              });
}

}  // namespace

TEST(MarkdownRefs, InlineImage) {
    std::string text = "See ![a red dot](img/red.png) here";
    auto refs = find_media_refs(text, Markup::markdown);
    ASSERT_EQ(refs.size(), 1u);
    EXPECT_EQ(refs[0].kind, MediaRefKind::image);
    EXPECT_EQ(refs[0].syntax, MediaRefSyntax::markdown_destination);
    EXPECT_EQ(refs[0].target, "img/red.png");
    EXPECT_EQ(refs[0].begin, 17u);
    EXPECT_EQ(refs[0].end, 28u);
    EXPECT_EQ(spans(text, refs[0]), Spans("img/red.png", "img/red.png"));
    EXPECT_FALSE(refs[0].definition);
}

TEST(MarkdownRefs, AngleDestinationWithSpacesAndTitle) {
    std::string text = "![a](<img/blue dot.png> \"A title\")";
    auto refs = find_media_refs(text, Markup::markdown);
    ASSERT_EQ(refs.size(), 1u);
    EXPECT_EQ(refs[0].target, "img/blue dot.png");
    EXPECT_EQ(refs[0].begin, 5u);
    EXPECT_EQ(refs[0].target_begin, 6u);
    EXPECT_EQ(spans(text, refs[0]), Spans("<img/blue dot.png>", "img/blue dot.png"));
}

TEST(MarkdownRefs, TitleAfterBareDestination) {
    std::string text = "![a](red.png 'Red')";
    auto refs = find_media_refs(text, Markup::markdown);
    ASSERT_EQ(refs.size(), 1u);
    EXPECT_EQ(spans(text, refs[0]).first, "red.png");
}

TEST(MarkdownRefs, PercentEncodingStaysAsWritten) {
    std::string text = "![a](img/blue%20dot.png)";
    auto refs = find_media_refs(text, Markup::markdown);
    ASSERT_EQ(refs.size(), 1u);
    EXPECT_EQ(refs[0].target, "img/blue%20dot.png");
    EXPECT_EQ(percent_decode(refs[0].target), "img/blue dot.png");
}

TEST(MarkdownRefs, ReferenceStyleFullCollapsedAndShortcut) {
    std::string text =
        "![x][pic] and ![pic][] and ![pic]\n"
        "\n"
        "[pic]: img/red.png \"Red\"\n";
    auto refs = find_media_refs(text, Markup::markdown);
    ASSERT_EQ(refs.size(), 1u) << "one definition, used three times, is one reference";
    EXPECT_TRUE(refs[0].definition);
    EXPECT_EQ(refs[0].target, "img/red.png");
    EXPECT_EQ(refs[0].begin, text.find("img/red.png"));
    EXPECT_EQ(spans(text, refs[0]).first, "img/red.png");
}

TEST(MarkdownRefs, ReferenceDefinitionInAngles) {
    std::string text = "![x][p]\n\n[p]: <my pic.png>\n";
    auto refs = find_media_refs(text, Markup::markdown);
    ASSERT_EQ(refs.size(), 1u);
    EXPECT_EQ(spans(text, refs[0]), Spans("<my pic.png>", "my pic.png"));
}

TEST(MarkdownRefs, EscapedAndEntityDestinationsAreLocated) {
    std::string text = "![a](x\\_y.png) ![b](p&amp;q.png) ![c](<s\\>t.png>)";
    auto refs = find_media_refs(text, Markup::markdown);
    ASSERT_EQ(refs.size(), 3u);
    EXPECT_EQ(targets(refs), (std::vector<std::string>{"x_y.png", "p&q.png", "s>t.png"}));
    EXPECT_EQ(spans(text, refs[0]).first, "x\\_y.png");
    EXPECT_EQ(spans(text, refs[1]).first, "p&amp;q.png");
    EXPECT_EQ(spans(text, refs[2]), Spans("<s\\>t.png>", "s\\>t.png"));
}

TEST(MarkdownRefs, EscapedReferenceDefinitionIsLocated) {
    std::string text = "![a][d] ![b][d]\n\n[d]: a\\_b.png\n";
    auto refs = find_media_refs(text, Markup::markdown);
    ASSERT_EQ(refs.size(), 1u);
    EXPECT_EQ(refs[0].target, "a_b.png");
    EXPECT_TRUE(refs[0].definition);
    EXPECT_EQ(spans(text, refs[0]).first, "a\\_b.png");
}

TEST(MarkdownRefs, CodeAndMathAreNotReferences) {
    std::string text =
        "`![a](in-span.png)` and `[sound:in-span.mp3]`\n"
        "\n"
        "```\n"
        "![b](in-fence.png) [sound:in-fence.mp3] <img src=\"in-fence.png\">\n"
        "```\n"
        "\n"
        "    ![c](indented.png)\n"
        "\n"
        "$[sound:math.mp3]$ ![d](real.png) [sound:real.mp3]\n";
    auto refs = find_media_refs(text, Markup::markdown);
    EXPECT_EQ(targets(refs), (std::vector<std::string>{"real.png", "real.mp3"}));
}

TEST(MarkdownRefs, RawHtmlInlineAndBlock) {
    std::string text =
        "A <img src=\"red.png\" alt=x> inline\n"
        "\n"
        "<div>\n"
        "<audio controls src='a b.mp3'></audio>\n"
        "<video src=clip.mp4><source src=\"alt.webm\"></video>\n"
        "<object data=\"doc.svg\"></object>\n"
        "</div>\n";
    auto refs = find_media_refs(text, Markup::markdown);
    ASSERT_EQ(targets(refs),
              (std::vector<std::string>{"red.png", "a b.mp3", "clip.mp4", "alt.webm", "doc.svg"}));
    EXPECT_EQ(refs[0].kind, MediaRefKind::image);
    EXPECT_EQ(refs[0].syntax, MediaRefSyntax::html_attribute);
    EXPECT_EQ(spans(text, refs[0]), Spans("\"red.png\"", "red.png"));
    EXPECT_EQ(refs[1].kind, MediaRefKind::audio);
    EXPECT_EQ(spans(text, refs[1]).first, "'a b.mp3'");
    EXPECT_EQ(refs[2].kind, MediaRefKind::video);
    EXPECT_EQ(spans(text, refs[2]), Spans("clip.mp4", "clip.mp4"));
    EXPECT_EQ(refs[3].kind, MediaRefKind::source);
    EXPECT_EQ(refs[4].kind, MediaRefKind::object);
}

TEST(MarkdownRefs, SoundTagWithItsRange) {
    std::string text = "Listen: [sound:hello.mp3]";
    auto refs = find_media_refs(text, Markup::markdown);
    ASSERT_EQ(refs.size(), 1u);
    EXPECT_EQ(refs[0].kind, MediaRefKind::sound);
    EXPECT_EQ(refs[0].begin, 15u);
    EXPECT_EQ(refs[0].end, 24u);
    EXPECT_EQ(spans(text, refs[0]).first, "hello.mp3");
}

// What deckport's markdown writer makes of Anki's `[sound:foo[.jpg]` (ankitects mediacheck
// fixture): the escapes are markdown's, not the name's.
TEST(MarkdownRefs, SoundTagWithBackslashEscapesNamesTheRenderedFile) {
    std::string text = "\\[sound:foo\\[.jpg] and [sound:a\\_b.mp3]";
    auto refs = find_media_refs(text, Markup::markdown);
    ASSERT_EQ(refs.size(), 2u);
    EXPECT_EQ(refs[0].target, "foo[.jpg");
    EXPECT_EQ(spans(text, refs[0]).first, "foo\\[.jpg");
    EXPECT_EQ(refs[1].target, "a_b.mp3");
}

TEST(MarkdownRefs, LinksOnlyWhenAsked) {
    std::string text = "[notes](@media/notes.pdf) ![i](i.png)";
    EXPECT_EQ(targets(find_media_refs(text, Markup::markdown)),
              (std::vector<std::string>{"i.png"}));
    auto refs = find_media_refs(text, Markup::markdown, {.links = true});
    ASSERT_EQ(targets(refs), (std::vector<std::string>{"@media/notes.pdf", "i.png"}));
    EXPECT_EQ(refs[0].kind, MediaRefKind::link);
}

TEST(MarkdownRefs, UrlsOnlyWhenAsked) {
    std::string text =
        "![a](https://x.org/a.png) ![b](data:image/png;base64,AAAA) ![c](//cdn/c.png) "
        "![d](#top) ![e](local.png)";
    EXPECT_EQ(targets(find_media_refs(text, Markup::markdown)),
              (std::vector<std::string>{"local.png"}));
    auto all = find_media_refs(text, Markup::markdown, {.include_external = true});
    ASSERT_EQ(all.size(), 5u);
    EXPECT_TRUE(all[0].external);
    EXPECT_FALSE(all[4].external);
}

TEST(HtmlRefs, TagsAttributesAndEntities) {
    std::string text =
        "<IMG SRC = \"a&amp;b.png\"><!-- <img src=\"commented.png\"> -->"
        "<script>var s = '<img src=\"scripted.png\">';</script>"
        "<img data-src=\"lazy.png\" src=''><img src=bare.png>[sound:s&#97;y.mp3]"
        "<img alt=\"[sound:in-attr.mp3]\" src=\"x.png\">";
    auto refs = find_media_refs(text, Markup::html);
    // Anki's own scan finds [sound:] in any text of the field, an attribute's too.
    ASSERT_EQ(targets(refs),
              (std::vector<std::string>{"a&b.png", "bare.png", "say.mp3", "in-attr.mp3", "x.png"}));
    EXPECT_EQ(spans(text, refs[0]), Spans("\"a&amp;b.png\"", "a&amp;b.png"));
    EXPECT_EQ(refs[2].kind, MediaRefKind::sound);
}

TEST(HtmlRefs, OnlyTagsNamedLikeMediaElementsAreRead) {
    // Fields without such a tag are not read tag by tag; names only starting like one are not
    // media elements, whatever their attributes.
    EXPECT_TRUE(find_media_refs("<p>no <b>media</b></p><imgx src=\"a.png\"><images src=b.png>",
                                Markup::html)
                    .empty());
    EXPECT_EQ(targets(find_media_refs(
                  "<p>x</p><Img/src=b.png><SOURCE\tsrc=c.ogg><object data=d.swf>", Markup::html)),
              (std::vector<std::string>{"b.png", "c.ogg", "d.swf"}));
}

TEST(HtmlRefs, FindsTagsAndSoundsWithSpansAndRewritesThem) {
    std::string field =
        "<p>x <img alt=\"<b>\" src=\"cat.png\"> [sound:a&amp;b.mp3]</p>"
        "<script>var s = '<img src=no.png>';</script><!-- <img src=c.png> -->"
        "<video src=v.mp4></video><IMG SRC='q.gif'>";
    auto refs = find_media_refs(field, Markup::html);
    ASSERT_EQ(targets(refs), (std::vector<std::string>{"cat.png", "a&b.mp3", "v.mp4", "q.gif"}));
    EXPECT_EQ(spans(field, refs[0]).first, "\"cat.png\"");
    EXPECT_EQ(refs[1].syntax, MediaRefSyntax::sound_tag);
    std::string rewritten = rewrite_media_refs(field, refs, [](const MediaRef& r) {
        return std::optional<std::string>("new-" + r.target);
    });
    EXPECT_NE(rewritten.find("src=\"new-cat.png\""), std::string::npos);
    EXPECT_NE(rewritten.find("[sound:new-a&amp;b.mp3]"), std::string::npos);
    EXPECT_NE(rewritten.find("src=\"new-v.mp4\""), std::string::npos);
    EXPECT_NE(rewritten.find("SRC=\"new-q.gif\""), std::string::npos);
    EXPECT_NE(rewritten.find("<img src=no.png>"), std::string::npos);
}

TEST(HtmlRefs, HostileNestingStaysLinear) {
    std::string nested;
    for (int i = 0; i < 200000; ++i) nested += "<div><img ";
    EXPECT_TRUE(find_media_refs(nested, Markup::html).empty());
    EXPECT_TRUE(find_media_refs(nested, Markup::markdown).empty());
}

TEST(HtmlRefs, SoundTagAcrossLinesIsNotOne) {
    EXPECT_TRUE(find_media_refs("[sound:a\nb.mp3]", Markup::html).empty());
    EXPECT_TRUE(find_media_refs("[sound:]", Markup::html).empty());
}

TEST(TextRefs, OnlySoundTags) {
    auto refs = find_media_refs("<img src=\"a.png\"> [sound:b.mp3]", Markup::text);
    EXPECT_EQ(targets(refs), (std::vector<std::string>{"b.mp3"}));
}

TEST(CssRefs, UrlForms) {
    std::string css =
        "@font-face { src: url(_font.woff2) format('woff2'); }\n"
        ".a { background: URL( \"bg image.png\" ); }\n"
        "/* url(commented.png) */ .b { content: \"url(in-string.png)\"; }\n"
        ".c { background: url('q\\27 uote.png'); } .d { x: myurl(no.png); }\n"
        ".e { background: url(https://x.org/e.png); }";
    auto refs = find_css_media_refs(css);
    ASSERT_EQ(targets(refs),
              (std::vector<std::string>{"_font.woff2", "bg image.png", "q'uote.png"}));
    EXPECT_EQ(refs[0].kind, MediaRefKind::css_url);
    EXPECT_EQ(spans(css, refs[0]), Spans("_font.woff2", "_font.woff2"));
    EXPECT_EQ(spans(css, refs[1]), Spans("\"bg image.png\"", "bg image.png"));
}

TEST(Rewrite, EachSyntaxWritesAValidReference) {
    EXPECT_EQ(renamed("![a](img/red.png)", Markup::markdown, "img/red.png", "red.png"),
              "![a](red.png)");
    EXPECT_EQ(renamed("![a](img/blue%20dot.png)", Markup::markdown, "img/blue%20dot.png",
                      "@media/blue dot.png"),
              "![a](<@media/blue dot.png>)");
    EXPECT_EQ(renamed("![a](<b c.png> \"t\")", Markup::markdown, "b c.png", "d(1).png"),
              "![a](<d(1).png> \"t\")");
    EXPECT_EQ(renamed("![x][p] ![y][p]\n\n[p]: img/red.png\n", Markup::markdown, "img/red.png",
                      "red.png"),
              "![x][p] ![y][p]\n\n[p]: red.png\n");
    EXPECT_EQ(renamed("<img src='a.png'> [sound:a.png]", Markup::html, "a.png", "b&\"c.png"),
              "<img src=\"b&amp;&quot;c.png\"> [sound:b&\"c.png]");
    EXPECT_EQ(renamed("[sound:a&amp;b.mp3]", Markup::html, "a&b.mp3", "c&d.mp3"),
              "[sound:c&amp;d.mp3]");
    EXPECT_EQ(rewrite_media_refs(
                  ".a{background:url(a.png)}", find_css_media_refs(".a{background:url(a.png)}"),
                  [](const MediaRef&) { return std::optional<std::string>("b \"c\".png"); }),
              ".a{background:url(\"b \\\"c\\\".png\")}");
}

TEST(Rewrite, RewrittenMarkdownReadsBackAsTheNewName) {
    for (std::string name : {"plain.png", "with space.png", "paren(1).png", "back\\slash.png",
                             "amp&amp;.png", "<angle>.png", "ünïcode.png"}) {
        std::string text = renamed("![a](old.png)", Markup::markdown, "old.png", name);
        auto refs = find_media_refs(text, Markup::markdown);
        ASSERT_EQ(refs.size(), 1u) << text;
        EXPECT_EQ(refs[0].target, name) << text;
    }
}

TEST(MediaUrl, SchemesHostsAndFragments) {
    for (const char* url : {"http://x.org/a.png", "https://x", "data:image/png;base64,AA",
                            "//cdn/a.png", "#top", "mailto:a@b.c", "svn+ssh://h/p"}) {
        EXPECT_TRUE(is_media_url(url)) << url;
    }
    for (const char* path :
         {"img/a.png", "C:/a.png", "C:\\a.png", "1http://x", "-x:y", "./http:x", ""}) {
        EXPECT_FALSE(is_media_url(path)) << path;
    }
}

TEST(PercentDecode, OnlyWellFormedEscapes) {
    EXPECT_EQ(percent_decode("my%20cat%E6%97%A5.png%2"), "my cat\xE6\x97\xA5.png%2");
    EXPECT_EQ(percent_decode("..%2f..%2Fx"), "../../x");
    EXPECT_EQ(percent_decode("100%zz"), "100%zz");
}

TEST(SafeRelativePath, StaysInside) {
    EXPECT_TRUE(is_safe_relative_path("media/a.png"));
    EXPECT_TRUE(is_safe_relative_path("a..b.png"));
    for (const char* bad :
         {"", "/etc/passwd", "../x", "a/../../x", "a//b", "C:x", "a\\b", "a\nb"}) {
        EXPECT_FALSE(is_safe_relative_path(bad)) << bad;
    }
}

TEST(MediaIndexTest, FindsEveryFormOfAName) {
    std::vector<MediaFile> media(3);
    media[0].name = "blue dot.png";
    media[1].name = "img/red.png";
    media[2].name = "caf\xC3\xA9.png";  // NFC é
    MediaIndex index(media);
    EXPECT_EQ(index.find("blue dot.png"), 0u);
    EXPECT_EQ(index.find("blue%20dot.png"), 0u);
    EXPECT_EQ(index.find("./img/red.png"), 1u);
    EXPECT_EQ(index.find("img//red.png"), 1u);
    EXPECT_EQ(index.find("cafe\xCC\x81.png"), 2u);  // NFD é
    EXPECT_EQ(index.find("red.png"), std::nullopt);
}

TEST(Hostile, ManyImagesAreLinear) {
    std::string text;
    for (int i = 0; i < 40000; ++i) text += "![a](x\\_" + std::to_string(i) + ".png) ";
    auto refs = find_media_refs(text, Markup::markdown);
    EXPECT_EQ(refs.size(), 40000u);
    std::string shared = "[d]: a\\_b.png\n\n";
    for (int i = 0; i < 40000; ++i) shared += "![a][d] ";
    EXPECT_EQ(find_media_refs(shared, Markup::markdown).size(), 1u);
}
