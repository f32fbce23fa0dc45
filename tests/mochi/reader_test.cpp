// The Mochi reader on the fixtures and on hand-made packages: decks from :parent-id, card
// shapes, template cards, media, both Transit forms and EDN.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "deckport/notetypes.hpp"
#include "mochi_helpers.hpp"

using namespace deckport;
using namespace deckport::test;
using ::testing::ElementsAre;

namespace {

std::vector<std::string> deck_names(const Collection& c) {
    std::vector<std::string> names;
    for (const Deck& deck : c.decks) names.push_back(deck.name);
    return names;
}

std::vector<std::string> guids(const Collection& c) {
    std::vector<std::string> out;
    for (const Note& note : c.notes) out.push_back(note.guid);
    return out;
}

const Note& note_with_guid(const Collection& c, const std::string& guid) {
    for (const Note& note : c.notes) {
        if (note.guid == guid) return note;
    }
    throw std::runtime_error("no note " + guid);
}

std::string note_type_name(const Collection& c, const Note& note) {
    const NoteType* nt = c.find_note_type(note.note_type_id);
    return nt ? nt->name : "?";
}

}  // namespace

TEST(MochiFixtures, RustConcurrencyPackageReadsEveryDeckCardAndFile) {
    DECKPORT_REQUIRE_FIXTURES();
    MochiRead r = read_mochi_input(
        read_input((fixtures_dir() / "mochi/synthetic-rust-concurrency.mochi").string()));
    EXPECT_THAT(r.diagnostics, ElementsAre());
    EXPECT_THAT(deck_names(r.collection),
                ElementsAre("Rust Concurrency", "Rust Concurrency::Channels"));
    // Sorted by :pos within each deck: a b c d i j k, then the sub-deck's e.
    EXPECT_THAT(guids(r.collection),
                ElementsAre("mutexWhat", "mutexHow0", "mutexWhy0", "mutexPois", "padlockQ1",
                            "mutexClz1", "arcTmpl01", "mpscWhat0"));
    ASSERT_EQ(r.collection.media.size(), 1u);
    EXPECT_EQ(r.collection.media[0].name, "padlock01.png");
    EXPECT_EQ(r.collection.media[0].bytes().size(), 69u);

    const Note& what = note_with_guid(r.collection, "mutexWhat");
    EXPECT_EQ(note_type_name(r.collection, what), "Basic");
    EXPECT_EQ(what.deck, "Rust Concurrency");
    EXPECT_EQ(what.fields[0], md("What is a `Mutex`?"));
    EXPECT_EQ(what.fields[1].source.substr(0, 40), "A `Mutex` (short for mutual exclusion) a");
    EXPECT_THAT(what.tags, ElementsAre("concurrency", "rust"));

    const Note& cloze = note_with_guid(r.collection, "mutexClz1");
    EXPECT_EQ(note_type_name(r.collection, cloze), "Cloze");
    EXPECT_EQ(cloze.fields[0], md("A {{c1::Mutex}} guarantees {{c2::exclusive}} access."));
    EXPECT_EQ(cloze.fields[1], md(""));

    const Note& arc = note_with_guid(r.collection, "arcTmpl01");
    EXPECT_EQ(note_type_name(r.collection, arc), "Basic");
    EXPECT_EQ(arc.fields[0], md("What is `Arc`?"));
    EXPECT_EQ(arc.fields[1], md("An atomically reference-counted shared pointer."));

    const Note& padlock = note_with_guid(r.collection, "padlockQ1");
    EXPECT_EQ(padlock.fields[1], md("![padlock](padlock01.png)\n\nA padlock, like a `Mutex`."));
    EXPECT_TRUE(padlock.tags.empty());

    const Note& mpsc = note_with_guid(r.collection, "mpscWhat0");
    EXPECT_EQ(mpsc.deck, "Rust Concurrency::Channels");
    EXPECT_EQ(mpsc.fields[0], md("What is ```mpsc```?"));
    EXPECT_EQ(mpsc.fields[1],
              md("**Multiple producer, single consumer.** \n\n> For scenarios where several "
                 "threads send data to one receiver."));
    EXPECT_EQ(r.collection.note_types.size(), 2u);  // Basic and Cloze
}

TEST(MochiFixtures, PrettyPrintedDataJsonReadsLikeThePackage) {
    DECKPORT_REQUIRE_FIXTURES();
    std::string json = read_text(fixtures_dir() / "mochi/synthetic-rust-concurrency.data.json");
    MochiRead loose = read_package({{"data.json", json}});
    MochiRead packaged = read_mochi_input(
        read_input((fixtures_dir() / "mochi/synthetic-rust-concurrency.mochi").string()));
    EXPECT_EQ(loose.collection.notes, packaged.collection.notes);
    EXPECT_EQ(loose.collection.decks, packaged.collection.decks);
    // Without the attachment, the card that shows it is reported.
    EXPECT_THAT(loose.diagnostics,
                ElementsAre("deck.mochi: warning: data.json!decks[0].cards[4].Back: image "
                            "'padlock01.png' is not in the deck's media (nor at padlock01.png) "
                            "[MEDIA001]"));
}

