// The `cards` rows of a note: the cards Anki would generate (no importer generates any), or the
// note's own cards with their scheduling when it came from an Anki package.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "apkg/deck_table.hpp"
#include "apkg/package_content.hpp"
#include "apkg/unique_ids.hpp"
#include "deckport/format.hpp"
#include "deckport/model.hpp"

namespace deckport::apkg {

// About how many card rows the notes make (cloze notes: one per distinct number in their
// fields' `{{cN::` openers): room reserved for them up front is not copied as it fills (at
// 100,000 cards, growing past the notes' count copied 15 MB into 30 at the peak of writing).
std::size_t card_rows_hint(const Collection& collection);

struct CardBuilder {
    DeckTable& decks;
    UniqueIds& card_ids;
    std::unordered_map<std::int64_t, std::int64_t>& written_card_id;  // source id -> row id
    std::int64_t next_position = 1;  // the due of the next generated new card

    // Appends the note's cards to `out`; `field_html` is to_html of each of the note's fields.
    void add_cards(const Note& note, const std::vector<std::string>& field_html,
                   const NoteType& note_type, const NoteRow& row, const SourceLocation& origin,
                   WriteContext& context, std::vector<CardRow>& out);

  private:
    // At most 500 cloze cards, as Anki makes them (deckport/cloze_limit.hpp); cloze numbers
    // above 500 are reported (APKG218).
    void add_generated(const Note& note, const std::vector<std::string>& field_html,
                       const NoteType& note_type, const NoteRow& row, const SourceLocation& origin,
                       WriteContext& context, std::vector<CardRow>& out);
    void add_carried(const Note& note, const NoteType& note_type, const NoteRow& row,
                     const SourceLocation& origin, WriteContext& context,
                     std::vector<CardRow>& out);
};

}  // namespace deckport::apkg
