// The schema-18 rows of a collection written in the schema-11 JSON shape: each note type, deck,
// options group and setting becomes its table row with Anki's protobuf config, as Anki's own
// `From<…Schema11>` conversions build them (rslib/src/{notetype,decks,deckconfig}/schema11.rs).
// Keys a protobuf message has no field for go to its `other` JSON, as in Anki. schema18.cpp
// reads the same rows back into the same JSON.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "deckport/diagnostics.hpp"

namespace deckport::apkg {

struct FieldRow {
    std::int64_t ord = 0;
    std::string name;
    std::string config;  // Notetype.Field.Config
};

struct TemplateRow {
    std::int64_t ord = 0;
    std::string name;
    std::int64_t mtime = 0, usn = 0;
    std::string config;  // Notetype.Template.Config
};

struct NotetypeRow {
    std::int64_t id = 0;
    std::string name;
    std::int64_t mtime = 0, usn = 0;
    std::string config;  // Notetype.Config
    std::vector<FieldRow> fields;
    std::vector<TemplateRow> templates;
};

struct DeckRow {
    std::int64_t id = 0;
    std::string name;  // levels separated by U+001F
    std::int64_t mtime = 0, usn = 0;
    std::string common, kind;  // Deck.Common, Deck.KindContainer
};

struct DeckConfigRow {
    std::int64_t id = 0;
    std::string name;
    std::int64_t mtime = 0, usn = 0;
    std::string config;  // DeckConfig.Config
};

struct ConfigRow {
    std::string key;
    std::int64_t usn = 0, mtime = 0;
    std::string value;  // JSON
};

struct Schema18Rows {
    std::vector<NotetypeRow> notetypes;
    std::vector<DeckRow> decks;
    std::vector<DeckConfigRow> deck_configs;
    std::vector<ConfigRow> config;
    std::vector<std::string> tags;
};

// `models`, `decks`, `dconf`, `conf` and `tags` as the schema-11 writer builds them. Schema 18
// keeps names unique regardless of case (the `unicase` collation): a name equal to an earlier
// one but for case gets `+` appended, as Anki does, and is reported (APKG217).
Schema18Rows schema18_rows(const nlohmann::json& models, const nlohmann::json& decks,
                           const nlohmann::json& dconf, const nlohmann::json& conf,
                           const nlohmann::json& tags, const std::string& source_name,
                           Diagnostics& diagnostics);

}  // namespace deckport::apkg
