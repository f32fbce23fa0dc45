// Turns one card's lines into a note: metadata, fields, note type, deck, tags.
#pragma once

#include <optional>
#include <string>

#include "deckport/diagnostics.hpp"
#include "deckport/model.hpp"
#include "markdown/card_splitter.hpp"
#include "markdown/front_matter.hpp"
#include "markdown/source_text.hpp"

namespace deckport::markdown {

struct DeckSource {
    const SourceText& source;
    const SplitBody& body;
    const FrontMatter& front;
};

struct ReadCard {
    Note note;  // guid left empty: the reader sets explicit ids once it has checked them
    const NoteType* note_type = nullptr;  // from the front matter's catalog
    std::optional<std::string> explicit_id;
    SourceLocation id_at;
};

// nullopt for a card that holds only blank lines. Reports MD011-MD014, MD017, MD022, MD026 and
// MD027, plus what reading its metadata comment reports.
std::optional<ReadCard> read_card(const RawCard& raw, const DeckSource& deck,
                                  Diagnostics& diagnostics);

}  // namespace deckport::markdown
