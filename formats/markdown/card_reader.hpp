// Turns one card's lines into a note: metadata, question and answer, note type, deck, tags.
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
    const NoteType* note_type = nullptr;  // a built-in
    std::optional<std::string> explicit_id;
    SourceLocation id_at;
    std::size_t first_field_line = 0;  // index of the line where each field starts
    std::size_t second_field_line = 0;
};

// nullopt for a card that holds only blank lines. Reports MD011-MD014, MD017 and MD022, plus
// what reading its metadata comment reports.
std::optional<ReadCard> read_card(const RawCard& raw, const DeckSource& deck,
                                  Diagnostics& diagnostics);

}  // namespace deckport::markdown
