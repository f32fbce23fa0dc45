// The sections of a deckport JSON document, each read by its own function (model_reader.cpp,
// note_reader.cpp, media_reader.cpp). `array` is the section's value, or null when absent.
#pragma once

#include <nlohmann/json.hpp>

#include "json/model_reader.hpp"

namespace deckport::json_format {

void read_note_types(const nlohmann::json* array, Collection& collection, Problems& problems);
void read_decks(const nlohmann::json* array, Collection& collection, Problems& problems);
void read_notes(const nlohmann::json* array, ModelFromJson& model, Problems& problems);
void read_media(const nlohmann::json* array, const MediaRoot& media, bool strict,
                ModelFromJson& model, Problems& problems);

// The object `extras` of `members`, or an empty object when absent or wrong.
nlohmann::json read_extras(Members& members);

}  // namespace deckport::json_format
