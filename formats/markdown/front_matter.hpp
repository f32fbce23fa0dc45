// The optional front matter: YAML between two `---` lines at the top of a deck (older decks'
// `Key: value` lines that are not valid YAML are read as they always were).
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "deckport/diagnostics.hpp"
#include "deckport/model.hpp"
#include "markdown/note_type_catalog.hpp"
#include "markdown/source_text.hpp"

namespace deckport::markdown {

struct FrontMatter {
    bool present = false;
    bool names_flashcard_deck = false;       // has the `Flashcard Deck:` key: surely our syntax
    std::optional<std::string> deck;         // `Flashcard Deck:` or `Deck:`, normalized
    std::vector<std::string> tags;           // `Tags:`, added to every card
    std::optional<std::string> description;  // `Description:`, of the front matter's deck
    NoteTypeCatalog note_types;              // `Note Types:` (inline and files), then built-ins
    const NoteType* note_type = nullptr;     // `Note Type:`, for cards that name none
    std::size_t body_start = 0;              // index of the first line after it
};

// Reads the front matter if line 1 is `---`. Note type files are read relative to `deck_dir`
// (and only inside it). Reports MD003-MD008, MD024 and MD025 and goes on: an unclosed front
// matter ends at its first line that is neither `Key: value`, indented nor a list item.
FrontMatter read_front_matter(const SourceText& source, const std::filesystem::path& deck_dir,
                              Diagnostics& diagnostics);

}  // namespace deckport::markdown
