#include <gtest/gtest.h>

#include "deckport/identity.hpp"
#include "deckport/notetypes.hpp"

using namespace deckport;

TEST(Identity, Sha1HexMatchesKnownVector) {
    EXPECT_EQ(sha1_hex("abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
}

TEST(Identity, Base91UsesAnkisAlphabet) {
    EXPECT_EQ(base91(0), "a");
    EXPECT_EQ(base91(90), "~");
    EXPECT_EQ(base91(91), "ba");
}

TEST(Identity, DerivedGuidIsStableAndDependsOnEveryPart) {
    std::string guid = derive_guid("Rust", "Basic", "What is a `Mutex`?");
    EXPECT_EQ(guid, derive_guid("Rust", "Basic", "What is a `Mutex`?"));
    EXPECT_NE(guid, derive_guid("Rust::Sync", "Basic", "What is a `Mutex`?"));
    EXPECT_NE(guid, derive_guid("Rust", "Cloze", "What is a `Mutex`?"));
    EXPECT_NE(guid, derive_guid("Rust", "Basic", "What is a `Mutex`"));
    // The separator keeps ("a", "bc") and ("ab", "c") apart.
    EXPECT_NE(derive_guid("a", "bc", ""), derive_guid("ab", "c", ""));
}

TEST(Identity, DerivedIdsLookLikeAnkiMillisecondsAndFitInADouble) {
    for (const char* name : {"Default", "Rust Concurrency", "A::B", ""}) {
        std::int64_t id = derive_id("deck", name);
        EXPECT_GE(id, 1'000'000'000'000LL);
        EXPECT_LT(id, 1LL << 53);
        EXPECT_EQ(id, derive_id("deck", name));
    }
    EXPECT_NE(derive_id("deck", "A"), derive_id("notetype", "A"));
}

TEST(NoteTypes, BuiltinsHaveDistinctStableIds) {
    EXPECT_EQ(basic_note_type().id, basic_note_type().id);
    EXPECT_NE(basic_note_type().id, basic_and_reversed_note_type().id);
    EXPECT_NE(basic_note_type().id, cloze_note_type().id);
    EXPECT_EQ(cloze_note_type().kind, NoteTypeKind::cloze);
    EXPECT_EQ(basic_and_reversed_note_type().templates.size(), 2u);
}

TEST(NoteTypes, ClozeNumbersAreSortedAndUnique) {
    EXPECT_EQ(cloze_numbers("{{c2::a}} {{c1::b}} {{c2::c::hint}}"), (std::vector<int>{1, 2}));
    EXPECT_EQ(cloze_numbers("{{c::x}} {{cx::y}} {c1::z}"), std::vector<int>{});
    EXPECT_EQ(cloze_numbers("{{c10::ten}}"), std::vector<int>{10});
}

TEST(NoteTypes, GeneratedCardsFollowAnkisRules) {
    Note note;
    note.fields = {{Markup::markdown, "{{c1::a}} and {{c3::b}}"}, {Markup::markdown, ""}};
    EXPECT_EQ(generated_card_ords(cloze_note_type(), note), (std::vector<int>{0, 2}));
    EXPECT_EQ(generated_card_ords(basic_and_reversed_note_type(), note), (std::vector<int>{0, 1}));
}
