// Anki's "strip HTML, keep media file names" and field checksum, as used for sfld and csum.
#include <gtest/gtest.h>

#include <string>

#include "apkg/anki_text.hpp"

using deckport::apkg::field_checksum;
using deckport::apkg::strip_html_preserving_media_filenames;

TEST(AnkiText, StripsLikeRslib) {
    // The examples of rslib/src/text.rs, and a few more.
    EXPECT_EQ(strip_html_preserving_media_filenames("test"), "test");
    EXPECT_EQ(strip_html_preserving_media_filenames("t<b>e</b>st"), "test");
    EXPECT_EQ(strip_html_preserving_media_filenames("so<SCRIPT>t<b>e</b>st</script>me"), "some");
    EXPECT_EQ(strip_html_preserving_media_filenames("<img src=foo.jpg>"), " foo.jpg ");
    EXPECT_EQ(strip_html_preserving_media_filenames("<img src='foo.jpg'><html>"), " foo.jpg ");
    EXPECT_EQ(strip_html_preserving_media_filenames("<html>"), "");
    EXPECT_EQ(strip_html_preserving_media_filenames("a<!-- note -->b<style>p{}</style>c"), "abc");
    EXPECT_EQ(strip_html_preserving_media_filenames("<img title=\"a>b\" src=\"x.png\">"),
              " x.png ");
    EXPECT_EQ(strip_html_preserving_media_filenames("<audio controls src=\"s.mp3\"></audio>"),
              " s.mp3 ");
    EXPECT_EQ(strip_html_preserving_media_filenames("<object data=\"a.svg\">"), " a.svg ");
    EXPECT_EQ(strip_html_preserving_media_filenames("<imgx src=\"a.png\">"), "");
    EXPECT_EQ(strip_html_preserving_media_filenames("1 < 2"), "1 < 2");
    EXPECT_EQ(strip_html_preserving_media_filenames("a&nbsp;b &amp; c&#65;&#x42;"), "a b & cAB");
    EXPECT_EQ(strip_html_preserving_media_filenames("[sound:foo.wav]"), "[sound:foo.wav]");
}

TEST(AnkiText, LeavesUndecidableEntitiesUndecided) {
    EXPECT_EQ(strip_html_preserving_media_filenames("&eacute;"), std::nullopt);
    EXPECT_EQ(strip_html_preserving_media_filenames("fish & chips"), std::nullopt);
}

TEST(AnkiText, HostileMarkupStaysFast) {
    std::string tags;
    for (int i = 0; i < 20000; ++i) tags += "<img a<style>\"";
    strip_html_preserving_media_filenames(tags);  // returns, in linear time
    std::string open(500000, '<');
    EXPECT_EQ(strip_html_preserving_media_filenames(open), open);
}

TEST(AnkiText, ChecksumIsTheFirstFourSha1Bytes) {
    // Checked against notes.csum in srs-converter/mixed-legacy-2.apkg.
    EXPECT_EQ(field_checksum("In a cloze, some {{c1::fields}} are {{c2::hidden}}."), 226976669u);
    EXPECT_EQ(field_checksum(""), 0xda39a3eeu);
}
