// How Mochi cards map onto note types: one side or two (Basic), a cloze (Cloze), or three and
// more sides (a "Mochi N sides" note type with fields Side 1..N).
#pragma once

#include <string>
#include <vector>

#include "deckport/model.hpp"

namespace deckport::mochi {

// "Mochi N sides" (standard, N >= 3) or, for a card with clozes beyond a first side of one or
// two, "Mochi N sides (cloze)" (cloze, N >= 2: every side is a cloze field).
NoteType sides_note_type(std::size_t sides, bool cloze = false);
bool is_sides_note_type(const NoteType& note_type);

// A note (note type and markdown fields) for a card's content.
struct CardNote {
    NoteType note_type;
    std::vector<Content> fields;
};
CardNote note_for_content(const std::string& content);

}  // namespace deckport::mochi
