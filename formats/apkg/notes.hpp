// Notes, cards and review history: one pass over each table with prepared statements.
#pragma once

#include <nlohmann/json.hpp>

#include "apkg/collection.hpp"
#include "deckport/model.hpp"

namespace deckport::apkg {

// Adds the collection's notes (with their cards) to `out`, whose note types and decks are
// already mapped. A note's deck is the home deck of its first card (lowest ord). Notes whose
// note type is missing (APKG020) or whose field count differs (APKG021) are reported and
// skipped; invalid UTF-8 is repaired (APKG022); cards without a note (APKG023) are skipped;
// cards in a missing deck go to Default (APKG024); notes without cards are noted (APKG025).
void read_notes(OpenCollection& collection, Collection& out, Diagnostics& diagnostics);

// The revlog rows as [id, cid, usn, ease, ivl, lastIvl, factor, time, type] arrays.
nlohmann::json read_revlog(OpenCollection& collection);

}  // namespace deckport::apkg
