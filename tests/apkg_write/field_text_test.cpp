// Anki's text rules: the expected values are Anki's own test vectors (rslib text.rs, notes,
// media/files.rs) and a checksum read from a real package.
#include <gtest/gtest.h>

#include "apkg/field_text.hpp"
#include "apkg/media_names.hpp"
#include "apkg/media_refs.hpp"
#include "deckport/identity.hpp"

using namespace deckport::apkg;
using namespace deckport::apkg::writing;

TEST(AnkiText, StripsTagsAsAnkiDoes) {
    EXPECT_EQ(strip_html_preserving_media_filenames("test"), "test");
    EXPECT_EQ(strip_html_preserving_media_filenames("t<b>e</b>st"), "test");
    EXPECT_EQ(strip_html_preserving_media_filenames("so<SCRIPT>t<b>e</b>st</script>me"), "some");
    EXPECT_EQ(strip_html_preserving_media_filenames("a<style type=x>p{}</STYLE>b"), "ab");
    EXPECT_EQ(strip_html_preserving_media_filenames("a<!-- <b>c</b> -->d"), "ad");
    // A '<' without a later '>' is text; one with a '>' anywhere later starts a tag.
    EXPECT_EQ(strip_html_preserving_media_filenames("1 < 2"), "1 < 2");
    EXPECT_EQ(strip_html_preserving_media_filenames("1 < 2 > 0"), "1  0");
    EXPECT_EQ(strip_html_preserving_media_filenames("<p>a</p><p>b</p>"), "ab");
}

TEST(AnkiText, KeepsMediaFileNames) {
    EXPECT_EQ(strip_html_preserving_media_filenames("<img src=foo.jpg>"), " foo.jpg ");
    EXPECT_EQ(strip_html_preserving_media_filenames("<img src='foo.jpg'><html>"), " foo.jpg ");
    EXPECT_EQ(strip_html_preserving_media_filenames("<html>"), "");
    EXPECT_EQ(strip_html_preserving_media_filenames("x<IMG alt=\"a>b\" SRC=\"cat.png\">y"),
              "x cat.png y");
    EXPECT_EQ(strip_html_preserving_media_filenames("<audio controls src=\"a b.mp3\"></audio>"),
              " a b.mp3 ");
    EXPECT_EQ(strip_html_preserving_media_filenames("<object data=x.svg type=y>"), " x.svg ");
    EXPECT_EQ(strip_html_preserving_media_filenames("<image src=no.png>"), "");
    EXPECT_EQ(strip_html_preserving_media_filenames("<img data-src=\"a.png\">"), " a.png ");
}

TEST(AnkiText, DecodesEntitiesAllOrNothing) {
    EXPECT_EQ(strip_html_preserving_media_filenames("a &amp; b&nbsp;c&#233;&#x41;"), "a & b céA");
    // Anki's decoder gives up on the first bad entity and keeps the text as it is.
    EXPECT_EQ(strip_html_preserving_media_filenames("a & b &amp;"), "a & b &amp;");
    EXPECT_EQ(strip_html_preserving_media_filenames("&apos;&amp;"), "&apos;&amp;");
    EXPECT_EQ(strip_html_preserving_media_filenames("&#X41;"), "&#X41;");
    EXPECT_EQ(decode_html_entities("&#xD800;"), std::nullopt);
    EXPECT_EQ(decode_html_entities("&lt;&gt;&quot;"), "<>\"");
}

TEST(AnkiText, ChecksumsFirstFieldLikeAnki) {
    EXPECT_EQ(field_checksum("test"), 2840236005u);
    EXPECT_EQ(field_checksum("今日"), 1464653051u);
    // The csum of a real package (ankitects-anki fixtures) for this cloze text.
    EXPECT_EQ(field_checksum(strip_html_preserving_media_filenames(
                  "In a cloze, some {{c1::fields}} are {{c2::hidden}}.")),
              226976669u);
}

TEST(AnkiText, NormalizesFieldsAsAnkiStoresThem) {
    EXPECT_EQ(normalize_field("a\x1f"
                              "b\r\nc\td\x7f"),
              "ab\nc\td");
    EXPECT_EQ(normalize_field("e\xCC\x81"), "\xC3\xA9");  // e + combining acute -> é (NFC)
    EXPECT_EQ(normalize_field("bad \xFF byte"), "bad \xEF\xBF\xBD byte");
}

