// `deckport check` for Anki packages: the invariants that Anki's importer relies on, each with
// its own code (APKG1xx, listed in README.md).
#pragma once

#include "deckport/format.hpp"

namespace deckport::apkg {

// Reports every broken invariant to the context (at most 20 per code, then a count). Throws
// InputError when the package cannot be opened at all (the same errors as reading).
void check_package(const Input& input, ReadContext& context);

}  // namespace deckport::apkg
