// The round-trip engine against a test registry of fake formats: faithful, lossy by design,
// defective, unstable, and one that changes markup.
#include <gtest/gtest.h>

#include "deckport/error.hpp"
#include "deckport/notetypes.hpp"
#include "deckport/roundtrip.hpp"
#include "fake_format.hpp"
#include "test_support.hpp"

using namespace deckport;
using test::FakeFlaw;

namespace {

const char* const kText =
    "What is a Mutex?\n---\nA lock that guards data.\n. . .\nWhat is mpsc?\n---\nA channel.\n";

Collection sample_collection() {
    Collection c;
    c.note_types = {basic_note_type()};
    auto add = [&](std::string front, std::string back, int line, std::vector<std::string> tags) {
        Note note;
        note.note_type_id = basic_note_type().id;
        note.fields = {{Markup::markdown, front}, {Markup::markdown, back}};
        note.deck = "Rust::Concurrency";
        note.guid = derive_guid(note.deck, "Basic", front);
        note.set_tags(std::move(tags));
        note.origin = SourceLocation{"deck.md", line, 1};
        c.notes.push_back(note);
    };
    add("What is a Mutex?", "A lock that guards data.", 1, {"sync"});
    add("What is mpsc?", "A channel.", 5, {});
    c.ensure_deck("Rust::Concurrency");
    return c;
}

RoundtripResult run(const FormatRegistry& registry, const Collection& c,
                    RoundtripSettings settings = {}) {
    return roundtrip({c, "deck.md", kText, test::source_dir()}, registry, settings);
}

std::vector<std::string> rendered(const FormatRoundtrip& format) {
    return test::rendered(format.diagnostics);
}

}  // namespace

TEST(Roundtrip, FaithfulFormatPassesWithoutLosses) {
    FormatRegistry registry;
    registry.add(test::make_fake_format("faithful", test::carries_everything()));
    RoundtripResult result = run(registry, sample_collection());
    ASSERT_EQ(result.formats.size(), 1u);
    EXPECT_TRUE(result.passed());
    EXPECT_TRUE(result.formats[0].fixpoint);
    EXPECT_TRUE(result.formats[0].losses.empty());
    EXPECT_TRUE(result.formats[0].diagnostics.empty())
        << ::testing::PrintToString(rendered(result.formats[0]));
}

TEST(Roundtrip, TagDroppedByAFormatWithoutTagsIsALossByDesignNotAFailure) {
    Capabilities carries = test::carries_everything();
    carries.tags = false;
    FormatRegistry registry;
    registry.add(test::make_fake_format("quizletish", carries, FakeFlaw::drop_tags));
    RoundtripResult result = run(registry, sample_collection());
    EXPECT_TRUE(result.passed());
    EXPECT_EQ(result.formats[0].losses, std::vector<std::string>{"tags"});
    EXPECT_EQ(rendered(result.formats[0]),
              std::vector<std::string>{"deck.md: warning: quizletish does not carry tags (1 "
                                       "difference, lost by design) [RT001]"});
}

// A format without note types that keeps two fields joins the others into the second: the
// second field is then the join of the original's, a loss by design, not a changed field.
TEST(Roundtrip, FieldsJoinedByATwoFieldFormatAreALossByDesign) {
    Collection c = sample_collection();
    NoteType vocab = basic_note_type();
    vocab.name = "Vocab";
    vocab.fields = {"Word", "Meaning", "Example"};
    vocab.id = 77;
    c.note_types.push_back(vocab);
    c.notes[1].note_type_id = 77;
    c.notes[1].fields.push_back({Markup::markdown, "Example text."});
    Capabilities carries = test::carries_everything();
    carries.note_types = false;
    FormatRegistry registry;
    registry.add(test::make_fake_format("quizletish", carries, FakeFlaw::two_fields));
    RoundtripResult result = run(registry, c);
    EXPECT_TRUE(result.passed()) << ::testing::PrintToString(rendered(result.formats[0]));
    EXPECT_EQ(result.formats[0].losses,
              std::vector<std::string>{"fields beyond the note's first 2"});
}

TEST(Roundtrip, TagDroppedByAFormatThatCarriesTagsIsAFailure) {
    FormatRegistry registry;
    registry.add(test::make_fake_format("buggy", test::carries_everything(), FakeFlaw::drop_tags));
    RoundtripResult result = run(registry, sample_collection());
    EXPECT_FALSE(result.passed());
    EXPECT_EQ(rendered(result.formats[0]),
              std::vector<std::string>{"deck.md:1:1: error: buggy: note 'What is a Mutex?': tags "
                                       "changed from [sync] to [] [RT005]"});
}

