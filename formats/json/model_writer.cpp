#include <nlohmann/json.hpp>

#include "json/model_writer.hpp"

#include "deckport/identity.hpp"
#include "json/base64.hpp"
#include "json/json_document.hpp"
#include "json/pretty_text.hpp"

namespace deckport::json_format {
namespace {

void put_extras(ojson& object, const nlohmann::json& extras) {
    if (!extras.is_null() && !extras.empty()) object["extras"] = ojson(extras);
}

}  // namespace

ojson note_type_json(const NoteType& note_type) {
    ojson out;
    out["id"] = note_type.id;
    out["name"] = note_type.name;
    out["kind"] = note_type.kind == NoteTypeKind::cloze ? "cloze" : "standard";
    out["fields"] = note_type.fields;
    out["sort_field"] = note_type.sort_field;
    out["templates"] = ojson::array();
    for (const CardTemplate& card_template : note_type.templates) {
        ojson entry;
        entry["name"] = card_template.name;
        entry["front"] = card_template.front;
        entry["back"] = card_template.back;
        put_extras(entry, card_template.extras.json());
        out["templates"].push_back(std::move(entry));
    }
    out["css"] = note_type.css;
    put_extras(out, note_type.extras.json());
    return out;
}

ojson deck_json(const Deck& deck) {
    ojson out;
    out["id"] = deck.id;
    out["name"] = deck.name;
    if (!deck.description.empty()) out["description"] = deck.description;
    put_extras(out, deck.extras.json());
    return out;
}

namespace {

SourceLocation note_locator(const std::string& output_name, const Note& note) {
    SourceLocation at;
    at.file = output_name;
    at.locator = "notes[guid=" + note.guid + "]";
    return at;
}

}  // namespace

const NoteType* note_type_for_writing(const Note& note, const Collection& collection,
                                      const std::string& output_name, Diagnostics& diagnostics) {
    const NoteType* note_type = collection.find_note_type(note.note_type_id);
    if (!note_type) {
        diagnostics.error(
            "JSON042", note_locator(output_name, note),
            "note type id " + std::to_string(note.note_type_id) + " is not in the collection");
    } else if (note_type->fields.size() != note.fields.size()) {
        diagnostics.error("JSON043", note_locator(output_name, note),
                          std::to_string(note.fields.size()) + " fields, but note type \"" +
                              note_type->name + "\" has " +
                              std::to_string(note_type->fields.size()));
    }
    return note_type;
}

ojson note_json(const Note& note, const NoteType* note_type) {
    ojson out;
    out["guid"] = note.guid;
    ojson reference;
    reference["id"] = note.note_type_id;
    if (note_type) reference["name"] = note_type->name;
    out["note_type"] = std::move(reference);
    out["deck"] = note.deck;
    out["tags"] = note.tags;
    if (note.modified != 0) out["modified"] = note.modified;
    out["fields"] = ojson::array();
    for (std::size_t i = 0; i < note.fields.size(); ++i) {
        ojson field;
        if (note_type && i < note_type->fields.size()) field["name"] = note_type->fields[i];
        field["kind"] = markup_name(note.fields[i].kind);
        field["source"] = note.fields[i].source;
        out["fields"].push_back(std::move(field));
    }
    if (!note.cards.empty()) {
        out["cards"] = ojson::array();
        for (const Card& card : note.cards) {
            ojson entry;
            entry["ord"] = card.ord;
            entry["deck"] = card.deck;
            if (!card.scheduling.empty()) entry["scheduling"] = card.scheduling.parsed_ordered();
            out["cards"].push_back(std::move(entry));
        }
    }
    // Straight to an ordered tree of the note's own, not parsed and then converted.
    if (!note.extras.empty()) out["extras"] = note.extras.parsed_ordered();
    return out;
}

namespace {

// Writes `value`; false when it is held as a tree (which may hold what JSON cannot).
bool put_held_text(PrettyText& out, std::string_view key, const JsonValue& value) {
    const std::string* text = value.compact_text();
    if (!text) return false;
    out.key(key).compact(*text);
    return true;
}

}  // namespace

std::optional<std::string> note_text(const Note& note, const NoteType* note_type, int depth) {
    PrettyText out(depth);
    out.begin_object();
    if (!out.key("guid").string(note.guid)) return std::nullopt;
    out.key("note_type").begin_object().key("id").integer(note.note_type_id);
    if (note_type && !out.key("name").string(note_type->name)) return std::nullopt;
    out.end_object();
    if (!out.key("deck").string(note.deck)) return std::nullopt;
    out.key("tags").begin_array();
    for (const std::string& tag : note.tags) {
        if (!out.string(tag)) return std::nullopt;
    }
    out.end_array();
    if (note.modified != 0) out.key("modified").integer(note.modified);
    out.key("fields").begin_array();
    for (std::size_t i = 0; i < note.fields.size(); ++i) {
        out.begin_object();
        if (note_type && i < note_type->fields.size() &&
            !out.key("name").string(note_type->fields[i])) {
            return std::nullopt;
        }
        out.key("kind").string(markup_name(note.fields[i].kind));
        if (!out.key("source").string(note.fields[i].source)) return std::nullopt;
        out.end_object();
    }
    out.end_array();
    if (!note.cards.empty()) {
        out.key("cards").begin_array();
        for (const Card& card : note.cards) {
            out.begin_object().key("ord").integer(card.ord);
            if (!out.key("deck").string(card.deck)) return std::nullopt;
            if (!card.scheduling.empty() && !put_held_text(out, "scheduling", card.scheduling)) {
                return std::nullopt;
            }
            out.end_object();
        }
        out.end_array();
    }
    if (!note.extras.empty() && !put_held_text(out, "extras", note.extras)) return std::nullopt;
    out.end_object();
    return out.take();
}

ojson media_json(const MediaFile& file, MediaMode mode) {
    const std::string& bytes = file.bytes();
    ojson out;
    out["name"] = file.name;
    out["size"] = bytes.size();
    out["sha1"] = sha1_hex(bytes);
    if (mode == MediaMode::inline_bytes) out["data"] = base64_encode(bytes);
    return out;
}

ojson document_header(const Collection& collection) {
    ojson header;
    header["format"] = kFormatName;
    header["version"] = current_version();
    header["meta"] = {{"created", collection.meta.created}, {"modified", collection.meta.modified}};
    return header;
}

std::optional<ojson> collection_extras(const Collection& collection) {
    const nlohmann::json& extras = collection.extras.json();
    if (extras.is_null() || extras.empty()) return std::nullopt;
    return ojson(extras);
}

}  // namespace deckport::json_format
