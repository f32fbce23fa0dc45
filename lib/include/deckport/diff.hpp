// A semantic diff of two collections in any formats: "what did this change do to the deck?"
// Notes are matched by GUID, then by the text of their first field.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "deckport/diagnostics.hpp"
#include "deckport/model.hpp"

namespace deckport {

struct NoteSummary {
    std::string guid;
    std::string question;  // the first field's text, shortened
    std::string note_type;
    std::string deck;
    SourceLocation origin;
};

struct FieldChange {
    std::string field;  // the field's name on side A
    Content before;
    Content after;
};

struct NoteChange {
    NoteSummary before;
    NoteSummary after;
    std::vector<FieldChange> fields;
    std::vector<std::string> tags_added;
    std::vector<std::string> tags_removed;
    bool note_type_changed = false;
    bool deck_changed = false;
    bool guid_changed = false;  // matched by first field, but the ids differ
};

struct NoteTypeChange {
    std::string name;
    std::vector<std::string> fields_before;
    std::vector<std::string> fields_after;
    bool kind_changed = false;
    bool templates_changed = false;
    bool css_changed = false;
};

struct CollectionDiff {
    std::vector<NoteSummary> added;
    std::vector<NoteSummary> removed;
    std::vector<NoteChange> changed;
    std::vector<std::string> note_types_added;
    std::vector<std::string> note_types_removed;
    std::vector<NoteTypeChange> note_types_changed;
    std::vector<std::string> decks_added;
    std::vector<std::string> decks_removed;

    bool empty() const;
};

// Fields are equal when they read the same in their markup (trailing spaces and line endings
// aside); across markups (markdown against HTML) when their text is the same.
CollectionDiff diff_collections(const Collection& a, const Collection& b);

// Stable JSON: {"a": name, "b": name, "notes": {"added", "removed", "changed"}, "note_types":
// {...}, "decks": {...}, "summary": {...}} (documented in docs/diff.md).
nlohmann::ordered_json diff_to_json(const CollectionDiff& diff, const std::string& a_name,
                                    const std::string& b_name);
// A report for people, one line per note and one indented line per change.
std::string diff_to_text(const CollectionDiff& diff, const std::string& a_name,
                         const std::string& b_name);

}  // namespace deckport
