#include "apkg/note_type_table.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "apkg/collection_json.hpp"

namespace deckport::apkg {
namespace {

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Why Anki would refuse the note type, or "" when it would not.
std::string problem_with(const NoteType& note_type) {
    if (is_blank(note_type.name)) return "it has no name";
    if (note_type.fields.empty()) return "it has no fields";
    if (note_type.templates.empty()) return "it has no card templates";
    for (std::size_t i = 0; i < note_type.fields.size(); ++i) {
        if (is_blank(note_type.fields[i])) {
            return "field " + std::to_string(i + 1) + " has no name";
        }
    }
    return {};
}

SourceLocation note_type_origin(const std::string& source, const NoteType& note_type) {
    return SourceLocation{source, 0, 0, "notetypes[name=" + note_type.name + "]"};
}

}  // namespace

NoteTypeTable::NoteTypeTable(const Collection& collection, WriteContext& context)
    : source_name_(collection.meta.source_name) {
    // Names are kept as they are, even a `Basic` that is not Anki's: Anki matches note types
    // by id, and renaming one (Anki 2.0's own Cloze was renamed once) loses what users see.
    for (const NoteType& source : collection.note_types) {
        if (index_by_id_.count(source.id)) continue;  // the first of an id wins, as in the model
        ExportedNoteType exported{source, true, {}, false, 0};
        NoteType& note_type = exported.note_type;
        exported.problem = problem_with(note_type);
        exported.usable = exported.problem.empty();
        for (std::size_t i = 0; i < note_type.templates.size(); ++i) {
            if (!is_blank(note_type.templates[i].name)) continue;
            note_type.templates[i].name = "Card " + std::to_string(i + 1);
            context.diagnostics.warning("APKG216", note_type_origin(source_name_, source),
                                        "card template " + std::to_string(i + 1) +
                                            " has no name; it is written as '" +
                                            note_type.templates[i].name + "'");
        }
        index_by_id_.emplace(note_type.id, types_.size());
        types_.push_back(std::move(exported));
    }
}

ExportedNoteType* NoteTypeTable::for_note(const Note& note, const SourceLocation& origin,
                                          WriteContext& context) {
    auto it = index_by_id_.find(note.note_type_id);
    if (it == index_by_id_.end()) {
        context.diagnostics.error("APKG201", origin,
                                  "the note's note type (id " + std::to_string(note.note_type_id) +
                                      ") is not in the collection");
        return nullptr;
    }
    ExportedNoteType& exported = types_[it->second];
    if (!exported.usable) {
        if (!exported.used) {
            context.diagnostics.error("APKG207", origin,
                                      "note type '" + exported.note_type.name +
                                          "' cannot be imported by Anki: " + exported.problem);
        }
        exported.used = true;
        return nullptr;
    }
    exported.used = true;
    return &exported;
}

nlohmann::json NoteTypeTable::models_json(std::int64_t modified, WriteContext& context) const {
    nlohmann::json models = nlohmann::json::object();
    for (const ExportedNoteType& exported : types_) {
        const NoteType& note_type = exported.note_type;
        if (!exported.usable) {
            if (!exported.used) {
                context.diagnostics.warning(
                    "APKG208", note_type_origin(source_name_, note_type),
                    "note type '" + note_type.name + "' is left out: " + exported.problem);
            }
            continue;
        }
        models[std::to_string(note_type.id)] = note_type_json(
            note_type, note_type.name, exported.deck_id ? exported.deck_id : 1, modified);
    }
    return models;
}

std::int64_t NoteTypeTable::first_id() const {
    for (const ExportedNoteType& exported : types_) {
        if (exported.usable) return exported.note_type.id;
    }
    return 0;
}

}  // namespace deckport::apkg
