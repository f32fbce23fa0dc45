// Turns the data rows of an Anki text file into notes: fields, note type, GUID, deck and tags
// per row, with Anki's rules for short and long rows, empty first fields and duplicates.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "csv/header.hpp"
#include "csv/layout.hpp"
#include "csv/mapping.hpp"
#include "csv/records.hpp"
#include "deckport/model.hpp"

namespace deckport::csv {

class NoteBuilder {
  public:
    // `field_budget` bounds the fields all notes may have together: short rows are padded to
    // the column count, so a wide first row over many short rows could otherwise expand a small
    // file into billions of empty fields.
    NoteBuilder(const FileHeader& header, ColumnLayout layout, bool html,
                std::string fallback_note_type_name, std::size_t field_budget,
                textfile::Reporter& reporter);

    Collection build(const std::vector<Record>& records);

  private:
    void check_width(const Record& record, const NoteTypePlan& plan);
    std::optional<Note> note_from(const Record& record, const NoteTypePlan& plan);
    std::string deck_of(const Record& record);
    // Adds the note, or merges it into an earlier one as Anki's `#if matches` policy says.
    void add(Note note, const Record& record);

    const FileHeader& header_;
    ColumnLayout layout_;
    Markup markup_;
    std::string fallback_name_;
    textfile::Reporter& reporter_;
    Collection collection_;
    std::map<std::string, std::size_t> by_guid_;
    std::map<std::tuple<std::int64_t, std::string, std::string>, std::size_t> by_first_field_;
    std::map<std::tuple<std::int64_t, std::string, std::string>, int> copies_;
    bool warned_header_deck_ = false;
    std::size_t field_budget_;
    bool over_budget_ = false;
};

}  // namespace deckport::csv
