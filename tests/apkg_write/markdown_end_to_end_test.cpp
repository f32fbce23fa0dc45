// Markdown deck -> apkg through the registered markdown reader, as `deckport convert` does.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "apkg_write_helpers.hpp"
#include "deckport/io.hpp"

using namespace deckport;
using namespace deckport::test;

namespace {

Collection read_markdown(const Input& input) {
    const Format* format = builtin_formats().find("markdown");
    if (!format) throw std::runtime_error("the markdown format is not registered");
    Diagnostics diagnostics;
    ReadContext context{diagnostics, {}, {}, kTimestamp};
    Collection collection = read_collection(*format, input, context);
    EXPECT_FALSE(diagnostics.has_errors()) << rendered(diagnostics.all()).front();
    return collection;
}

}  // namespace

TEST(ApkgFromMarkdown, ReferenceDeckPassesTheIndependentCheck) {
    Collection c =
        read_markdown(read_input((source_dir() / "decks" / "rust-concurrency.md").string()));
    WriteResult result = write_apkg(c);
    ASSERT_FALSE(result.bytes.empty());
    EXPECT_TRUE(result.diagnostics.empty()) << rendered(result.diagnostics).front();
    CheckResult check = independent_check(result.bytes, "--notes 5 --cards 5 --media 0");
    EXPECT_EQ(check.exit_code, 0) << check.output;
    EXPECT_EQ(deckport_check(result.bytes), std::vector<std::string>{});
    EXPECT_NE(check.output.find("\"Rust Concurrency\""), std::string::npos) << check.output;

    SqliteDb db = open_collection(result.bytes);
    std::vector<std::string> fields = column_texts(db, "select flds from notes order by sfld");
    ASSERT_EQ(fields.size(), 5u);
    // Markdown became HTML: code spans, emphasis and block quotes.
    EXPECT_EQ(column_texts(db, "select sfld from notes where sfld like 'What is a%'"),
              std::vector<std::string>{"What is a Mutex?"});
    bool quoted = false;
    for (const std::string& f : fields) {
        quoted = quoted || f.find("<blockquote>") != std::string::npos;
        EXPECT_NE(f.find("<code>"), std::string::npos) << f;
    }
    EXPECT_TRUE(quoted);
    EXPECT_EQ(write_apkg(c).bytes, result.bytes);
}

TEST(ApkgFromMarkdown, ImagesClozeDecksAndTagsEndToEnd) {
    TempDir dir;
    write_text(dir / "img" / "ferris crab.png", "PNG ferris");
    write_text(dir / "img" / "copy.png", "PNG ferris");
    write_text(dir / "deck.md",
               "---\nDeck: Rust::Ownership\nTags: rust\n---\n\n"
               "<!-- id: own-1 tags: basics -->\n"
               "Who owns this?\n\n![crab](<img/ferris crab.png>)\n---\nThe **owner**.\n\n"
               ". . .\n\n"
               "A {{c1::move}} transfers {{c2::ownership}}; ![again](img/copy.png)\n\n"
               ". . .\n\n"
               "<!-- type: Basic (and reversed card) deck: Rust::Borrowing::Rules -->\n"
               "`&mut T`\n---\nan exclusive borrow\n");
    Collection c = read_markdown(read_input((dir / "deck.md").string()));
    WriteResult result = write_apkg(c);
    ASSERT_FALSE(result.bytes.empty()) << rendered(result.diagnostics).front();
    CheckResult check = independent_check(result.bytes, "--notes 3 --cards 5 --media 1");
    EXPECT_EQ(check.exit_code, 0) << check.output;
    EXPECT_EQ(deckport_check(result.bytes), std::vector<std::string>{});
    for (const char* deck : {"\"Rust\"", "\"Rust::Ownership\"", "\"Rust::Borrowing\"",
                             "\"Rust::Borrowing::Rules\"", "\"Default\""}) {
        EXPECT_NE(check.output.find(deck), std::string::npos) << deck << check.output;
    }
    ZipReader zip(result.bytes, "out.apkg", "TEST");
    EXPECT_EQ(zip.read("media"), "{\"0\":\"ferris crab.png\"}");
    SqliteDb db = open_collection(result.bytes);
    std::vector<std::string> fields = column_texts(db, "select flds from notes");
    std::string all;
    for (const std::string& f : fields) all += f + "\n";
    EXPECT_NE(all.find("src=\"ferris crab.png\""), std::string::npos) << all;
    EXPECT_EQ(all.find("img/"), std::string::npos) << all;
    EXPECT_EQ(column_texts(db, "select tags from notes where guid = 'own-1'"),
              std::vector<std::string>{" basics rust "});
}

// Issue 11: a markdown deck's `Description:` is the deck's description in Anki, and a note type
// it defines (three fields, its own templates and CSS) is the note type in the package.
TEST(ApkgFromMarkdown, DescriptionAndDefinedNoteTypes) {
    Collection c = read_markdown(input_from_memory(
        "deck.md",
        "---\nFlashcard Deck: Spanish\nDescription: \"Everyday words.\\n\"\nNote Type: Vocab\n"
        "Note Types:\n  - name: Vocab\n    id: 1700000000009\n    fields: [Word, Meaning, "
        "Example]\n"
        "    templates:\n      - {name: Card 1, front: \"{{Word}}\", back: "
        "\"{{Meaning}}\\t{{Example}}\"}\n"
        "    css: \".card {}\\n\"\n---\nperro\n---\ndog\n--- Example\nEl perro ladra.\n"));
    WriteResult result = write_apkg(c);
    ASSERT_FALSE(result.bytes.empty()) << rendered(result.diagnostics).front();
    SqliteDb db = open_collection(result.bytes);
    auto decks = nlohmann::json::parse(column_texts(db, "select decks from col").at(0));
    bool described = false;
    for (const auto& [id, deck] : decks.items())
        described = described || (deck["name"] == "Spanish" && deck["desc"] == "Everyday words.\n");
    EXPECT_TRUE(described) << decks.dump();
    auto models = nlohmann::json::parse(column_texts(db, "select models from col").at(0));
    const auto& vocab = models.at("1700000000009");
    EXPECT_EQ(vocab["name"], "Vocab");
    EXPECT_EQ(vocab["css"], ".card {}\n");
    EXPECT_EQ(vocab["tmpls"][0]["afmt"], "{{Meaning}}\t{{Example}}");
    EXPECT_EQ(vocab["flds"].size(), 3u);
    EXPECT_EQ(column_texts(db, "select flds from notes"),
              std::vector<std::string>{"perro\x1f"
                                       "dog\x1f"
                                       "El perro ladra."});
}
