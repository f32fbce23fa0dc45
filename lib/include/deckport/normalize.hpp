// Steps every reader shares after reading: identity and structure that the model guarantees.
#pragma once

#include "deckport/diagnostics.hpp"
#include "deckport/model.hpp"

namespace deckport {

// Gives every note without a GUID one (derived from deck, note type
// and first field); adds every note's deck and its ancestors; sorts and dedups tags. Reports
// duplicate GUIDs as errors (code DUP001) naming both notes.
void normalize_collection(Collection& collection, Diagnostics& diagnostics);

}  // namespace deckport
