// The note types a markdown deck can name: the ones its front matter defines, then the
// built-ins (Anki's six stock note types). Names are case-insensitive, as in Anki, and runs of
// spaces in them count as one; a definition
// named like a built-in replaces it in that deck. The reader and the writer resolve names
// through the same rules, so that what one writes the other reads back.
#pragma once

#include <deque>
#include <string_view>

#include "deckport/model.hpp"

namespace deckport::markdown {

class NoteTypeCatalog {
  public:
    // Adds a definition; false when the deck already defines that name (it is not added).
    bool define(NoteType note_type);
    const NoteType* find(std::string_view name) const;
    const NoteType* defined(std::string_view name) const;
    const std::deque<NoteType>& definitions() const { return defined_; }

    // The type of a card that names none: `front` (the front matter's `Note Type:`) when
    // given, else "Cloze" for a card whose question holds a cloze deletion, else "Basic". A
    // cloze card takes `front` only when it is a cloze note type.
    const NoteType& default_type(const NoteType* front, bool question_has_cloze) const;

  private:
    std::deque<NoteType> defined_;  // stable addresses: cards point at them
};

// The built-in note type named `name` (case-insensitively), or null.
const NoteType* builtin_named(std::string_view name);
// "Basic, Basic (and reversed card), ...": for hints.
std::string builtin_names();

}  // namespace deckport::markdown
