#include "json/model_reader.hpp"

#include <nlohmann/json.hpp>
#include <set>

#include "deckport/identity.hpp"
#include "json/model_sections.hpp"

namespace deckport::json_format {
namespace {

std::string element_pointer(const std::string& array_pointer, std::size_t index) {
    return array_pointer + "/" + std::to_string(index);
}

std::optional<NoteTypeKind> note_type_kind(const std::string& name) {
    if (name == "standard") return NoteTypeKind::standard;
    if (name == "cloze") return NoteTypeKind::cloze;
    return std::nullopt;
}

void read_meta(Members& root, CollectionMeta& meta, Problems& problems) {
    const nlohmann::json* value = root.object("meta", false);
    if (!value) return;
    Members members(*value, root.pointer_of("meta"), problems);
    meta.created = members.integer("created", false).value_or(0);
    meta.modified = members.integer("modified", false).value_or(0);
    members.finish();
}

std::vector<std::string> read_field_names(Members& members, Problems& problems) {
    std::vector<std::string> names;
    const nlohmann::json* array = members.array("fields", true);
    if (!array) return names;
    std::string pointer = members.pointer_of("fields");
    if (array->empty()) problems.error("JSON013", pointer, "a note type needs at least one field");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const nlohmann::json& name = (*array)[i];
        if (!name.is_string()) {
            problems.wrong_type(element_pointer(pointer, i), "a string", name);
            continue;
        }
        if (!seen.insert(name.get<std::string>()).second) {
            problems.error("JSON013", element_pointer(pointer, i),
                           "field \"" + name.get<std::string>() + "\" appears twice");
        }
        names.push_back(name.get<std::string>());
    }
    return names;
}

std::vector<CardTemplate> read_templates(Members& members, Problems& problems) {
    std::vector<CardTemplate> templates;
    const nlohmann::json* array = members.array("templates", true);
    if (!array) return templates;
    std::string pointer = members.pointer_of("templates");
    for (std::size_t i = 0; i < array->size(); ++i) {
        std::string at = element_pointer(pointer, i);
        if (!expect_object((*array)[i], at, problems)) continue;
        Members fields((*array)[i], at, problems);
        CardTemplate card_template;
        card_template.name = fields.string("name", true).value_or("");
        card_template.front = fields.string("front", true).value_or("");
        card_template.back = fields.string("back", true).value_or("");
        card_template.extras.json() = read_extras(fields);
        fields.finish();
        templates.push_back(std::move(card_template));
    }
    return templates;
}

}  // namespace

nlohmann::json read_extras(Members& members) {
    const nlohmann::json* value = members.object("extras", false);
    return value ? *value : nlohmann::json::object();
}

void read_note_types(const nlohmann::json* array, Collection& collection, Problems& problems) {
    if (!array) return;
    for (std::size_t i = 0; i < array->size(); ++i) {
        std::string at = element_pointer("/note_types", i);
        if (!expect_object((*array)[i], at, problems)) continue;
        Members members((*array)[i], at, problems);
        auto id = members.integer("id", true);
        auto name = members.string("name", true);
        NoteType note_type;
        if (auto kind = members.string("kind", false)) {
            if (auto parsed = note_type_kind(*kind)) {
                note_type.kind = *parsed;
            } else {
                problems.error("JSON013", members.pointer_of("kind"),
                               "unknown note type kind \"" + *kind + "\"",
                               "use \"standard\" or \"cloze\"");
            }
        }
        note_type.fields = read_field_names(members, problems);
        if (auto sort_field = members.integer("sort_field", false)) {
            if (*sort_field < 0 ||
                *sort_field >= static_cast<std::int64_t>(note_type.fields.size())) {
                problems.error("JSON013", members.pointer_of("sort_field"),
                               "sort_field " + std::to_string(*sort_field) +
                                   " is not the index of one of the " +
                                   std::to_string(note_type.fields.size()) + " fields");
            } else {
                note_type.sort_field = static_cast<int>(*sort_field);
            }
        }
        note_type.templates = read_templates(members, problems);
        note_type.css = members.string("css", false).value_or("");
        note_type.extras.json() = read_extras(members);
        members.finish();
        if (!id || !name) continue;
        note_type.id = *id;
        note_type.name = *name;
        if (collection.find_note_type(*id)) {
            problems.error("JSON025", members.pointer_of("id"),
                           "note type id " + std::to_string(*id) + " is used twice",
                           "give each note type its own id");
            continue;
        }
        collection.note_types.push_back(std::move(note_type));
    }
}

void read_decks(const nlohmann::json* array, Collection& collection, Problems& problems) {
    if (!array) return;
    for (std::size_t i = 0; i < array->size(); ++i) {
        std::string at = element_pointer("/decks", i);
        if (!expect_object((*array)[i], at, problems)) continue;
        Members members((*array)[i], at, problems);
        auto id = members.integer("id", false);
        auto name = members.string("name", true);
        Deck deck;
        deck.description = members.string("description", false).value_or("");
        deck.extras.json() = read_extras(members);
        members.finish();
        if (!name) continue;
        if (name->empty()) {
            problems.error("JSON013", members.pointer_of("name"), "a deck needs a name");
            continue;
        }
        deck.name = *name;
        deck.id = id ? *id : derive_id("deck", *name);
        if (collection.find_deck(*name)) {
            problems.error("JSON026", members.pointer_of("name"),
                           "deck \"" + *name + "\" is listed twice");
            continue;
        }
        bool id_taken = false;
        for (const Deck& other : collection.decks) id_taken = id_taken || other.id == deck.id;
        if (id_taken) {
            problems.error("JSON026", members.pointer_of("id"),
                           "deck id " + std::to_string(deck.id) + " is used twice",
                           "give each deck its own id");
            continue;
        }
        collection.decks.push_back(std::move(deck));
    }
}

Collection note_types_from_json(const nlohmann::json& array, Problems& problems) {
    Collection collection;
    read_note_types(&array, collection, problems);
    return collection;
}

ModelFromJson model_from_json(Members& root, const MediaRoot& media, bool strict,
                              Problems& problems, StreamedNotes* streamed) {
    ModelFromJson model;
    read_meta(root, model.collection.meta, problems);
    read_note_types(root.array("note_types", false), model.collection, problems);
    read_decks(root.array("decks", false), model.collection, problems);
    const nlohmann::json* notes = root.array("notes", false);
    if (streamed) {
        model.collection.notes = std::move(streamed->notes.collection.notes);
        model.note_pointers = std::move(streamed->notes.note_pointers);
        model.field_pointers = std::move(streamed->notes.field_pointers);
        problems.append(streamed->problems);
    } else {
        read_notes(notes, model, problems);
    }
    read_media(root.array("media", false), media, strict, model, problems);
    model.collection.extras.json() = read_extras(root);
    root.finish();
    return model;
}

}  // namespace deckport::json_format
