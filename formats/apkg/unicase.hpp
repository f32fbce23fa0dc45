// Anki's `unicase` SQLite collation (rslib/src/storage/sqlite.rs: `UniCase::new(a).cmp(&b)` of
// the Rust unicase crate): ASCII text compares by lowercased bytes, other text by its full
// Unicode case folding. Schema 18 declares every name column with it, so a writer must register
// it before creating the tables, and must keep names unique under it.
#pragma once

#include <string>
#include <string_view>

#include "common/sqlite_db.hpp"

namespace deckport::apkg {

// <0, 0 or >0, like memcmp. Text that is not UTF-8 compares by ASCII-lowercased bytes.
int unicase_compare(std::string_view a, std::string_view b);

// Equal for two names exactly when unicase_compare finds them equal.
std::string unicase_key(std::string_view text);

// Registers the collation on `db` (once per connection, before `COLLATE unicase` is used).
void register_unicase_collation(SqliteDb& db);

}  // namespace deckport::apkg
