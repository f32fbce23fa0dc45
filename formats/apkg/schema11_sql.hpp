// The schema of an Anki 2 collection (version 11), as Anki creates it (rslib storage/schema11.sql).
#pragma once

#include <string_view>

namespace deckport::apkg {

// The five tables: col, notes, cards, revlog, graves.
extern const std::string_view kSchema11Tables;
// Their indexes; created after the rows are in, which is faster and gives the same database.
extern const std::string_view kSchema11Indexes;

}  // namespace deckport::apkg
