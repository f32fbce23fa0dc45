#include "apkg/mapping.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "apkg/schema.hpp"

namespace deckport::apkg {
namespace {

using nlohmann::json;

std::string string_or(const json& object, const char* key, std::string fallback = {}) {
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : fallback;
}

std::int64_t object_id(const json& object, const std::string& key) {
    auto it = object.find("id");
    if (it != object.end()) {
        if (auto id = json_id(*it)) return *id;
    }
    return json_id(json(key)).value_or(0);
}

// Every key of `object` but the ones the model holds.
json extras_without(const json& object, std::initializer_list<const char*> modelled) {
    json extras = json::object();
    for (const auto& item : object.items()) {
        // Not a structured binding: clang 14 (the fuzz build) cannot capture one in a lambda.
        const std::string& key = item.key();
        if (std::find_if(modelled.begin(), modelled.end(),
                         [&](const char* m) { return key == m; }) == modelled.end()) {
            extras[key] = item.value();
        }
    }
    return extras;
}

std::optional<NoteType> map_note_type(const std::string& key, const json& object,
                                      std::string_view table, const OpenCollection& collection,
                                      Diagnostics& diagnostics) {
    auto where = [&](const std::string& id) { return std::string(table) + "[id=" + id + "]"; };
    SourceLocation at = collection.at(where(key));
    if (!object.is_object()) {
        diagnostics.error("APKG013", at, "note type is not a JSON object; it is skipped");
        return std::nullopt;
    }
    NoteType nt;
    nt.id = object_id(object, key);
    nt.name = string_or(object, "name");
    at = collection.at(where(std::to_string(nt.id)));
    if (nt.name.empty()) {
        nt.name = "Note type " + std::to_string(nt.id);
        diagnostics.warning("APKG013", at, "note type has no name; calling it '" + nt.name + "'");
    }
    auto type = object.find("type");
    nt.kind = type != object.end() && type->is_number_integer() && type->get<int>() == 1
                  ? NoteTypeKind::cloze
                  : NoteTypeKind::standard;
    auto fields = object.find("flds");
    auto templates = object.find("tmpls");
    if (fields == object.end() || !fields->is_array() || fields->empty() ||
        templates == object.end() || !templates->is_array() || templates->empty()) {
        diagnostics.error("APKG013", at,
                          "note type '" + nt.name +
                              "' has no fields or no templates; it and its notes are skipped");
        return std::nullopt;
    }
    json field_extras = json::array();
    for (const json& field : *fields) {
        if (!field.is_object() || !field.contains("name") || !field["name"].is_string()) {
            diagnostics.error("APKG013", at,
                              "note type '" + nt.name +
                                  "' has a field without a name; it and its notes are skipped");
            return std::nullopt;
        }
        nt.fields.push_back(field["name"].get<std::string>());
        field_extras.push_back(extras_without(field, {"name"}));
    }
    for (const json& tmpl : *templates) {
        if (!tmpl.is_object()) {
            diagnostics.error(
                "APKG013", at,
                "note type '" + nt.name + "' has a template that is not an object; it is skipped");
            return std::nullopt;
        }
        CardTemplate card;
        card.name = string_or(tmpl, "name", "Card " + std::to_string(nt.templates.size() + 1));
        card.front = string_or(tmpl, "qfmt");
        card.back = string_or(tmpl, "afmt");
        card.extras.json() = extras_without(tmpl, {"name", "qfmt", "afmt"});
        nt.templates.push_back(std::move(card));
    }
    nt.css = string_or(object, "css");
    auto sortf = object.find("sortf");
    if (sortf != object.end() && sortf->is_number_integer()) {
        auto index = sortf->get<std::int64_t>();
        if (index >= 0 && index < static_cast<std::int64_t>(nt.fields.size())) {
            nt.sort_field = static_cast<int>(index);
        }
    }
    nt.extras.json() =
        extras_without(object, {"id", "name", "type", "flds", "tmpls", "css", "sortf"});
    nt.extras.json()["flds"] = std::move(field_extras);
    return nt;
}

}  // namespace

std::vector<NoteType> map_note_types(const json& models, std::string_view table,
                                     const OpenCollection& collection, Diagnostics& diagnostics) {
    std::vector<NoteType> note_types;
    for (auto& [key, object] : models.items()) {
        if (auto nt = map_note_type(key, object, table, collection, diagnostics)) {
            note_types.push_back(std::move(*nt));
        }
    }
    std::stable_sort(note_types.begin(), note_types.end(),
                     [](const NoteType& a, const NoteType& b) { return a.id < b.id; });
    return note_types;
}

std::vector<Deck> map_decks(const json& decks, std::string_view table,
                            const OpenCollection& collection, Diagnostics& diagnostics) {
    std::vector<Deck> out;
    for (auto& [key, object] : decks.items()) {
        SourceLocation at = collection.at(std::string(table) + "[id=" + key + "]");
        std::string name = object.is_object() ? string_or(object, "name") : std::string{};
        if (name.empty()) {
            diagnostics.error("APKG014", at, "deck has no name; it is skipped");
            continue;
        }
        Deck deck;
        deck.id = object_id(object, key);
        deck.name = std::move(name);
        deck.description = string_or(object, "desc");
        deck.extras.json() = extras_without(object, {"id", "name", "desc"});
        out.push_back(std::move(deck));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Deck& a, const Deck& b) { return a.id < b.id; });
    return out;
}

}  // namespace deckport::apkg
