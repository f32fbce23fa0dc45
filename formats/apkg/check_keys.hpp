// The JSON keys that Anki's schema-11 upgrade parses strictly (rslib/src/{notetype,decks,
// deckconfig}/schema11.rs): one missing or mistyped key aborts the whole import.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace deckport::apkg {

// Each returns the problems of one object, e.g. "field 0 has no `font`"; empty when it is fine.
std::vector<std::string> note_type_key_problems(const nlohmann::json& note_type);
std::vector<std::string> deck_key_problems(const nlohmann::json& deck);
std::vector<std::string> deck_config_key_problems(const nlohmann::json& options);

}  // namespace deckport::apkg
