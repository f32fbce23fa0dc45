// The JSON objects in the `col` row of a schema-11 collection: note types (`models`), decks,
// deck options (`dconf`) and collection settings (`conf`). Every key that Anki's importer
// parses strictly is always present with the type it expects; keys the model does not know
// come back from the extras of an Anki input, checked so that a bad value cannot break the
// import.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "deckport/model.hpp"

namespace deckport::apkg {

// The model object for `note_type`, written under `name` with default deck `deck_id`.
nlohmann::json note_type_json(const NoteType& note_type, std::string_view name,
                              std::int64_t deck_id, std::int64_t modified);

// `req` of Anki 2.0: for each template, the fields its front needs ("any"/"all"/"none").
nlohmann::json card_requirements(const NoteType& note_type);

// A normal deck (filtered decks are written as normal ones).
nlohmann::json deck_json(const Deck& deck, std::int64_t id, std::int64_t config_id,
                         std::int64_t modified);

// Deck options group `id`: Anki's defaults, overlaid with `extras` from an Anki input.
nlohmann::json deck_config_json(std::int64_t id, const nlohmann::json& extras);

// The collection settings; `extras` (from an Anki input) overlays the defaults.
nlohmann::json collection_conf_json(const nlohmann::json& extras, std::int64_t current_model,
                                    std::int64_t next_position);

}  // namespace deckport::apkg
