// Anki text files: CSV/TSV with Anki's header lines (the "Notes in Plain Text" layout).
#pragma once

#include "deckport/format.hpp"

namespace deckport {

Format make_csv_format();

}  // namespace deckport
