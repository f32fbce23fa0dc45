// CrowdAnki: a folder with deck.json (Anki's deck, notes, note models and deck options as JSON)
// and media/, the layout of the CrowdAnki add-on's exports that Anki users keep in git.
#pragma once

#include <memory>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "deckport/format.hpp"

namespace deckport {

namespace crowdanki {
// Builds the collection from a parsed deck.json (formats/crowdanki/deck_json_reader.cpp).
// `media_names` are the files in media/; diagnostics name `file`.
Collection read_deck_json(const nlohmann::json& root, const std::set<std::string>& media_names,
                          const std::string& file, Diagnostics& diagnostics);
}  // namespace crowdanki

FormatInfo crowdanki_format_info();
std::unique_ptr<Reader> make_crowdanki_reader();  // formats/crowdanki/reader.cpp
std::unique_ptr<Writer> make_crowdanki_writer();  // formats/crowdanki/writer.cpp
Format make_crowdanki_format();

}  // namespace deckport