TEST(Roundtrip, FieldChangedByAWriterFailsNamingNoteAndField) {
    FormatRegistry registry;
    registry.add(test::make_fake_format("faithful", test::carries_everything()));
    registry.add(
        test::make_fake_format("defective", test::carries_everything(), FakeFlaw::change_field));
    RoundtripResult result = run(registry, sample_collection());
    ASSERT_EQ(result.formats.size(), 2u);
    EXPECT_TRUE(result.formats[0].passed());
    EXPECT_FALSE(result.formats[1].passed());
    EXPECT_FALSE(result.passed());
    EXPECT_EQ(result.formats[1].unexpected, 1u);
    EXPECT_EQ(rendered(result.formats[1]),
              std::vector<std::string>{
                  "deck.md:3:1: error: defective: note 'What is a Mutex?': field Back changed: "
                  "expected \"A lock that guards data.\", got \"A lock that guards date.\" "
                  "[RT004]"});
}

TEST(Roundtrip, WriteThatNeverSettlesIsNotAFixpoint) {
    FormatRegistry registry;
    registry.add(
        test::make_fake_format("unstable", test::carries_everything(), FakeFlaw::unstable));
    RoundtripResult result = run(registry, sample_collection());
    EXPECT_FALSE(result.passed());
    EXPECT_FALSE(result.formats[0].fixpoint);
    EXPECT_EQ(result.formats[0].unexpected, 0u);
    ASSERT_EQ(result.formats[0].diagnostics.size(), 1u);
    EXPECT_EQ(result.formats[0].diagnostics[0].code, "RT006");
    EXPECT_NE(result.formats[0].diagnostics[0].message.find("differs from byte 17"),
              std::string::npos)
        << result.formats[0].diagnostics[0].message;
}

TEST(Roundtrip, MarkdownReadBackAsHtmlComparesWhatAReaderSees) {
    Collection c = sample_collection();
    c.notes[0].fields[1].source = "A **lock** that guards data.";
    FormatRegistry registry;
    registry.add(
        test::make_fake_format("htmlish", test::carries_everything(), FakeFlaw::html_fields));
    RoundtripResult result = run(registry, c);
    EXPECT_TRUE(result.passed()) << ::testing::PrintToString(rendered(result.formats[0]));
}

TEST(Roundtrip, FormattingLostByATextOnlyFormatIsByDesign) {
    Collection c = sample_collection();
    c.notes[0].fields[1].source = "A **lock** that guards data.";
    Capabilities carries = test::carries_everything();
    carries.formatting = false;
    FormatRegistry registry;
    registry.add(test::make_fake_format("textonly", carries, FakeFlaw::html_fields));
    RoundtripResult result = run(registry, c);
    EXPECT_TRUE(result.passed());
    EXPECT_EQ(result.formats[0].losses, std::vector<std::string>{"formatting"});
}

TEST(Roundtrip, ViaChoosesFormatsAndRefusesUnknownOnes) {
    FormatRegistry registry;
    registry.add(test::make_fake_format("one", test::carries_everything()));
    registry.add(test::make_fake_format("two", test::carries_everything()));
    RoundtripSettings settings;
    settings.via = {"two"};
    RoundtripResult result = run(registry, sample_collection(), settings);
    ASSERT_EQ(result.formats.size(), 1u);
    EXPECT_EQ(result.formats[0].format, "two");
    settings.via = {"three"};
    EXPECT_THROW(run(registry, sample_collection(), settings), UsageError);
}

TEST(Roundtrip, KeepWritesTheIntermediateFiles) {
    test::TempDir dir;
    FormatRegistry registry;
    registry.add(test::make_fake_format("one", test::carries_everything()));
    RoundtripSettings settings;
    settings.keep_dir = dir / "kept";
    run(registry, sample_collection(), settings);
    std::string kept = test::read_text(dir / "kept" / "deck.one.one");
    EXPECT_NE(kept.find("What is a Mutex?"), std::string::npos);
}

TEST(Roundtrip, MissingNoteIsReported) {
    // A reader that loses the last note: the writer is faithful, the reader is not.
    class LosingReader : public test::FakeReader {
      public:
        Collection read(const Input& input, ReadContext& context) const override {
            Collection c = FakeReader::read(input, context);
            c.notes.pop_back();
            return c;
        }
    };
    Format format = test::make_fake_format("losing", test::carries_everything());
    format.reader = std::make_unique<LosingReader>();
    FormatRegistry registry;
    registry.add(std::move(format));
    RoundtripResult result = run(registry, sample_collection());
    EXPECT_FALSE(result.passed());
    std::vector<std::string> found = rendered(result.formats[0]);
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0],
              "deck.md:5:1: error: losing: note 'What is mpsc?' is missing after the "
              "round trip [RT002]");
    // Each read loses one more note, so writing again differs too.
    EXPECT_EQ(result.formats[0].diagnostics[1].code, "RT006");
}
