// A note as Mochi card content: its fields as markdown sides joined by `---` lines.
#pragma once

#include <map>
#include <string>

#include "deckport/model.hpp"

namespace deckport::mochi {

struct CardContent {
    std::string text;
    // A cloze note whose clozes all sit inside code, where Mochi shows text: written as a card
    // without clozes.
    bool clozes_in_code_only = false;
};

// The content for `note` (of `note_type`, null when unknown). Markdown fields stay as written;
// HTML and text fields are converted to markdown. In the fields a cloze note type shows with
// `{{cloze:...}}`, Anki's clozes lose their `c`; every other `{{` outside code is escaped
// (`{\{`) so that Mochi does not read a cloze there. Links to media files become `@media/FLAT`,
// with FLAT the file's name in the archive (`flat_names`).
CardContent card_content(const Note& note, const NoteType* note_type,
                         const std::map<std::string, std::string>& flat_names);

// How a note type's cards fare in Mochi: empty when nothing is lost, else what is lost.
std::string note_type_loss(const NoteType& note_type);

}  // namespace deckport::mochi
