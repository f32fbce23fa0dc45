// Schema 11: note types, decks and options are JSON objects in the single `col` row.
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "apkg/schema.hpp"
#include "deckport/error.hpp"

namespace deckport::apkg {
namespace {

struct TooDeep : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// One `col` column as a JSON object. Fatal columns throw; the others report and give {}.
nlohmann::json col_object(OpenCollection& collection, const char* column, const Limits& limits,
                          Diagnostics& diagnostics, bool fatal) {
    SqliteStatement query =
        collection.db.prepare(std::string("SELECT ") + column + " FROM col ORDER BY id LIMIT 1");
    query.step();
    std::string text = query.text(0);
    std::string error;
    std::optional<nlohmann::json> parsed = parse_bounded_json(text, limits.max_nesting, error);
    if (parsed && parsed->is_object()) return std::move(*parsed);
    if (parsed) error = "it is not a JSON object";
    std::string message = std::string("col.") + column + " is not valid: " + error;
    SourceLocation at = collection.at(std::string("col.") + column);
    if (fatal) throw InputError("APKG011", at, message);
    diagnostics.error("APKG011", at, message);
    return nlohmann::json::object();
}

}  // namespace

std::optional<nlohmann::json> parse_bounded_json(std::string_view text, std::uint32_t max_depth,
                                                 std::string& error) {
    auto guard = [max_depth](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
        if (depth > static_cast<int>(max_depth)) {
            throw TooDeep("nested deeper than " + std::to_string(max_depth) + " levels");
        }
        return true;
    };
    try {
        return nlohmann::json::parse(text, guard);
    } catch (const TooDeep& e) {
        error = e.what();
    } catch (const nlohmann::json::exception& e) {
        error = e.what();
    }
    return std::nullopt;
}

std::optional<std::int64_t> json_id(const nlohmann::json& value) {
    if (value.is_number_integer()) return value.get<std::int64_t>();
    if (value.is_string()) {
        const std::string& text = value.get_ref<const std::string&>();
        if (text.empty() || text.size() > 18) return std::nullopt;
        std::int64_t number = 0;
        for (char c : text) {
            if (c < '0' || c > '9') return std::nullopt;
            number = number * 10 + (c - '0');
        }
        return number;
    }
    return std::nullopt;
}

void read_col_json(OpenCollection& collection, SchemaObjects& objects, const Limits& limits,
                   Diagnostics& diagnostics) {
    if (objects.models_from_col) {
        objects.models = col_object(collection, "models", limits, diagnostics, true);
    }
    if (objects.decks_from_col) {
        objects.decks = col_object(collection, "decks", limits, diagnostics, true);
    }
    if (objects.dconf_from_col) {
        objects.dconf = col_object(collection, "dconf", limits, diagnostics, false);
    }
    if (objects.conf_from_col) {
        objects.conf = col_object(collection, "conf", limits, diagnostics, false);
        objects.tags = col_object(collection, "tags", limits, diagnostics, false);
    }
}

SchemaObjects read_schema_objects(OpenCollection& collection, const Limits& limits,
                                  Diagnostics& diagnostics) {
    SchemaObjects objects;
    try {
        // Schema 15+ moved each kind into its own table and left empty strings in `col`.
        objects.models_from_col = !collection.db.has_table("notetypes");
        objects.decks_from_col = !collection.db.has_table("decks");
        objects.dconf_from_col = !collection.db.has_table("deck_config");
        objects.conf_from_col = !collection.db.has_table("config");
        read_col_json(collection, objects, limits, diagnostics);
        if (!objects.conf_from_col)
            objects.conf = read_config_table(collection, limits, diagnostics);
        if (!objects.models_from_col)
            objects.models = read_notetype_tables(collection, limits, diagnostics);
        if (!objects.decks_from_col)
            objects.decks = read_deck_table(collection, limits, diagnostics);
        if (!objects.dconf_from_col) {
            objects.dconf = read_deck_config_table(collection, limits, diagnostics);
        }
    } catch (const SqliteError& e) {
        throw InputError("APKG010", collection.at("col"),
                         std::string("cannot read note types and decks: ") + e.what());
    }
    return objects;
}

}  // namespace deckport::apkg
