// Schema-11 JSON objects (note types, decks) into the model. Every key the model has no place
// for is kept in the extras, so that an apkg writer can write it back.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "apkg/collection.hpp"
#include "deckport/model.hpp"

namespace deckport::apkg {

// Note types sorted by id. Unusable ones (no fields or templates) are reported (APKG013) and
// left out, so their notes report a missing note type.
// `table` names where they came from in diagnostics: `col.models` or `notetypes`.
std::vector<NoteType> map_note_types(const nlohmann::json& models, std::string_view table,
                                     const OpenCollection& collection, Diagnostics& diagnostics);

// Decks sorted by id; decks without a name are reported (APKG014) and left out.
std::vector<Deck> map_decks(const nlohmann::json& decks, std::string_view table,
                            const OpenCollection& collection, Diagnostics& diagnostics);

}  // namespace deckport::apkg
