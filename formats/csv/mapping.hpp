// Which note type each row becomes, and which column feeds each of its fields.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "csv/header.hpp"
#include "csv/layout.hpp"
#include "deckport/model.hpp"

namespace deckport::csv {

struct NoteTypePlan {
    NoteType note_type;
    std::vector<std::optional<std::size_t>> sources;  // per field: its column, if any
    bool created = false;  // made from the file, not one of Anki's stock note types
};

// Anki's stock note type with this English name (Basic, Basic (and reversed card), Basic
// (optional reversed card), Basic (type in the answer), Cloze, Image Occlusion), if any.
std::optional<NoteType> builtin_note_type(const std::string& name);

// A note type for fields the file names but no built-in has. Without cloze fields: standard,
// one card showing the first field, with the others on the back. With cloze fields (indices):
// a cloze type whose card shows them as clozes, the other fields below. Field names are made
// valid and unique.
NoteType imported_note_type(const std::string& name, const std::vector<std::string>& fields,
                            const std::vector<std::size_t>& cloze_fields = {});

// True for a value Anki would take as a numeric id (which only resolves inside a collection).
bool is_numeric_id(const std::string& value);

// One note type for every row (no note type column), chosen and mapped as Anki does: by label
// when the columns are named, else by position; the column after the last mapped field becomes
// the tags column when none is given. Updates layout.tags accordingly.
NoteTypePlan global_plan(const FileHeader& header, ColumnLayout& layout,
                         const std::string& fallback_name, textfile::Reporter& reporter);

// A note type made from the file (global_plan's) becomes a cloze type when its name holds
// "cloze" and `rows` hold cloze deletions in its fields, as RowNoteTypes does per name.
void make_cloze_if_named(NoteTypePlan& plan, std::span<const Record> rows);

// Note types named row by row in the note type column; fields by position over the non-meta
// columns. A name that is not built in (or a stock name whose rows use more fields than it
// has) becomes a note type whose fields are as many as its rows use: a cloze type when named
// like one and its rows hold clozes.
class RowNoteTypes {
  public:
    RowNoteTypes(const FileHeader& header, const ColumnLayout& layout);
    // The note type name of a row (the header's or Basic when its cell is empty).
    std::string name_of(const Record& record, textfile::Reporter& reporter) const;
    // Call once per data row before plan_for, so that created note types see every row.
    void observe(const std::string& name, const Record& record);
    const NoteTypePlan& plan_for(const std::string& name);

  private:
    const ColumnLayout& layout_;
    std::string default_name_;
    std::vector<std::size_t> field_columns_;
    struct Usage {
        std::size_t fields = 0;              // up to the last non-empty field of any row
        std::set<std::size_t> cloze_fields;  // fields with a cloze deletion, when named like one
    };
    std::map<std::string, Usage> usage_;  // note types that may be made from their rows
    std::set<std::string> names_;         // the names in the file (two at most are kept)
    std::map<std::string, NoteTypePlan> plans_;
};

}  // namespace deckport::csv
