// Note types, decks, deck options and collection settings, in the schema-11 JSON shape
// whatever the collection's schema: schema 11 keeps them as JSON in `col`, schema 15 and
// later in tables with protobuf configs, which are turned into the same JSON keys (as Anki
// does when it exports a legacy package). One mapping into the model serves both.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "apkg/collection.hpp"
#include "deckport/diagnostics.hpp"
#include "deckport/io.hpp"

namespace deckport::apkg {

struct SchemaObjects {
    nlohmann::json models = nlohmann::json::object();  // note-type id (string) -> note type
    nlohmann::json decks = nlohmann::json::object();   // deck id (string) -> deck
    nlohmann::json dconf = nlohmann::json::object();   // options id (string) -> options
    nlohmann::json conf = nlohmann::json::object();    // collection settings
    nlohmann::json tags = nlohmann::json::object();    // tag -> usn (schema 11 only)
    bool models_from_col = true;  // read from col.models (Anki's strict key rules apply)
    bool decks_from_col = true;
    bool dconf_from_col = true;
    bool conf_from_col = true;  // col.conf and col.tags (schema 14+ has a config table)
};

// Reads them from `col` or from the newer tables, whichever the collection has. Throws
// InputError APKG011 when note types or decks cannot be parsed; reports APKG011 (other JSON)
// and APKG012 (protobuf rows, skipped) to `diagnostics`.
SchemaObjects read_schema_objects(OpenCollection& collection, const Limits& limits,
                                  Diagnostics& diagnostics);

// schema11.cpp: col.models / col.decks / col.dconf / col.conf / col.tags.
void read_col_json(OpenCollection& collection, SchemaObjects& objects, const Limits& limits,
                   Diagnostics& diagnostics);

// schema18.cpp: the notetypes, fields, templates, decks, deck_config and config tables.
nlohmann::json read_notetype_tables(OpenCollection& collection, const Limits& limits,
                                    Diagnostics& diagnostics);
nlohmann::json read_deck_table(OpenCollection& collection, const Limits& limits,
                               Diagnostics& diagnostics);
nlohmann::json read_deck_config_table(OpenCollection& collection, const Limits& limits,
                                      Diagnostics& diagnostics);
nlohmann::json read_config_table(OpenCollection& collection, const Limits& limits,
                                 Diagnostics& diagnostics);

// JSON text with a bound on nesting. nullopt (and `error` set) when it is not valid JSON.
std::optional<nlohmann::json> parse_bounded_json(std::string_view text, std::uint32_t max_depth,
                                                 std::string& error);

// A JSON id: an integer, or a string of digits (genanki writes strings).
std::optional<std::int64_t> json_id(const nlohmann::json& value);

}  // namespace deckport::apkg
