// The deck options CrowdAnki stores under deck_configurations.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace deckport::crowdanki {

// Anki's default deck options ("Default"), with every key a recent Anki exports (FSRS included),
// for collections that carry none.
nlohmann::json default_deck_config(const std::string& uuid);

}  // namespace deckport::crowdanki
