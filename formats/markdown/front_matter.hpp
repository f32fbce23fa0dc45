// The optional front matter: `Key: value` lines between two `---` lines at the top of a deck.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "deckport/diagnostics.hpp"
#include "deckport/model.hpp"
#include "markdown/source_text.hpp"

namespace deckport::markdown {

struct FrontMatter {
    bool present = false;
    bool names_flashcard_deck = false;    // has the `Flashcard Deck:` key: surely our syntax
    std::optional<std::string> deck;      // `Flashcard Deck:` or `Deck:`, normalized
    std::vector<std::string> tags;        // `Tags:`, added to every card
    const NoteType* note_type = nullptr;  // `Note Type:` (a built-in), for cards without cloze
    std::size_t body_start = 0;           // index of the first line after it
};

// Reads the front matter if line 1 is `---`. Reports MD003-MD008 and goes on: an unclosed
// front matter ends at its first line that is not `Key: value`.
FrontMatter read_front_matter(const SourceText& source, Diagnostics& diagnostics);

}  // namespace deckport::markdown
