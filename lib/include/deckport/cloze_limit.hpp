// Anki's limit on cloze cards. Card generation takes `min(N - 1, 499)` for every cloze number
// N (rslib/src/notetype/cardgen.rs), and card 500 shows only cloze 500 (rslib/src/cloze.rs):
// a note gets at most 500 cloze cards, and c501 and above never get a card of their own.
#pragma once

#include <string>
#include <vector>

#include "deckport/model.hpp"
#include "deckport/render.hpp"

namespace deckport {

inline constexpr int kMaxClozeCardOrd = 499;  // card 500, the card of c500

// The card ordinals Anki stores for a note (cloze ordinals folded into 499): anki_card_ords in
// deckport/render.hpp, which renders the templates as Anki's card generation does.

// The cloze numbers above 500 of a cloze note (sorted): Anki gives none of them a card of its
// own. Empty for a standard note type.
std::vector<int> clozes_without_card(const NoteType& note_type, const Note& note);

// What to tell the user about `numbers` (from clozes_without_card, not empty).
std::string clozes_without_card_message(const std::vector<int>& numbers);

}  // namespace deckport