TEST(MochiFixtures, EdnPackageReadsItsDecksAndCards) {
    DECKPORT_REQUIRE_FIXTURES();
    MochiRead r = read_mochi_input(
        read_input((fixtures_dir() / "mochi/synthetic-minimal-edn.mochi").string()));
    EXPECT_THAT(r.diagnostics, ElementsAre());
    EXPECT_THAT(deck_names(r.collection),
                ElementsAre("Rust Concurrency", "Rust Concurrency::Channels"));
    ASSERT_EQ(r.collection.notes.size(), 5u);
    EXPECT_TRUE(r.collection.media.empty());
    EXPECT_EQ(r.collection.notes[0].fields[0], md("What is a `Mutex`?"));
    EXPECT_EQ(r.collection.notes[3].fields[0], md("What is **Mutex Poisoning**?"));
    const Note& mpsc = r.collection.notes[4];
    EXPECT_EQ(mpsc.deck, "Rust Concurrency::Channels");
    EXPECT_THAT(mpsc.tags, ElementsAre("rust"));
    EXPECT_EQ(mpsc.fields[0], md("What is ```mpsc```?"));
    // No :id in the EDN: GUIDs are derived, and stable.
    EXPECT_FALSE(mpsc.guid.empty());
    MochiRead again = read_mochi_input(
        read_input((fixtures_dir() / "mochi/synthetic-minimal-edn.mochi").string()));
    EXPECT_EQ(guids(again.collection), guids(r.collection));
}

TEST(MochiFixtures, LooseEdnFileParsesToTheSameCollection) {
    DECKPORT_REQUIRE_FIXTURES();
    MochiRead loose = read_data_edn(read_text(fixtures_dir() / "mochi/synthetic-minimal.data.edn"));
    MochiRead packaged = read_mochi_input(
        read_input((fixtures_dir() / "mochi/synthetic-minimal-edn.mochi").string()));
    EXPECT_EQ(loose.collection.notes, packaged.collection.notes);
}

TEST(MochiReader, CompactTransitWithKeyCacheReadsLikeVerbose) {
    std::string verbose = R"({"~:version":2,"~:decks":[
        {"~:name":"A","~:id":"~:deckAAAA","~:cards":{"~#list":[
            {"~:content":"Q\n---\nA","~:tags":{"~#set":["t"]}}]}},
        {"~:name":"B","~:id":"~:deckBBBB","~:cards":{"~#list":[
            {"~:content":"Q2","~:tags":{"~#set":[]}}]},"~:parent-id":"~:deckAAAA"}]})";
    // The same data as transit-js writes it in its compact form: maps as ["^ ", ...], tags as
    // ["~#tag", value], and repeated keys and keywords as cache references.
    std::string compact = R"(["^ ","~:version",2,"~:decks",[
        ["^ ","~:name","A","~:id","~:deckAAAA","~:cards",["~#list",[
            ["^ ","~:content","Q\n---\nA","~:tags",["~#set",["t"]]]]]],
        ["^ ","^2","B","^3","~:deckBBBB","^5",["^6",[
            ["^ ","^7","Q2","^8",["^9",[]]]]],"~:parent-id","^4"]]])";
    MochiRead v = read_data_json(verbose);
    MochiRead c = read_data_json(compact);
    EXPECT_THAT(v.diagnostics, ElementsAre());
    EXPECT_THAT(c.diagnostics, ElementsAre());
    EXPECT_THAT(deck_names(c.collection), ElementsAre("A", "A::B"));
    EXPECT_EQ(c.collection.notes, v.collection.notes);
    ASSERT_EQ(c.collection.notes.size(), 2u);
    EXPECT_EQ(c.collection.notes[1].fields[0], md("Q2"));
    EXPECT_EQ(c.collection.notes[1].deck, "A::B");
}

TEST(MochiReader, TransitEscapesAndScalarsDecode) {
    // Only a leading `~`, `^` or `` ` `` is escaped.
    MochiRead r = read_data_json(R"({"~:version":"~i2","~:decks":[{"~:name":"~~tilde",
        "~:cards":[{"~:content":"~~~strike~~\n---\n~^caret","~:id":"~:abcdEFGH12",
                    "~:new?":"~?t","~:created-at":"~m1700000000000","~:x":"~_"}]},
        {"~:name":"~^caret","~:cards":[{"~:content":"~`tick"}]}]})");
    EXPECT_THAT(r.diagnostics, ElementsAre());
    EXPECT_THAT(deck_names(r.collection), ElementsAre("~tilde", "^caret"));
    ASSERT_EQ(r.collection.notes.size(), 2u);
    EXPECT_EQ(r.collection.notes[0].guid, "abcdEFGH12");
    EXPECT_EQ(r.collection.notes[0].fields[0], md("~~strike~~"));
    EXPECT_EQ(r.collection.notes[0].fields[1], md("~^caret"));
    EXPECT_EQ(r.collection.notes[1].fields[0], md("`tick"));
}

