// Anki's text rules: the expected values are Anki's own test vectors (rslib text.rs, notes,
// media/files.rs) and a checksum read from a real package.
#include <gtest/gtest.h>

#include "apkg/field_text.hpp"
#include "apkg/media_names.hpp"
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

TEST(AnkiText, FollowsRslibsExamples) {
    EXPECT_EQ(strip_html_preserving_media_filenames("<img title=\"a>b\" src=\"x.png\">"),
              " x.png ");
    EXPECT_EQ(strip_html_preserving_media_filenames("<imgx src=\"a.png\">"), "");
    EXPECT_EQ(strip_html_preserving_media_filenames("[sound:foo.wav]"), "[sound:foo.wav]");
    EXPECT_EQ(strip_html_preserving_media_filenames("a&nbsp;b &amp; c&#65;&#x42;"), "a b & cAB");
}

TEST(AnkiText, HostileMarkupStaysLinear) {
    std::string tags;
    for (int i = 0; i < 20000; ++i) tags += "<img a<style>\"";
    EXPECT_LT(strip_html_preserving_media_filenames(tags).size(), tags.size());
    std::string open(500000, '<');
    EXPECT_EQ(strip_html_preserving_media_filenames(open), open);
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

TEST(FieldText, HostileInputStaysLinear) {
    std::string quotes(100000, '"');
    EXPECT_EQ(strip_html_preserving_media_filenames("<img " + quotes), "<img " + quotes);
}
