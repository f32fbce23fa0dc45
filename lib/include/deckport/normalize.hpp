// Steps every reader shares after reading: identity and structure that the model guarantees.
#pragma once

#include "deckport/diagnostics.hpp"
#include "deckport/model.hpp"

namespace deckport {

// Gives every note without a GUID one (derived from deck, note type
// and first field); adds every note's deck and its ancestors; sorts and dedups tags. A GUID
// used twice stays with the first note; each later copy gets a new GUID derived from it,
// reported as warning DUP001 naming both notes and the new GUID.
void normalize_collection(Collection& collection, Diagnostics& diagnostics);

}  // namespace deckport