TEST(MochiReader, CardShapesFollowSidesAndClozes) {
    MochiRead r = read_data_json(R"({"~:version":2,"~:decks":[{"~:name":"D","~:cards":[
        {"~:content":"Only a front"},
        {"~:content":"The {{Shiba Inu}} is from {{Japan}}."},
        {"~:content":"A {{2::b}} and {{c}}\n---\nextra"},
        {"~:content":"One\n---\nTwo\n---\nThree"},
        {"~:content":"```\n---\n```\n---\nBack `{{not}}`"}]}]})");
    EXPECT_THAT(r.diagnostics, ElementsAre());
    const auto& n = r.collection.notes;
    ASSERT_EQ(n.size(), 5u);
    EXPECT_EQ(note_type_name(r.collection, n[0]), "Basic");
    EXPECT_EQ(n[0].fields[1], md(""));
    EXPECT_EQ(note_type_name(r.collection, n[1]), "Cloze");
    EXPECT_EQ(n[1].fields[0], md("The {{c1::Shiba Inu}} is from {{c1::Japan}}."));
    EXPECT_EQ(note_type_name(r.collection, n[2]), "Cloze");
    EXPECT_EQ(n[2].fields[0], md("A {{c2::b}} and {{c3::c}}"));
    EXPECT_EQ(n[2].fields[1], md("extra"));
    EXPECT_EQ(note_type_name(r.collection, n[3]), "Mochi 3 sides");
    EXPECT_EQ(n[3].fields, (std::vector<Content>{md("One"), md("Two"), md("Three")}));
    // A `---` inside a fence does not split; braces inside code are no cloze.
    EXPECT_EQ(note_type_name(r.collection, n[4]), "Basic");
    EXPECT_EQ(n[4].fields[0], md("```\n---\n```"));
    EXPECT_EQ(n[4].fields[1], md("Back `{{not}}`"));
}

TEST(MochiReader, TopLevelCardsJoinTheirDeckAndUnknownDecksAreReported) {
    MochiRead r = read_data_json(R"({"~:version":2,
        "~:decks":[{"~:name":"D","~:id":"~:deck0001"}],
        "~:cards":[{"~:content":"Q","~:deck-id":"~:deck0001"},
                   {"~:content":"Lost","~:deck-id":"~:nowhere1"}]})");
    EXPECT_THAT(r.diagnostics,
                ElementsAre("deck.mochi: warning: data.json!cards[1]: card names no known deck "
                            "(:deck-id 'nowhere1'); skipped [MOCHI027]"));
    ASSERT_EQ(r.collection.notes.size(), 1u);
    EXPECT_EQ(r.collection.notes[0].deck, "D");
}

TEST(MochiReader, DeckProblemsAreReportedAndReadingGoesOn) {
    MochiRead r = read_data_json(R"({"~:version":3,"~:decks":[
        {"~:id":"~:aaaaaaaa","~:parent-id":"~:bbbbbbbb","~:cards":[{"~:content":"1"}]},
        {"~:name":"B","~:id":"~:bbbbbbbb","~:parent-id":"~:aaaaaaaa"},
        {"~:name":"C","~:parent-id":"~:missing0"},
        {"~:name":"Gone","~:trashed?":{"~#dt":1700000000000}},
        {"~:name":"E","~:cards":[{"~:name":"no content"},{"~:content":{"~#bogus":1}}]}]})");
    EXPECT_THAT(
        r.diagnostics,
        ElementsAre(
            "deck.mochi: warning: data.json!version: :version is not 2; reading it as version 2 "
            "anyway [MOCHI020]",
            "deck.mochi: warning: data.json!decks[0]: deck has no :name; calling it 'Untitled' "
            "[MOCHI021]",
            "deck.mochi: warning: data.json!decks[0]: deck 'Untitled' is its own ancestor through "
            ":parent-id; cutting the cycle above it [MOCHI023]",
            "deck.mochi: warning: data.json!decks[1]: deck 'B' is its own ancestor through "
            ":parent-id; cutting the cycle above it [MOCHI023]",
            "deck.mochi: warning: data.json!decks[2]: deck 'C' names an unknown parent "
            "'missing0'; keeping it at the top level [MOCHI022]",
            "deck.mochi: warning: data.json!decks[4].cards[0]: card has no :content; skipped "
            "[MOCHI024]",
            "deck.mochi: error: data.json!decks[4].cards[1]: card :content must be a string, found "
            "a value tagged #bogus [MOCHI015]",
            "deck.mochi: note: data.json: skipped 1 trashed card(s) or deck(s) [MOCHI033]"));
    EXPECT_THAT(deck_names(r.collection),
                ElementsAre("B", "B::Untitled", "Untitled", "Untitled::B", "C", "E"));
}

