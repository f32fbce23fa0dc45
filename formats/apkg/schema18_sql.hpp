// What schema 18 adds to the collection tables (schema11_sql.hpp), as the real collection.anki21b
// of an Anki 25.02 export has it (rslib storage/upgrades/schema14..18_upgrade.sql). Name columns
// use the `unicase` collation (unicase.hpp), which must be registered first.
#pragma once

#include <string_view>

namespace deckport::apkg {

// deck_config, config, fields, templates, notetypes, decks, tags and the schema-18 graves.
extern const std::string_view kSchema18Tables;
// Their indexes (the unique ones on names included) and idx_notes_mid, idx_cards_odid.
extern const std::string_view kSchema18Indexes;

}  // namespace deckport::apkg
