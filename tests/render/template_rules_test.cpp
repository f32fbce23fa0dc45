// Rules of Anki's renderer beyond the spec cases: error positions for lint, the strict entity
// decoder, emptiness, cloze numbering, special fields and card generation.
#include <gtest/gtest.h>

#include "deckport/identity.hpp"
#include "deckport/notetypes.hpp"
#include "deckport/render.hpp"

namespace deckport {
namespace {

const FieldMap kBasic{{"Front", "front"}, {"Back", "back"}};

std::string question(std::string_view qfmt, const FieldMap& fields = kBasic, int ord = 0,
                     bool cloze = false) {
    return render_card(qfmt, "", fields, ord, cloze).question;
}

TEST(TemplateErrors, SyntaxErrorsCarryTheHandlebarPosition) {
    auto error = template_syntax_error("{{#Front}}\nx {{/Back}}");
    ASSERT_TRUE(error);
    EXPECT_EQ(error->kind, TemplateErrorKind::conditional_not_open);
    EXPECT_EQ(error->message, "Found '{{/Back}}', but expected '{{/Front}}'");
    EXPECT_EQ(error->offset, 13u);
    EXPECT_EQ(error->length, 9u);
    EXPECT_EQ(error->line, 2);
    EXPECT_EQ(error->column, 3);
}

TEST(TemplateErrors, AnUnclosedSectionPointsAtItsOpeningHandlebar) {
    auto error = template_syntax_error("é {{#A}}{{#B}}x{{/B}}");
    ASSERT_TRUE(error);
    EXPECT_EQ(error->kind, TemplateErrorKind::conditional_not_closed);
    EXPECT_EQ(error->message, "Missing '{{/A}}'");
    EXPECT_EQ(error->line, 1);
    EXPECT_EQ(error->column, 3);  // code points: é is one column
}

TEST(TemplateErrors, ACloseWithNothingOpen) {
    auto error = template_syntax_error("a\n\n  {{ /Front }}");
    ASSERT_TRUE(error);
    EXPECT_EQ(error->message, "Found '{{/Front}}', but missing '{{#Front}}' or '{{^Front}}'");
    EXPECT_EQ(error->line, 3);
    EXPECT_EQ(error->column, 3);
}

TEST(TemplateErrors, CheckTemplateFindsUnknownFieldsInDocumentOrder) {
    std::vector<std::string> fields{"Front", "Back"};
    EXPECT_FALSE(
        check_template("{{Front}}{{#Back}}{{Tags}}{{/Back}}{{Deck}}{{c3}}{{FrontSide}}"
                       "{{Subdeck}}{{CardFlag}}{{Card}}{{CardID}}{{Type}}{{tts-voices:}}",
                       fields));
    auto error = check_template("{{Front}}\n{{^Nope}}{{/Nope}}{{text:Other}}", fields);
    ASSERT_TRUE(error);
    EXPECT_EQ(error->kind, TemplateErrorKind::no_such_conditional);
    EXPECT_EQ(error->message, "Found '{{^Nope}}', but there is no field called 'Nope'");
    EXPECT_EQ(error->line, 2);
    EXPECT_EQ(error->column, 1);
    error = check_template("{{Front}} {{text:hint:Other}}", fields);
    ASSERT_TRUE(error);
    EXPECT_EQ(error->kind, TemplateErrorKind::field_not_found);
    EXPECT_EQ(error->message, "Found '{{text:hint:Other}}', but there is no field called 'Other'");
    EXPECT_EQ(error->offset, 10u);
}

TEST(TemplateErrors, RenderReportsTheErrorAndTheSide) {
    RenderedCard card = render_card("{{Front}}", "{{Front}}\n{{Nope}}", kBasic, 0, false);
    ASSERT_TRUE(card.error);
    EXPECT_TRUE(card.error_in_back);
    EXPECT_EQ(card.error->line, 2);
    EXPECT_EQ(card.question, card.answer);
    EXPECT_EQ(card.question.rfind("Back template has a problem:<br>", 0), 0u);
}

TEST(TemplateErrors, AltSyntaxOffsetsAreInTheOriginalTemplate) {
    auto error = check_template("  {{=<% %>=}}\n<%Nope%>", {"Front"});
    ASSERT_TRUE(error);
    EXPECT_EQ(error->message, "Found '{{Nope}}', but there is no field called 'Nope'");
    EXPECT_EQ(error->line, 2);
    EXPECT_EQ(error->column, 1);
}

TEST(FieldEmptiness, OnlyWhiteSpaceBrAndDivAreEmpty) {
    EXPECT_TRUE(field_is_empty(""));
    EXPECT_TRUE(field_is_empty(" \t\r\n\v\f"));
    EXPECT_TRUE(field_is_empty("<br><BR/><br /><div></DIV><div/><div />"));
    EXPECT_FALSE(field_is_empty("&nbsp;"));
    EXPECT_FALSE(field_is_empty("\xC2\xA0"));
    EXPECT_FALSE(field_is_empty("<p></p>"));
    EXPECT_FALSE(field_is_empty("<br/ >"));
    EXPECT_FALSE(field_is_empty("<brx>"));
    EXPECT_FALSE(field_is_empty("<!---->"));
    EXPECT_FALSE(field_is_empty("<img src=x>"));
}

TEST(TextFilter, EntityDecodingIsAllOrNothing) {
    FieldMap f{{"F", "&lt;b&gt; &eacute;&#233;&#xE9; &amp;"}};
    EXPECT_EQ(question("{{text:F}}", f), "<b> ééé &");
    // &apos; is HTML5, not HTML 4: nothing is decoded.
    f["F"] = "&lt;b&gt; &apos;";
    EXPECT_EQ(question("{{text:F}}", f), "&lt;b&gt; &apos;");
    f["F"] = "&#X41; &amp;";  // a capital X is malformed
    EXPECT_EQ(question("{{text:F}}", f), "&#X41; &amp;");
    f["F"] = "<style>p{}</style><SCRIPT x>1</script>a < b > c";
    EXPECT_EQ(question("{{text:F}}", f), "a  c");
}

TEST(HintFilter, IdIsStableAndDerivedFromTextAndFieldName) {
    std::string q = question("{{hint:Back}}");
    std::string id = sha1_hex("backBack").substr(0, 16);
    EXPECT_NE(q.find("getElementById('hint" + id + "')"), std::string::npos) << q;
    EXPECT_NE(q.find("<div id=\"hint" + id + "\" class=hint"), std::string::npos);
    EXPECT_EQ(question("{{hint:Back}}"), q);
}

TEST(ClozeFilter, TenNestedDeletionsAtMost) {
    std::string text;
    for (int i = 1; i <= 11; ++i) text += "{{c" + std::to_string(i) + "::";
    text += "x";
    for (int i = 1; i <= 11; ++i) text += "}}";
    FieldMap f{{"Text", text}};
    // The 11th opener is dropped, so its `}}` closes c10 and the last `}}` is text.
    std::string q = question("{{cloze:Text}}", f, 0, true);
    EXPECT_EQ(q.substr(q.size() - 2), "}}") << q;
    EXPECT_EQ(render_card("{{cloze:Text}}", "", f, 10, true).is_empty, true);
}

TEST(ClozeFilter, HintsAreNotEscaped) {
    FieldMap f{{"Text", "{{c1::a::<i>h</i>}}"}};
    EXPECT_EQ(question("{{cloze:Text}}", f, 0, true),
              "<span class=\"cloze\" data-cloze=\"a\" data-ordinal=\"1\">[<i>h</i>]</span>");
}

TEST(ClozeFilter, TypeClozeAndEmptyKeys) {
    EXPECT_EQ(question("{{Front}}{{type:cloze:Front}}"), "front[[type:cloze:Front]]");
    EXPECT_EQ(question("{{Front}}{{type:foo:Front}}"), "front[[type:Front]]");
}

TEST(SpecialFields, CardFieldMapAddsThemUnlessANoteFieldHasTheName) {
    NoteType nt = basic_and_reversed_note_type();
    nt.fields = {"Front", "Deck"};
    Note note;
    note.fields = {{Markup::html, "<b>f</b>"}, {Markup::text, "a < b"}};
    note.set_tags({"b", "a::x"});
    note.deck = "Note::Deck";
    FieldMap map = card_field_map(nt, note, CardInfo{1, "Lang::Japanese", 3, 42});
    EXPECT_EQ(map.at("Front"), "<b>f</b>");
    EXPECT_EQ(map.at("Deck"), "a &lt; b");  // the note field wins
    EXPECT_EQ(map.at("Subdeck"), "Japanese");
    EXPECT_EQ(map.at("Tags"), "a::x b");
    EXPECT_EQ(map.at("Type"), "Basic (and reversed card)");
    EXPECT_EQ(map.at("Card"), "Card 2");
    EXPECT_EQ(map.at("CardFlag"), "flag3");
    EXPECT_EQ(map.at("CardID"), "42");
    EXPECT_EQ(map.at("c2"), "1");
    EXPECT_EQ(map.count("c1"), 0u);
}

TEST(SpecialFields, DeckFallsBackToTheNoteDeckThenToAPlaceholder) {
    NoteType nt = basic_note_type();
    Note note;
    note.fields = {{Markup::text, "f"}, {Markup::text, "b"}};
    EXPECT_EQ(card_field_map(nt, note, {}).at("Deck"), "(Deck)");
    note.deck = "A::B";
    EXPECT_EQ(card_field_map(nt, note, {}).at("Deck"), "A::B");
    EXPECT_EQ(card_field_map(nt, note, {}).at("Subdeck"), "B");
}

TEST(RenderNoteCard, MarkdownFieldsRenderAsHtmlAndClozeUsesTheFirstTemplate) {
    NoteType nt = cloze_note_type();
    Note note;
    note.fields = {{Markup::markdown, "**Paris** is in {{c2::France}}"}, {Markup::markdown, ""}};
    RenderedCard card = render_note_card(nt, note, CardInfo{1, "D", 0, 0});
    // A field of one paragraph is its text, as Anki's editor writes it (docs/content.md).
    EXPECT_EQ(card.question,
              "<strong>Paris</strong> is in <span class=\"cloze\" data-cloze=\"France\" "
              "data-ordinal=\"2\">[...]</span>");
    EXPECT_FALSE(card.is_empty);
}

TEST(RenderNoteCard, AnOrdinalWithoutTemplateSaysSo) {
    NoteType nt = basic_note_type();
    Note note;
    note.fields = {{Markup::text, "f"}, {Markup::text, "b"}};
    RenderedCard card = render_note_card(nt, note, CardInfo{3, "D", 0, 0});
    EXPECT_TRUE(card.is_empty);
    EXPECT_EQ(card.question, "<div>Card 4 has no template in note type 'Basic'.</div>");
}

// The card-generation table of the spec (§12.3).
NoteType standard(std::vector<std::string> fields, std::vector<std::string> fronts) {
    NoteType nt;
    nt.name = "T";
    nt.fields = std::move(fields);
    for (std::size_t i = 0; i < fronts.size(); ++i)
        nt.templates.push_back({"Card " + std::to_string(i + 1), fronts[i], "", {}});
    return nt;
}

Note note_with(std::vector<std::string> values, std::vector<std::string> tags = {}) {
    Note note;
    for (auto& v : values) note.fields.push_back({Markup::html, v});
    note.set_tags(std::move(tags));
    return note;
}

TEST(CardGeneration, StandardTemplatesNeedANonEmptyFront) {
    EXPECT_EQ(anki_card_ords(standard({"Front", "Back"}, {"{{Front}}"}), note_with({"x", ""})),
              (std::vector<int>{0}));
    NoteType optional_reverse = standard({"Front", "Back", "Add Reverse"},
                                         {"{{Front}}", "{{#Add Reverse}}{{Back}}{{/Add Reverse}}"});
    EXPECT_EQ(anki_card_ords(optional_reverse, note_with({"x", "y", ""})), (std::vector<int>{0}));
    EXPECT_EQ(anki_card_ords(optional_reverse, note_with({"x", "y", "y"})),
              (std::vector<int>{0, 1}));
    EXPECT_EQ(
        anki_card_ords(standard({"A", "B"}, {"{{#A}}{{B}}{{/A}}", "{{B}}"}), note_with({"1", ""})),
        (std::vector<int>{0}));  // fallback
    EXPECT_EQ(
        anki_card_ords(standard({"A", "B"}, {"{{^A}}{{B}}{{/A}}", "{{A}}"}), note_with({"a", "b"})),
        (std::vector<int>{1}));
    EXPECT_EQ(
        anki_card_ords(standard({"Country", "Capital"}, {"Where is {{Country}}?", "{{Capital}}"}),
                       note_with({"", ""})),
        (std::vector<int>{0}));  // fallback
    EXPECT_EQ(anki_card_ords(standard({"Front"}, {"{{type:Front}}"}), note_with({"b"})),
              (std::vector<int>{0}));
    EXPECT_EQ(anki_card_ords(standard({"Front"}, {"{{Deck}}{{FrontSide}}", "{{Front}}"}),
                             note_with({""})),
              (std::vector<int>{0}));  // fallback: special fields make no card
}

TEST(CardGeneration, TagsCountWhenTheNoteHasTags) {
    NoteType nt = standard({"Front"}, {"{{#Tags}}{{Front}}{{/Tags}}", "{{Front}}"});
    EXPECT_EQ(anki_card_ords(nt, note_with({"x"}, {"t"})), (std::vector<int>{0, 1}));
    EXPECT_EQ(anki_card_ords(nt, note_with({"x"})), (std::vector<int>{1}));
}

TEST(CardGeneration, ATemplateThatDoesNotParseMakesNoCard) {
    NoteType nt = standard({"Front"}, {"{{#Front}}{{Front}}", "{{Front}}"});
    EXPECT_EQ(anki_card_ords(nt, note_with({"x"})), (std::vector<int>{1}));
}

TEST(CardGeneration, ClozeNumbersFromEveryField) {
    NoteType nt = cloze_note_type();
    EXPECT_EQ(anki_card_ords(nt, note_with({"{{c1::Rome}} is in {{c2::Italy}}", "{{c3::x}}"})),
              (std::vector<int>{0, 1, 2}));
    EXPECT_EQ(anki_card_ords(nt, note_with({"{{c0::x}} {{c0::{{c2::y}}}}", ""})),
              (std::vector<int>{0}));  // c0 and what is inside it do not count
    EXPECT_EQ(anki_card_ords(nt, note_with({"{{c600::x}} {{c499::y}}", ""})),
              (std::vector<int>{498, 499}));
    EXPECT_EQ(anki_card_ords(nt, note_with({"a {{c1::b", ""})), (std::vector<int>{0}));
}

}  // namespace
}  // namespace deckport