TEST(MediaNames, FollowAnkisRules) {
    EXPECT_EQ(anki_media_name("foo.jpg"), "foo.jpg");
    EXPECT_EQ(anki_media_name(std::string("con.jpg[]><:\"/?*^\\|\0\r\n", 23)), "con_.jpg");
    EXPECT_EQ(anki_media_name("test."), "test._");
    EXPECT_EQ(anki_media_name("test "), "test _");
    EXPECT_EQ(anki_media_name("LPT1"), "LPT1_");
    EXPECT_EQ(anki_media_name("COM10.txt"), "COM10.txt");
    EXPECT_EQ(anki_media_name("a\xC2\xA0"
                              "b.png"),
              "a b.png");
    EXPECT_EQ(anki_media_name("e\xCC\x81.png"), "\xC3\xA9.png");
    EXPECT_EQ(anki_media_name(std::string(240, 'x') + ".jpg"), std::string(115, 'x') + ".jpg");
    std::string long_name = std::string(200, 'y');
    EXPECT_EQ(anki_media_name(long_name), std::string(118, 'y'));
    // Multi-byte characters are never cut in half.
    std::string wide;
    for (int i = 0; i < 60; ++i) wide += "\xE6\x97\xA5";  // 日, 3 bytes each
    std::string expected;
    for (int i = 0; i < 38; ++i) expected += "\xE6\x97\xA5";  // 114 of the 115 bytes allowed
    EXPECT_EQ(anki_media_name(wide + ".png"), expected + ".png");
}

TEST(MediaNames, HashSuffixLikeAnki) {
    EXPECT_EQ(media_name_with_hash("test.jpg", deckport::sha1_hex("hello")),
              "test-aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d.jpg");
    std::string long_stem = std::string(150, 'z') + ".png";
    EXPECT_LE(media_name_with_hash(long_stem, deckport::sha1_hex("x")).size(), kMaxMediaNameBytes);
}

TEST(MediaRefs, FindsTagsAndSoundsWithSpans) {
    std::string field =
        "<p>x <img alt=\"<b>\" src=\"cat.png\"> [sound:a&amp;b.mp3]</p>"
        "<script>var s = '<img src=no.png>';</script><!-- <img src=c.png> -->"
        "<video src=v.mp4></video><IMG SRC='q.gif'>";
    auto refs = find_media_references(field);
    ASSERT_EQ(refs.size(), 4u);
    EXPECT_EQ(refs[0].name, "cat.png");
    EXPECT_EQ(field.substr(refs[0].begin, refs[0].end - refs[0].begin), "\"cat.png\"");
    EXPECT_TRUE(refs[0].attribute);
    EXPECT_EQ(refs[1].name, "a&b.mp3");
    EXPECT_FALSE(refs[1].attribute);
    EXPECT_EQ(refs[2].name, "v.mp4");
    EXPECT_EQ(refs[3].name, "q.gif");
    std::string rewritten = rewrite_media_references(field, refs, [](const MediaReference& r) {
        return std::optional<std::string>("new-" + r.name);
    });
    EXPECT_NE(rewritten.find("src=\"new-cat.png\""), std::string::npos);
    EXPECT_NE(rewritten.find("[sound:new-a&amp;b.mp3]"), std::string::npos);
    EXPECT_NE(rewritten.find("src=\"new-v.mp4\""), std::string::npos);
    EXPECT_NE(rewritten.find("SRC=\"new-q.gif\""), std::string::npos);
    EXPECT_NE(rewritten.find("<img src=no.png>"), std::string::npos);
}

TEST(MediaRefs, TellsExternalReferencesAndDecodesPercents) {
    EXPECT_TRUE(is_external_reference("https://example.com/a.png"));
    EXPECT_TRUE(is_external_reference("data:image/png;base64,xyz"));
    EXPECT_TRUE(is_external_reference("//cdn/a.png"));
    EXPECT_FALSE(is_external_reference("C:/a.png"));
    EXPECT_FALSE(is_external_reference("img/a.png"));
    EXPECT_EQ(percent_decode("my%20cat%E6%97%A5.png%2"), "my cat\xE6\x97\xA5.png%2");
}

TEST(MediaRefs, HostileInputStaysLinear) {
    std::string nested;
    for (int i = 0; i < 200000; ++i) nested += "<div><img ";
    EXPECT_TRUE(find_media_references(nested).empty());
    std::string quotes(100000, '"');
    EXPECT_EQ(strip_html_preserving_media_filenames("<img " + quotes), "<img " + quotes);
}
