// What desktop Anki does to a rendered side before showing it (the spec's cases P01–P06, audio
// tags, LaTeX), and how a side is written back balanced into the page.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "deckport/notetypes.hpp"
#include "deckport/render.hpp"
#include "preview/card_html.hpp"
#include "preview/side_text.hpp"

namespace deckport::preview_detail {
namespace {

MediaFile media_file(std::string name, std::string bytes) {
    MediaFile file;
    file.name = std::move(name);
    file.data = std::move(bytes);
    return file;
}

struct Displayed {
    std::string question, answer;
};

NoteType note_type(std::vector<std::string> fields, NoteTypeKind kind = NoteTypeKind::standard) {
    NoteType nt;
    nt.name = "T";
    nt.kind = kind;
    nt.fields = std::move(fields);
    return nt;
}

Displayed display(const NoteType& nt, std::string_view qfmt, std::string_view afmt, FieldMap fields,
                  int ord = 0) {
    RenderedCard card = render_card(qfmt, afmt, fields, ord, nt.kind == NoteTypeKind::cloze);
    TypeAnswer state;
    Displayed d;
    d.question = type_answer_question(card.question, nt, fields, ord, state);
    d.answer = type_answer_answer(card.answer, state);
    return d;
}

const std::string kBox =
    "\n<center>\n<input type=text id=typeans onkeypress=\"_typeAnsPress();\"\n   "
    "style=\"font-family: 'Arial'; font-size: 20px;\">\n</center>\n";

TEST(TypeAnswer, P01_NothingTyped) {
    Displayed d = display(note_type({"Front", "Back"}), "{{Front}}\n\n{{type:Back}}",
                          "{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}",
                          {{"Front", "front"}, {"Back", "back"}});
    EXPECT_EQ(d.question, "front\n\n" + kBox);
    EXPECT_EQ(d.answer,
              "front\n\n\n\n<hr id=answer>\n<div style=\"font-family: 'Arial'; font-size: "
              "20px\"><code id=typeans>back</code></div>");
}

TEST(TypeAnswer, P02_ExpectedAnswerIsStrippedAndEscaped) {
    Displayed d = display(note_type({"Front", "Back"}), "{{Front}}\n\n{{type:Back}}",
                          "{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}",
                          {{"Front", "f"}, {"Back", "<b>a &amp; b</b><br>c<div>d</div>"}});
    EXPECT_EQ(d.question, "f\n\n" + kBox);
    EXPECT_EQ(d.answer,
              "f\n\n\n\n<hr id=answer>\n<div style=\"font-family: 'Arial'; font-size: "
              "20px\"><code id=typeans>a &amp; b c d</code></div>");
}

TEST(TypeAnswer, P03_TheBoxCopiedThroughFrontSide) {
    Displayed d =
        display(note_type({"Front", "Back"}), "{{Front}}{{type:Back}}",
                "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}", {{"Front", "f"}, {"Back", "b"}});
    EXPECT_EQ(d.question, "f" + kBox);
    EXPECT_EQ(d.answer,
              "f<hr id=answer>\n<div style=\"font-family: 'Arial'; font-size: 20px\"><code "
              "id=typeans>b</code></div>\n\n\n\nb");
}

TEST(TypeAnswer, P04_AnEmptyFieldRemovesTheBox) {
    Displayed d = display(note_type({"Front", "Back"}), "{{Front}}{{type:Back}}",
                          "{{FrontSide}}<hr id=answer>{{Back}}", {{"Front", "f"}, {"Back", ""}});
    EXPECT_EQ(d.question, "f");
    EXPECT_EQ(d.answer, "f<hr id=answer>");
}

TEST(TypeAnswer, P05_TypeCloze) {
    Displayed d =
        display(note_type({"Text"}, NoteTypeKind::cloze), "{{cloze:Text}}{{type:cloze:Text}}",
                "{{cloze:Text}}{{type:cloze:Text}}", {{"Text", "{{c1::Paris}} and {{c1::Rome}}"}});
    EXPECT_EQ(
        d.question,
        "<span class=\"cloze\" data-cloze=\"Paris\" data-ordinal=\"1\">[...]</span> and <span "
        "class=\"cloze\" data-cloze=\"Rome\" data-ordinal=\"1\">[...]</span>" +
            kBox);
    EXPECT_EQ(d.answer,
              "<span class=\"cloze\" data-ordinal=\"1\">Paris</span> and <span class=\"cloze\" "
              "data-ordinal=\"1\">Rome</span>\n<div style=\"font-family: 'Arial'; font-size: "
              "20px\"><code "
              "id=typeans>Paris, Rome</code></div>");
}

TEST(TypeAnswer, P06_TypeClozeWithoutADeletion) {
    Displayed d = display(note_type({"Front"}), "{{Front}}{{type:cloze:Front}}",
                          "{{type:cloze:Front}}", {{"Front", "no cloze"}});
    EXPECT_EQ(d.question, "no clozePlease run Tools>Empty Cards");
    EXPECT_EQ(d.answer, "");
}

TEST(TypeAnswer, FontAndSizeComeFromTheFieldOptions) {
    NoteType nt = note_type({"Front", "Back"});
    nt.extras.json() =
        nlohmann::json::parse(R"({"flds": [{}, {"font": "Noto Serif", "size": 32}]})");
    Displayed d = display(nt, "{{type:Back}}", "{{type:Back}}", {{"Front", "f"}, {"Back", "b"}});
    EXPECT_NE(d.question.find("font-family: 'Noto Serif'; font-size: 32px;"), std::string::npos);
    EXPECT_EQ(d.answer,
              "\n<div style=\"font-family: 'Noto Serif'; font-size: 32px\"><code "
              "id=typeans>b</code></div>");
}

TEST(TypeAnswer, ASpecialFieldIsAnUnknownField) {
    Displayed d = display(note_type({"Front"}), "{{Front}}{{type:Tags}}", "",
                          {{"Front", "f"}, {"Tags", "t"}});
    EXPECT_EQ(d.question, "fType answer: unknown field Tags");
}

TEST(AudioTags, SoundsFromTheDeckBecomePlayers) {
    Collection collection;
    collection.media.push_back(media_file("a b.mp3", "ID3"));
    std::vector<LinkedMedia> linked;
    MediaLinks media(collection, "", linked);
    EXPECT_EQ(audio_tags_to_html("x[sound:a b.mp3]y", media),
              "x<audio class=\"dp-audio\" controls preload=\"none\" title=\"a b.mp3\" "
              "src=\"data:audio/mpeg;base64,SUQz\"></audio>y");
    std::string missing = audio_tags_to_html("[sound:gone.mp3]", media);
    EXPECT_NE(missing.find("class=\"replay-button soundLink dp-audio-missing\""),
              std::string::npos);
    EXPECT_NE(missing.find("title=\"gone.mp3 (not in the deck)\""), std::string::npos);
    std::string tts = audio_tags_to_html("[anki:tts lang=en_US]<b>hi</b>[/anki:tts]", media);
    EXPECT_NE(tts.find("title=\"text to speech (lang=en_US): hi\""), std::string::npos);
    EXPECT_EQ(strip_audio_tags("a[sound:x.mp3]b[anki:tts lang=ja]c[/anki:tts]d"), "abd");
    EXPECT_EQ(audio_tags_to_html("[sound:]", media), "[sound:]");
}

TEST(Latex, AnkisVector) {
    EXPECT_EQ(latex_to_images("a[latex]one<br>and<div>two[/latex]b", false),
              "a<img class=latex alt=\"one&#x0A;and&#x0A;two\" "
              "src=\"latex-ef30b3f4141c33a5bf7044b0d1961d3399c05d50.png\">b");
    std::string inline_math = latex_to_images("[$]x^2[/$] [$$]y[/$$]", true);
    EXPECT_NE(inline_math.find("alt=\"&#x24;x&#x5E;2&#x24;\""), std::string::npos) << inline_math;
    EXPECT_NE(inline_math.find(".svg\">"), std::string::npos);
    EXPECT_NE(inline_math.find("alt=\"&#x5C;begin&#x7B;displaymath&#x7D;y"), std::string::npos);
    EXPECT_EQ(latex_to_images("[latex]unclosed", false), "[latex]unclosed");
}

std::string side(std::string_view html, bool run_scripts = false) {
    Collection collection;
    collection.media.push_back(media_file("cat.png", "PNG"));
    collection.media.push_back(media_file("_lib.js", "lib(\"</script>\")"));
    std::vector<LinkedMedia> linked;
    MediaLinks media(collection, "", linked);
    std::vector<std::string> dropped;
    return side_html(html, media, {".dp-nt-1", "-c1q", run_scripts}, dropped);
}

TEST(SideHtml, UnclosedMarkupStaysInsideTheCard) {
    EXPECT_EQ(side("<b>bold <i>both"), "<b>bold <i>both</i></b>");
    EXPECT_EQ(side("a <!-- never closed"), "a <!-- never closed-->");
    EXPECT_EQ(side("x</div></section></article>y"), "xy");
    EXPECT_EQ(side("<textarea>t"), "<textarea>t</textarea>");
    EXPECT_EQ(side("<plaintext>p</b>"), "<pre>p&lt;/b&gt;</pre>");
    EXPECT_EQ(side("<table><td>1"), "<table><tbody><tr><td>1</td></tr></tbody></table>");
}

TEST(SideHtml, OutsideReachingElementsAreDropped) {
    EXPECT_EQ(side("<base href=\"https://x.org/\"><meta http-equiv=refresh content=0><link "
                   "rel=stylesheet href=a.css>text"),
              "text");
}

TEST(SideHtml, MediaAreInlinedAndOthersNeverFetched) {
    EXPECT_EQ(side("<img src=\"cat.png\"><img src=\"./cat%2Epng\" alt=\"cat\">"),
              "<img src=\"data:image/png;base64,UE5H\"><img src=\"data:image/png;base64,UE5H\" "
              "alt=\"cat\">");
    EXPECT_EQ(side("<img src=\"https://x.org/d.png\"><img alt=\"a dog\" src=\"gone.png\">"),
              "<img alt=\"missing: https://x.org/d.png\" "
              "data-deckport-missing=\"https://x.org/d.png\"><img "
              "alt=\"a dog\" data-deckport-missing=\"gone.png\">");
    EXPECT_EQ(side("<img src=\"data:image/gif;base64,R0l=\" srcset=\"big.png 2x\">"),
              "<img src=\"data:image/gif;base64,R0l=\">");
    EXPECT_EQ(side("<div style=\"background: url('cat.png'); color: red\">x</div>"),
              "<div style=\"background: url(&quot;data:image/png;base64,UE5H&quot;); color: "
              "red\">x</div>");
    EXPECT_EQ(side("<div style=\"background: url(https://x.org/a.png); color: red\">x</div>"),
              "<div style=\" color: red\">x</div>");
    EXPECT_EQ(side("<iframe src=\"https://x.org/\"></iframe><video poster=\"cat.png\"></video>"),
              "<iframe data-deckport-missing=\"https://x.org/\"></iframe><video "
              "poster=\"data:image/png;base64,UE5H\"></video>");
}

TEST(SideHtml, ScriptsAreInertUnlessAsked) {
    EXPECT_EQ(side("<script type=module>go()</script>"),
              "<script type=\"text/x-deckport-disabled\">go()</script>");
    EXPECT_EQ(side("<script>if (a < b) go()</script>", true), "<script>if (a < b) go()</script>");
    // A script file of the deck is inlined (a data: script would be refused by the CSP).
    EXPECT_EQ(side("<script src=\"_lib.js\"></script>", true),
              "<script>lib(\"<\\/script>\")</script>");
    EXPECT_EQ(side("<script src=\"https://cdn.example/x.js\"></script>", true),
              "<script data-deckport-missing=\"https://cdn.example/x.js\"></script>");
}

TEST(SideHtml, StylesInCardsAreScoped) {
    EXPECT_EQ(side("<style>.x { color: red } body { margin: 0 }</style>x"),
              "<style>.dp-nt-1 .x { color: red } .dp-nt-1 > .card { margin: 0 }</style>x");
}

TEST(SideHtml, HintIdsAreUniquePerSide) {
    FieldMap fields{{"Back", "back"}};
    std::string hint = render_card("{{hint:Back}}", "", fields, 0, false).question;
    std::string html = side(hint);
    std::string id = hint.substr(hint.find("id=\"hint") + 4, 20);
    EXPECT_NE(html.find("id=\"" + id + "-c1q\""), std::string::npos) << html;
    EXPECT_NE(html.find("getElementById('" + id + "-c1q')"), std::string::npos) << html;
}

TEST(SideHtml, TextAndAttributesAreEscapedOnce) {
    EXPECT_EQ(side("a &amp; b &lt;c&gt; &nbsp; <span title='x \"y\"'>z</span>"),
              "a &amp; b &lt;c&gt; &nbsp; <span title=\"x &quot;y&quot;\">z</span>");
    // The parser drops the line break after <pre>: a second one is content and stays.
    EXPECT_EQ(side("<pre>\nline</pre>"), "<pre>line</pre>");
    EXPECT_EQ(side("<pre>\n\nline</pre>"), "<pre>\n\nline</pre>");
    // As a browser reads it: `<b\)` starts a tag, and a tag the text ends inside is dropped.
    EXPECT_EQ(side("\\(a<b\\)"), "\\(a");
}

}  // namespace
}  // namespace deckport::preview_detail