TEST(MochiReader, TemplatePlaceholdersNamingNoFieldAreReported) {
    MochiRead r = read_data_json(R"({"~:version":2,
        "~:templates":[{"~:id":"~:tpl00001","~:name":"T","~:content":"<< Word >>\n---\n<<Missing>>",
                        "~:fields":{"~:name":{"~:id":"~:name","~:name":"Word"}}}],
        "~:decks":[{"~:name":"D","~:cards":[
            {"~:content":"","~:template-id":"~:tpl00001",
             "~:fields":{"~:name":{"~:id":"~:name","~:value":"Hund"}}},
            {"~:content":"","~:template-id":"~:unknown1"}]}]})");
    EXPECT_THAT(
        r.diagnostics,
        ElementsAre("deck.mochi: warning: data.json!decks[0].cards[0]: template 'tpl00001' has a "
                    "placeholder << Missing >> that names none of its fields [MOCHI026]",
                    "deck.mochi: warning: data.json!decks[0].cards[1]: card uses template "
                    "'unknown1', which :templates does not define; its content is empty "
                    "[MOCHI025]"));
    ASSERT_EQ(r.collection.notes.size(), 2u);
    EXPECT_EQ(r.collection.notes[0].fields[0], md("Hund"));
    EXPECT_EQ(r.collection.notes[0].fields[1], md(""));
}

TEST(MochiReader, ReviewsAreNotCarriedAndSaySo) {
    MochiRead r = read_data_json(R"({"~:version":2,"~:decks":[{"~:name":"D","~:cards":[
        {"~:content":"Q\n---\nA","~:reviews":[{"~:date":"~t1784415600000","~:remembered?":true}]},
        {"~:content":"Q2\n---\nA","~:reviews":[{"~:date":"~t1784415600000"}]}]}]})");
    EXPECT_THAT(r.diagnostics,
                ElementsAre("deck.mochi: note: data.json!decks[0].cards[0]: review history is not "
                            "carried (Mochi's pass/fail reviews have no Anki equivalent) "
                            "[MOCHI029]"));
    EXPECT_EQ(r.collection.notes.size(), 2u);
}

TEST(MochiReader, EdnSyntaxCovered) {
    MochiRead r = read_data_edn(R"(; a comment
{:version 2, :schema/version 35
 :decks [{:id :D1 :name "D\u00e9ck \"q\"" #_ :ignored #_ "this too"
          :cards ({:content "Q\n---\nA" :tags #{"a" :b} :pos "b" :x #inst "2020-01-01T00:00:00Z"}
                  {:content "First" :pos "a" :n [1 -2 3.5 +4 1e3 7N 1.5M ##Inf nil true false \a \newline sym]})}]})");
    EXPECT_THAT(r.diagnostics, ElementsAre());
    EXPECT_THAT(deck_names(r.collection), ElementsAre("D\xc3\xa9"
                                                      "ck \"q\""));
    ASSERT_EQ(r.collection.notes.size(), 2u);
    EXPECT_EQ(r.collection.notes[0].fields[0], md("First"));
    EXPECT_THAT(r.collection.notes[1].tags, ElementsAre("a", "b"));
}

TEST(MochiReader, MediaReferencesInsideCodeStayAsWritten) {
    MochiRead r = read_package({{"data.json", R"({"~:version":2,"~:decks":[{"~:name":"D","~:cards":[
        {"~:content":"![a](@media/a.png) `![b](@media/b.png)`"}]}]})"},
                                {"a.png", "PNG"}});
    EXPECT_THAT(r.diagnostics, ElementsAre());
    EXPECT_EQ(r.collection.notes[0].fields[0], md("![a](a.png) `![b](@media/b.png)`"));
}

TEST(MochiReader, EscapedRuleLinesComeBackAsWritten) {
    // join_sides writes a `---` line inside a side as `----`; reading undoes it, outside code.
    MochiRead r = read_data_json(R"({"~:version": 2, "~:decks": [{"~:name": "D", "~:cards": [
        {"~:content": "Q\n---\nA\n\n----\n\n```\n----\n```\n-----"}]}]})");
    EXPECT_THAT(r.diagnostics, ElementsAre());
    ASSERT_EQ(r.collection.notes.size(), 1u);
    EXPECT_EQ(r.collection.notes[0].fields[1].source, "A\n\n---\n\n```\n----\n```\n-----");
}
