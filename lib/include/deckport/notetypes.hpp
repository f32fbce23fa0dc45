// The built-in note types, with ids derived from their names and fields.
#pragma once

#include "deckport/model.hpp"

namespace deckport {

extern const char* const kDefaultCss;

NoteType basic_note_type();
NoteType basic_and_reversed_note_type();
NoteType cloze_note_type();

// True when `note_type` has the shape of a built-in (same name, fields and kind).
bool is_builtin_note_type(const NoteType& note_type);

// The numbers N of every `{{cN::…}}` in `text`, sorted and unique.
std::vector<int> cloze_numbers(std::string_view text);

// The card ordinals Anki would generate for `note`: one per template for a standard note type,
// N-1 for every cloze number N (at least one card, as Anki makes an empty cloze card 1).
std::vector<int> generated_card_ords(const NoteType& note_type, const Note& note);

}  // namespace deckport
