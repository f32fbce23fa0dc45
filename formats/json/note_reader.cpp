// The "notes" section: each note, its note type reference, fields, tags and cards.
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "json/model_sections.hpp"

namespace deckport::json_format {
namespace {

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
    return out;
}

// Finds the note type that {"id", "name"} names; either may be left out, both must agree.
const NoteType* resolve_note_type(Members& note, const Collection& collection, Problems& problems) {
    const nlohmann::json* reference = note.object("note_type", true);
    if (!reference) return nullptr;
    Members members(*reference, note.pointer_of("note_type"), problems);
    auto id = members.integer("id", false);
    auto name = members.string("name", false);
    members.finish();
    if (!id && !name) {
        if (!members.get("id", false) && !members.get("name", false)) {
            problems.missing_key(members.pointer(), "id");
        }
        return nullptr;
    }
    if (id) {
        const NoteType* found = collection.find_note_type(*id);
        if (!found) {
            problems.error("JSON020", members.pointer_of("id"),
                           "note type id " + std::to_string(*id) + " is not in \"note_types\"");
            return nullptr;
        }
        if (name && *name != found->name) {
            problems.error("JSON021", members.pointer_of("name"),
                           "note type id " + std::to_string(*id) + " is named " +
                               in_quotes(found->name) + ", not " + in_quotes(*name));
        }
        return found;
    }
    const NoteType* found = nullptr;
    for (const NoteType& candidate : collection.note_types) {
        if (candidate.name != *name) continue;
        if (found) {
            problems.error("JSON021", members.pointer_of("name"),
                           "note type name " + in_quotes(*name) + " is ambiguous",
                           "name the note type by its \"id\"");
            return nullptr;
        }
        found = &candidate;
    }
    if (!found) {
        problems.error("JSON020", members.pointer_of("name"),
                       "note type " + in_quotes(*name) + " is not in \"note_types\"");
    }
    return found;
}

// The note's fields; `pointers` gets where each one's text is (its "source" member, or the
// field object when that is missing).
std::vector<Content> read_fields(Members& note, const NoteType* note_type, Problems& problems,
                                 std::vector<std::string>& pointers) {
    std::vector<Content> contents;
    const nlohmann::json* array = note.array("fields", true);
    if (!array) return contents;
    std::string pointer = note.pointer_of("fields");
    if (note_type && array->size() != note_type->fields.size()) {
        problems.error("JSON022", pointer,
                       std::to_string(array->size()) + " fields, but note type " +
                           in_quotes(note_type->name) + " has " +
                           std::to_string(note_type->fields.size()) + " (" +
                           joined(note_type->fields) + ")");
    }
    for (std::size_t i = 0; i < array->size(); ++i) {
        std::string at = pointer + "/" + std::to_string(i);
        if (!expect_object((*array)[i], at, problems)) continue;
        Members members((*array)[i], at, problems);
        auto name = members.string("name", false);
        auto kind = members.string("kind", true);
        auto source = members.string("source", true);
        members.finish();
        if (name && note_type && i < note_type->fields.size() && *name != note_type->fields[i]) {
            problems.error("JSON023", members.pointer_of("name"),
                           "field name " + in_quotes(*name) + " does not match note type " +
                               in_quotes(note_type->name) + " (expected " +
                               in_quotes(note_type->fields[i]) + ")");
        }
        Content content;
        if (kind) {
            if (auto markup = markup_from_name(*kind)) {
                content.kind = *markup;
            } else {
                problems.error("JSON013", members.pointer_of("kind"),
                               "unknown field kind " + in_quotes(*kind),
                               "use \"markdown\", \"html\" or \"text\"");
            }
        }
        content.source = source.value_or("");
        contents.push_back(std::move(content));
        pointers.push_back(source ? members.pointer_of("source") : at);
    }
    return contents;
}

std::vector<std::string> read_tags(Members& note, Problems& problems) {
    std::vector<std::string> tags;
    const nlohmann::json* array = note.array("tags", false);
    if (!array) return tags;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const nlohmann::json& tag = (*array)[i];
        if (tag.is_string()) {
            tags.push_back(tag.get<std::string>());
        } else {
            problems.wrong_type(note.pointer_of("tags") + "/" + std::to_string(i), "a string", tag);
        }
    }
    return tags;
}

