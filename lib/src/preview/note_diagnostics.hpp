// Which note a diagnostic of `deckport check` is about, so that the page can show it next to
// that note's cards.
#pragma once

#include <vector>

#include "deckport/diagnostics.hpp"
#include "deckport/model.hpp"

namespace deckport::preview_detail {

struct NoteDiagnostics {
    std::vector<std::vector<const Diagnostic*>> by_note;  // one list per note of the collection
    std::vector<const Diagnostic*> deck_level;            // about no note in particular
};

// A diagnostic belongs to a note when its locator starts with the note's (packages), or when
// it points into the note's lines (text decks: from the note's first line to the next note's).
NoteDiagnostics attach_diagnostics(const Collection& collection,
                                   const std::vector<Diagnostic>& diagnostics);

}  // namespace deckport::preview_detail
