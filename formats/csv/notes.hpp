// Turns the data rows of an Anki text file into notes: fields, note type, GUID, deck and tags
// per row, with Anki's rules for short and long rows, empty first fields and duplicates.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
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

    // Reads `records`, letting go of each one's cells as its note is made.
    Collection build(std::vector<Record>& records);

  private:
    void check_width(const Record& record, const NoteTypePlan& plan);
    std::optional<Note> note_from(Record& record, const NoteTypePlan& plan);
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
    // For each of the plan's fields, whether no later field reads its column (then the field may
    // take the cell's text); worked out again only when the plan changes.
    const std::vector<char>& last_uses(const NoteTypePlan& plan);
    const NoteTypePlan* last_use_plan_ = nullptr;
    std::vector<char> last_use_;

    using MatchKey = std::tuple<std::int64_t, std::string, std::string>;  // type, deck, field
    // The key a note is matched by: its note type, its deck when #match scope says so, and its
    // first field.
    MatchKey match_key(const Note& note) const;
    std::uint64_t match_hash(const MatchKey& key) const;
    // The first note with `key`, if any.
    std::optional<std::size_t> find_match(const MatchKey& key) const;
    void remember_match(const MatchKey& key, std::size_t index);
    // Notes by the hash of their key: the notes hold the text the hash stands for, so 100,000
    // notes do not keep a second copy of every first field. Keys that meet another key's hash,
    // and the old keys of notes whose first field an update changed, are kept whole.
    std::unordered_map<std::uint64_t, std::size_t> by_key_hash_;
    std::map<MatchKey, std::size_t> by_whole_key_;
    // By note: it is the match for the key it was added with, and its text still holds that key
    // (cleared when an update changes its first field and the key is kept whole instead).
    std::vector<char> matches_own_key_;
    std::map<MatchKey, int> copies_;
    bool warned_header_deck_ = false;
    std::size_t field_budget_;
    bool over_budget_ = false;
};

}  // namespace deckport::csv
