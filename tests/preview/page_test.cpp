// build_preview: the page's structure, CSP, scoped note type CSS, media, MathJax and
// highlight.js only when needed (and a warning when they are not installed), diagnostics next
// to their notes.
#include <gtest/gtest.h>

#include "deckport/notetypes.hpp"
#include "deckport/preview.hpp"
#include "preview/note_diagnostics.hpp"
#include "test_support.hpp"

namespace deckport {
namespace {

const char* const kCsp =
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src "
    "'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data:; font-src data:; "
    "media-src data:; form-action 'none'; base-uri 'none'\">";

Collection basic_deck(std::vector<std::pair<std::string, std::string>> cards) {
    Collection c;
    NoteType nt = basic_note_type();
    nt.css = ".card { color: rgb(255, 0, 0) } body { margin: 3px }";
    c.note_types.push_back(nt);
    for (auto& [front, back] : cards) {
        Note note;
        note.note_type_id = nt.id;
        note.fields = {{Markup::html, front}, {Markup::html, back}};
        note.deck = "Lang::Japanese";
        note.set_tags({"verbs", "n5"});
        c.notes.push_back(note);
    }
    MediaFile cat;
    cat.name = "cat.png";
    cat.data = "PNG";
    c.media.push_back(cat);
    return c;
}

PreviewOptions no_javascript(const test::TempDir& dir) {
    PreviewOptions options;
    options.javascript_dir = dir.path();  // empty: neither MathJax nor highlight.js
    return options;
}

TEST(PreviewPage, EveryCardWithBothSidesAndTheCsp) {
    test::TempDir js;
    Diagnostics diagnostics;
    std::vector<PreviewInput> inputs{
        {"deck.apkg", basic_deck({{"a <img src=\"cat.png\">", "b"}, {"c", "d"}}), {}}};
    PreviewPage page = build_preview(inputs, no_javascript(js), diagnostics);
    EXPECT_EQ(page.cards, 2u);
    EXPECT_EQ(page.notes, 2u);
    EXPECT_TRUE(diagnostics.empty());
    EXPECT_NE(page.html.find(kCsp), std::string::npos);
    EXPECT_EQ(test::count_occurrences(page.html, "<article class=\"dp-card\""), 2u);
    EXPECT_NE(
        page.html.find("<section class=\"dp-side dp-q dp-nt-1\" data-label=\"Front\"><div "
                       "class=\"card card1\">a <img src=\"data:image/png;base64,UE5H\"></div>"),
        std::string::npos);
    EXPECT_NE(page.html.find(
                  "<div class=\"card card1\">a <img src=\"data:image/png;base64,UE5H\">\n\n<hr "
                  "id=\"answer\">\n\nb</div>"),
              std::string::npos);
    EXPECT_NE(page.html.find(
                  "data-deck=\"Lang::Japanese\" data-tags=\"n5 verbs\" data-notetype=\"Basic\""),
              std::string::npos);
    EXPECT_NE(
        page.html.find(".dp-nt-1 .card { color: rgb(255, 0, 0) } .dp-nt-1 > .card { margin: 3px }"),
        std::string::npos);
    EXPECT_NE(page.html.find("<body data-cards=\"2\" data-mathjax=\"none\">"), std::string::npos);
    EXPECT_EQ(page.html.find("__mjFiles"), std::string::npos);
    EXPECT_EQ(page.html.find("hljs.configure({"),
              page.html.rfind("hljs.configure({"));  // page.js only
    EXPECT_FALSE(page.mathjax);
    EXPECT_FALSE(page.highlighting);
}

TEST(PreviewPage, TheSameDecksGiveTheSameBytes) {
    test::TempDir js;
    Diagnostics d1, d2;
    std::vector<PreviewInput> inputs{{"deck.apkg", basic_deck({{"a", "b"}}), {}}};
    EXPECT_EQ(build_preview(inputs, no_javascript(js), d1).html,
              build_preview(inputs, no_javascript(js), d2).html);
}

TEST(PreviewPage, EachNoteTypeOfEachInputHasItsOwnScope) {
    test::TempDir js;
    Collection red = basic_deck({{"a", "b"}});
    Collection blue = basic_deck({{"c", "d"}});
    blue.note_types[0].css = ".card { color: rgb(0, 0, 255) }";
    Diagnostics diagnostics;
    PreviewPage page = build_preview({{"red.apkg", red, {}}, {"blue.apkg", blue, {}}},
                                     no_javascript(js), diagnostics);
    EXPECT_NE(page.html.find(".dp-nt-1 .card { color: rgb(255, 0, 0) }"), std::string::npos);
    EXPECT_NE(page.html.find(".dp-nt-2 .card { color: rgb(0, 0, 255) }"), std::string::npos);
    EXPECT_NE(page.html.find("<section class=\"dp-side dp-q dp-nt-2\""), std::string::npos);
    EXPECT_NE(page.html.find("<title>red.apkg, blue.apkg — deckport preview</title>"),
              std::string::npos);
}

TEST(PreviewPage, MathWithoutMathJaxIsAWarningAndThePageIsStillMade) {
    test::TempDir js;
    Diagnostics diagnostics;
    PreviewPage page = build_preview({{"m.md", basic_deck({{"\\(x^2\\)", "y"}}), {}}},
                                     no_javascript(js), diagnostics);
    ASSERT_EQ(diagnostics.all().size(), 1u);
    Diagnostic d = diagnostics.all()[0];
    EXPECT_EQ(d.code, "PREVIEW001");
    EXPECT_EQ(d.severity, Severity::warning);
    EXPECT_EQ(d.message,
              "MathJax is not there: " + (js.path() / "mathjax" / "MathJax.js").string() +
                  " not found (Debian package libjs-mathjax); math is shown as TeX source");
    EXPECT_NE(page.html.find("data-mathjax=\"missing\""), std::string::npos);
    EXPECT_EQ(page.cards, 1u);
}

TEST(PreviewPage, CodeWithoutHighlightJsIsAWarning) {
    test::TempDir js;
    Diagnostics diagnostics;
    build_preview(
        {{"c.md", basic_deck({{"<pre><code class=\"language-rust\">fn x</code></pre>", "y"}}), {}}},
        no_javascript(js), diagnostics);
    ASSERT_EQ(diagnostics.all().size(), 1u);
    EXPECT_EQ(diagnostics.all()[0].code, "PREVIEW002");
}

TEST(PreviewPage, DebiansMathJaxAndHighlightJsAreEmbedded) {
    PreviewOptions options;
    if (!std::filesystem::exists(options.javascript_dir / "mathjax" / "MathJax.js") ||
        !std::filesystem::exists(options.javascript_dir / "highlight.js" / "highlight.min.js"))
        GTEST_SKIP() << "libjs-mathjax or libjs-highlight.js is not installed";
    Diagnostics diagnostics;
    PreviewPage page = build_preview(
        {{"m.md",
          basic_deck({{"\\(x^2\\)", "<pre><code class=\"language-rust\">fn x</code></pre>"}}),
          {}}},
        options, diagnostics);
    EXPECT_TRUE(diagnostics.empty());
    EXPECT_TRUE(page.mathjax);
    EXPECT_TRUE(page.highlighting);
    EXPECT_NE(page.html.find("data-mathjax=\"pending\""), std::string::npos);
    EXPECT_NE(page.html.find("\"[MathJax]/config/TeX-AMS_CHTML-full.js\":"), std::string::npos);
    EXPECT_NE(page.html.find("\"[MathJax]/extensions/TeX/mhchem.js\":"), std::string::npos);
    EXPECT_NE(page.html.find("\"MathJax_Main-Regular\":\"d09GR"),
              std::string::npos);  // woff, base64
    EXPECT_NE(page.html.find(":where(html[data-theme=\"dark\"]) .hljs"), std::string::npos);
    // Embedded files never hold a raw "<" that could end the script: JSON escapes it.
    std::size_t store = page.html.find("window.__mjFiles");
    std::size_t store_end = page.html.find("window.__mjMissing", store);
    EXPECT_EQ(page.html.substr(store, store_end - store).find('<'), std::string::npos);
}

TEST(PreviewPage, LinkedMediaAreNamedByContent) {
    test::TempDir js;
    PreviewOptions options = no_javascript(js);
    options.media_folder = "my preview.media";
    Diagnostics diagnostics;
    std::vector<PreviewInput> inputs{
        {"d.apkg", basic_deck({{"<img src=\"cat.png\">", "<img src='cat.png'>"}}), {}}};
    PreviewPage page = build_preview(inputs, options, diagnostics);
    ASSERT_EQ(page.linked_media.size(), 1u);
    EXPECT_EQ(page.linked_media[0].relative_path.rfind("my preview.media/", 0), 0u);
    EXPECT_EQ(page.linked_media[0].file->name, "cat.png");
    std::string file = page.linked_media[0].relative_path.substr(17);
    EXPECT_NE(page.html.find("<img src=\"my%20preview.media/" + file + "\">"), std::string::npos);
    EXPECT_NE(page.html.find("img-src data: file:"), std::string::npos);
}

TEST(PreviewPage, TemplateErrorsAreShownAsAnkiShowsThemAndCounted) {
    test::TempDir js;
    Collection c = basic_deck({{"a", "b"}});
    c.note_types[0].templates[0].back = "{{FrontSide}}<hr id=answer>{{#Back}}{{Back}}";
    Diagnostics diagnostics;
    PreviewPage page = build_preview({{"d.apkg", c, {}}}, no_javascript(js), diagnostics);
    EXPECT_NE(page.html.find("Back template has a problem:<br>Missing '{{/Back}}'"),
              std::string::npos);
    EXPECT_NE(page.html.find("data-problems=\"1\" data-template-error=\"1\""), std::string::npos);
    EXPECT_NE(page.html.find("back template, line 1, column 28: Missing '{{/Back}}'"),
              std::string::npos);
}

TEST(PreviewPage, DiagnosticsAreShownNextToTheirNote) {
    test::TempDir js;
    Collection c = basic_deck({{"a", "b"}, {"c", "d"}});
    c.notes[0].origin = SourceLocation("d.md", 3, 1);
    c.notes[1].origin = SourceLocation("d.md", 10, 1);
    std::vector<Diagnostic> found{
        {Severity::warning, "LINT002", "the back is empty", SourceLocation("d.md", 12, 4), ""},
        {Severity::error, "MD003", "front matter is broken", SourceLocation("d.md", 1, 1), ""},
    };
    Diagnostics diagnostics;
    PreviewPage page = build_preview({{"d.md", c, found}}, no_javascript(js), diagnostics);
    std::size_t second = page.html.find("<article class=\"dp-card\" id=\"c2\"");
    std::size_t lint = page.html.find(
        "<code>LINT002</code><span class=\"dp-msg\">the back is empty</span>"
        "<span class=\"dp-at\">d.md:12:4</span>");
    ASSERT_NE(second, std::string::npos);
    EXPECT_GT(lint, second);
    EXPECT_NE(page.html.find(
                  "<section class=\"dp-deck-problems\"><h2>d.md</h2><ul class=\"dp-problems\"><li "
                  "class=\"dp-error\"><span class=\"dp-sev\">error</span><code>MD003</code>"),
              std::string::npos);
}

TEST(NoteDiagnostics, LocatorsAndLinesPickTheNote) {
    Collection c;
    c.notes.resize(4);
    c.notes[0].origin = SourceLocation("a.md", 3, 1);
    c.notes[1].origin = SourceLocation("a.md", 10, 1);
    c.notes[2].origin = SourceLocation("p.apkg", 0, 0, "notes[id=5]");
    c.notes[3].origin = SourceLocation("p.apkg", 0, 0, "notes[id=50]");
    std::vector<Diagnostic> found{
        {Severity::warning, "X", "", SourceLocation("a.md", 9, 1), ""},
        {Severity::warning, "X", "", SourceLocation("a.md", 10, 1), ""},
        {Severity::warning, "X", "", SourceLocation("a.md", 2, 1), ""},
        {Severity::warning, "X", "", SourceLocation("b.md", 20, 1), ""},
        {Severity::warning, "X", "", SourceLocation("p.apkg", 0, 0, "notes[id=5].Back"), ""},
        {Severity::warning, "X", "", SourceLocation("p.apkg", 0, 0, "notes[id=50]"), ""},
        {Severity::warning, "X", "", SourceLocation("p.apkg", 0, 0, "notes[id=500]"), ""},
    };
    preview_detail::NoteDiagnostics by = preview_detail::attach_diagnostics(c, found);
    EXPECT_EQ(by.by_note[0], (std::vector<const Diagnostic*>{&found[0]}));
    EXPECT_EQ(by.by_note[1], (std::vector<const Diagnostic*>{&found[1]}));
    EXPECT_EQ(by.by_note[2], (std::vector<const Diagnostic*>{&found[4]}));
    EXPECT_EQ(by.by_note[3], (std::vector<const Diagnostic*>{&found[5]}));
    EXPECT_EQ(by.deck_level, (std::vector<const Diagnostic*>{&found[2], &found[3], &found[6]}));
}

TEST(PreviewCodes, DocumentedInDiagnosticsMd) {
    std::string doc = test::read_text(test::source_dir() / "docs" / "diagnostics.md");
    for (const CodeInfo& info : preview_codes()) {
        std::string row = "| " + info.code + " | " + severity_name(info.severity) + " | ";
        EXPECT_NE(doc.find(row), std::string::npos) << "docs/diagnostics.md lacks " << row;
    }
}

}  // namespace
}  // namespace deckport
