// The card metadata comment, `<!-- id: … type: … deck: … tags: … -->`, on a card's first line:
// an HTML comment, so it stays invisible when the deck is rendered as markdown.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "deckport/diagnostics.hpp"
#include "deckport/model.hpp"
#include "markdown/note_type_catalog.hpp"
#include "markdown/source_text.hpp"

namespace deckport::markdown {

struct CardMetadata {
    std::optional<std::string> id;
    SourceLocation id_at;
    const NoteType* type = nullptr;   // from the deck's catalog
    std::optional<std::string> deck;  // normalized
    std::vector<std::string> tags;
};

// True when `line` is a whole-line HTML comment whose first word is a card key.
bool is_metadata_comment(std::string_view line);

// Reads line `index` as card metadata; nullopt when it is not a metadata comment (then it is
// content). `type:` names a note type of `note_types`. Reports MD007, MD008, MD015 and MD018
// for bad values and goes on without them.
std::optional<CardMetadata> read_card_metadata(const SourceText& source, std::size_t index,
                                               const NoteTypeCatalog& note_types,
                                               Diagnostics& diagnostics);

// For a whole-line comment that starts with a misspelt key (`tag:`, `guid:`...): the key it
// probably means, such as "tags:".
std::optional<std::string> misspelt_card_key(std::string_view line);

}  // namespace deckport::markdown
