// Anki's limit on cloze cards. Card generation takes `min(N - 1, 499)` for every cloze number
// N (rslib/src/notetype/cardgen.rs), and card 500 shows only cloze 500 (rslib/src/cloze.rs):
// a note gets at most 500 cloze cards, and c501 and above never get a card of their own.
#pragma once

#include <string>
#include <vector>

#include "deckport/model.hpp"

namespace deckport {

inline constexpr int kMaxClozeCardOrd = 499;  // card 500, the card of c500

// The card ordinals Anki stores for `note` when it generates its cards: generated_card_ords
// with every ordinal above 499 folded into 499 (sorted, unique).
std::vector<int> anki_card_ords(const NoteType& note_type, const Note& note);

// The cloze numbers above 500 of a cloze note (sorted): Anki gives none of them a card of its
// own. Empty for a standard note type.
std::vector<int> clozes_without_card(const NoteType& note_type, const Note& note);

// What to tell the user about `numbers` (from clozes_without_card, not empty).
std::string clozes_without_card_message(const std::vector<int>& numbers);

}  // namespace deckport
