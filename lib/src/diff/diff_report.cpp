// The diff as JSON (stable keys, for tools) and as text (for people reviewing a change).
#include <nlohmann/json.hpp>

#include "deckport/diff.hpp"
#include "lint/lint_support.hpp"

namespace deckport {
namespace {

using Json = nlohmann::ordered_json;

std::string place(const SourceLocation& at) {
    if (at.file.empty()) return {};
    if (at.line > 0) return at.file + ":" + std::to_string(at.line);
    return at.locator.empty() ? at.file : at.file + " " + at.locator;
}

Json location_json(const SourceLocation& at) {
    return {{"file", at.file},
            {"line", at.line > 0 ? Json(at.line) : Json(nullptr)},
            {"locator", at.locator}};
}

Json summary_json(const NoteSummary& note) {
    return {{"guid", note.guid},
            {"question", note.question},
            {"note_type", note.note_type},
            {"deck", note.deck},
            {"origin", location_json(note.origin)}};
}

Json content_json(const Content& content) {
    return {{"markup", markup_name(content.kind)}, {"source", content.source}};
}

Json change_json(const NoteChange& change) {
    Json fields = Json::array();
    for (const FieldChange& field : change.fields) {
        fields.push_back({{"field", field.field},
                          {"before", content_json(field.before)},
                          {"after", content_json(field.after)}});
    }
    Json out = {{"before", summary_json(change.before)},
                {"after", summary_json(change.after)},
                {"fields", fields},
                {"tags_added", change.tags_added},
                {"tags_removed", change.tags_removed},
                {"note_type_changed", change.note_type_changed},
                {"deck_changed", change.deck_changed},
                {"guid_changed", change.guid_changed}};
    return out;
}

std::string label(const NoteSummary& note) {
    return note.question.empty() ? "note " + note.guid : "note '" + note.question + "'";
}

std::string text_of(const Content& content) {
    return "\"" + lint_detail::excerpt(content.source, 70) + "\"";
}

std::string list(const std::vector<std::string>& items, const char* sign) {
    std::string out;
    for (const std::string& item : items) out += std::string(out.empty() ? "" : " ") + sign + item;
    return out;
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

}  // namespace

Json diff_to_json(const CollectionDiff& diff, const std::string& a_name,
                  const std::string& b_name) {
    Json notes = {{"added", Json::array()}, {"removed", Json::array()}, {"changed", Json::array()}};
    for (const NoteSummary& note : diff.added) notes["added"].push_back(summary_json(note));
    for (const NoteSummary& note : diff.removed) notes["removed"].push_back(summary_json(note));
    for (const NoteChange& change : diff.changed) notes["changed"].push_back(change_json(change));
    Json changed_types = Json::array();
    for (const NoteTypeChange& type : diff.note_types_changed) {
        changed_types.push_back({{"name", type.name},
                                 {"fields_before", type.fields_before},
                                 {"fields_after", type.fields_after},
                                 {"kind_changed", type.kind_changed},
                                 {"templates_changed", type.templates_changed},
                                 {"css_changed", type.css_changed}});
    }
    return {{"a", a_name},
            {"b", b_name},
            {"identical", diff.empty()},
            {"summary",
             {{"notes_added", diff.added.size()},
              {"notes_removed", diff.removed.size()},
              {"notes_changed", diff.changed.size()}}},
            {"notes", notes},
            {"note_types",
             {{"added", diff.note_types_added},
              {"removed", diff.note_types_removed},
              {"changed", changed_types}}},
            {"decks", {{"added", diff.decks_added}, {"removed", diff.decks_removed}}}};
}

std::string diff_to_text(const CollectionDiff& diff, const std::string& a_name,
                         const std::string& b_name) {
    std::string out = "--- " + a_name + "\n+++ " + b_name + "\n";
    if (diff.empty()) return out + "no differences\n";
    out += "notes: " + std::to_string(diff.added.size()) + " added, " +
           std::to_string(diff.removed.size()) + " removed, " +
           std::to_string(diff.changed.size()) + " changed\n";
    for (const NoteSummary& note : diff.removed) {
        out += "- " + label(note) + " (" + place(note.origin) + ")\n";
    }
    for (const NoteSummary& note : diff.added) {
        out += "+ " + label(note) + " (" + place(note.origin) + ")\n";
    }
    for (const NoteChange& change : diff.changed) {
        out += "~ " + label(change.before) + " (" + place(change.before.origin) + " -> " +
               place(change.after.origin) + ")\n";
        for (const FieldChange& field : change.fields) {
            out += "    " + field.field + ": " + text_of(field.before) + " -> " +
                   text_of(field.after) + "\n";
        }
        if (!change.tags_added.empty() || !change.tags_removed.empty()) {
            std::string tags = list(change.tags_added, "+");
            std::string removed = list(change.tags_removed, "-");
            out +=
                "    tags: " + tags + (tags.empty() || removed.empty() ? "" : " ") + removed + "\n";
        }
        if (change.deck_changed) {
            out += "    deck: " + change.before.deck + " -> " + change.after.deck + "\n";
        }
        if (change.note_type_changed) {
            out += "    note type: " + change.before.note_type + " -> " + change.after.note_type +
                   "\n";
        }
        if (change.guid_changed) {
            out += "    id: " + change.before.guid + " -> " + change.after.guid + "\n";
        }
    }
    for (const std::string& name : diff.note_types_removed) out += "- note type " + name + "\n";
    for (const std::string& name : diff.note_types_added) out += "+ note type " + name + "\n";
    for (const NoteTypeChange& type : diff.note_types_changed) {
        out += "~ note type " + type.name + "\n";
        if (type.fields_before != type.fields_after) {
            out += "    fields: " + joined(type.fields_before) + " -> " +
                   joined(type.fields_after) + "\n";
        }
        if (type.kind_changed) out += "    kind changed (standard <-> cloze)\n";
        if (type.templates_changed) out += "    card templates changed\n";
        if (type.css_changed) out += "    styling (CSS) changed\n";
    }
    for (const std::string& name : diff.decks_removed) out += "- deck " + name + "\n";
    for (const std::string& name : diff.decks_added) out += "+ deck " + name + "\n";
    return out;
}

}  // namespace deckport
