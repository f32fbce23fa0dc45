// The schema of an Anki 2 collection (version 11), as Anki creates it (rslib storage/schema11.sql).
#pragma once

#include <string_view>

namespace deckport::apkg {

// The tables that schemas 11 and 18 share: col, notes, cards, revlog.
extern const std::string_view kCollectionTables;
// Schema 11's graves (schema 18 has another shape: schema18_sql.hpp).
extern const std::string_view kSchema11Graves;
// Their indexes (schema 18 has them too); created after the rows are in, which is faster and
// gives the same database.
extern const std::string_view kSchema11Indexes;

}  // namespace deckport::apkg
