// Note matching on its own: notes that lose their ids and first fields on the way (Quizlet,
// cloze cards) are paired by their words.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "deckport/notetypes.hpp"
#include "roundtrip/roundtrip_internal.hpp"

using namespace deckport;

namespace {

Note note_of(std::string text, std::string guid) {
    Note note;
    note.note_type_id = basic_note_type().id;
    note.guid = std::move(guid);
    note.fields = {{Markup::markdown, std::move(text)}, {Markup::markdown, ""}};
    return note;
}

}  // namespace

// 924 notes, each a different six of twelve words: every word is in 462 notes, more than the
// matcher compares with one note, so the words alone point at none of them. The read-back
// notes come in reverse order and spell their words with commas (so neither GUID nor first
// field matches): each must still be paired with the note of exactly its words, however far.
TEST(NoteMatching, NotesOfCommonWordsArePairedWithTheirOwnWordsFarAway) {
    const std::vector<std::string> words = {"alpha", "bravo",   "charlie", "delta",
                                            "echo",  "foxtrot", "golf",    "hotel",
                                            "india", "juliet",  "kilo",    "lima"};
    Collection original, readback;
    original.note_types = readback.note_types = {basic_note_type()};
    for (unsigned mask = 0; mask < (1u << 12); ++mask) {
        if (__builtin_popcount(mask) != 6) continue;
        std::string spaced, commas;
        for (std::size_t bit = 0; bit < 12; ++bit) {
            if (!(mask & (1u << bit))) continue;
            spaced += (spaced.empty() ? "" : " ") + words[bit];
            commas += (commas.empty() ? "" : ", ") + words[bit];
        }
        original.notes.push_back(note_of(spaced, "o" + std::to_string(mask)));
        readback.notes.insert(readback.notes.begin(), note_of(commas, "r" + std::to_string(mask)));
    }
    ASSERT_EQ(original.notes.size(), 924u);

    roundtrip_detail::NoteMatches matches = roundtrip_detail::match_notes(original, readback);
    EXPECT_TRUE(matches.lost.empty());
    EXPECT_TRUE(matches.added.empty());
    ASSERT_EQ(matches.pairs.size(), 924u);
    for (const auto& [o, r] : matches.pairs) {
        EXPECT_EQ(r->guid.substr(1), o->guid.substr(1)) << o->fields[0].source;
    }
}