// A note's extras and a card's scheduling, kept as compact JSON text like the apkg reader keeps
// them: one string each instead of a tree of an allocation per key, for 100,000 notes.
JsonValue held_as_text(const nlohmann::json& value) {
    if (value.is_object() && value.empty()) return JsonValue();
    return JsonValue::from_text(
        value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

std::vector<Card> read_cards(Members& note, Problems& problems) {
    std::vector<Card> cards;
    const nlohmann::json* array = note.array("cards", false);
    if (!array) return cards;
    for (std::size_t i = 0; i < array->size(); ++i) {
        std::string at = note.pointer_of("cards") + "/" + std::to_string(i);
        if (!expect_object((*array)[i], at, problems)) continue;
        Members members((*array)[i], at, problems);
        Card card;
        if (auto ord = members.integer("ord", true)) {
            if (*ord < 0 || *ord > 65535) {
                problems.error("JSON013", members.pointer_of("ord"),
                               "card ord " + std::to_string(*ord) + " is out of range 0..65535");
            } else {
                card.ord = static_cast<int>(*ord);
            }
        }
        card.deck = members.string("deck", false).value_or("");
        if (const nlohmann::json* scheduling = members.object("scheduling", false)) {
            card.scheduling = held_as_text(*scheduling);
        }
        members.finish();
        cards.push_back(std::move(card));
    }
    return cards;
}

}  // namespace

NoteReader::NoteReader(ModelFromJson& model, const Collection& note_types, Problems& problems)
    : model_(model), note_types_(note_types), problems_(problems) {}

void NoteReader::read(const nlohmann::json& element) {
    std::string at = "/notes/" + std::to_string(next_index_++);
    Problems& problems = problems_;
    if (!expect_object(element, at, problems)) return;
    Members members(element, at, problems);
    Note note;
    if (auto guid = members.string("guid", false)) {
        if (guid->empty()) {
            problems.error("JSON013", members.pointer_of("guid"), "guid is empty",
                           "leave \"guid\" out to have one derived from the note");
        }
        note.guid = *guid;
    }
    const NoteType* note_type = resolve_note_type(members, note_types_, problems);
    if (note_type) {
        note.note_type_id = note_type->id;
    } else if (const nlohmann::json* reference = members.get("note_type", false);
               reference && reference->is_object() && reference->contains("id") &&
               (*reference)["id"].is_number_integer()) {
        note.note_type_id = (*reference)["id"].get<std::int64_t>();
    }
    note.deck = members.string("deck", false).value_or("");
    note.tags = read_tags(members, problems);
    note.modified = members.integer("modified", false).value_or(0);
    std::vector<std::string> field_pointers;
    note.fields = read_fields(members, note_type, problems, field_pointers);
    note.cards = read_cards(members, problems);
    note.extras = held_as_text(read_extras(members));
    members.finish();
    if (!note.guid.empty()) {
        auto [first, inserted] = guid_pointers_.emplace(note.guid, at);
        if (!inserted) {
            problems.error(
                "JSON024", members.pointer_of("guid"),
                "duplicate guid " + in_quotes(note.guid) + " (first used by " + first->second + ")",
                "give each note its own guid");
            return;
        }
    }
    model_.collection.notes.push_back(std::move(note));
    model_.note_pointers.push_back(at);
    model_.field_pointers.push_back(std::move(field_pointers));
}

void read_notes(const nlohmann::json* array, ModelFromJson& model, Problems& problems) {
    if (!array) return;
    NoteReader reader(model, model.collection, problems);
    for (std::size_t i = 0; i < array->size(); ++i) {
        ReleaseWhenRead release((*array)[i]);
        reader.read((*array)[i]);
    }
}

}  // namespace deckport::json_format
