// A note as Mochi card content: its fields as markdown sides joined by `---` lines.
#pragma once

#include <set>
#include <string>

#include "deckport/model.hpp"

namespace deckport::mochi {

// The content for `note` (of `note_type`, null when unknown). Markdown fields stay as written;
// HTML and text fields are converted to markdown. Cloze numbers lose Anki's `c`; links to
// files in `media_names` become `@media/NAME`.
std::string card_content(const Note& note, const NoteType* note_type,
                         const std::set<std::string>& media_names);

// How a note type's cards fare in Mochi: empty when nothing is lost, else what is lost.
std::string note_type_loss(const NoteType& note_type);

}  // namespace deckport::mochi
