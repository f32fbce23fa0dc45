#include "csv/notes.hpp"

#include <algorithm>
#include <unordered_set>

#include "csv/tags.hpp"
#include "deckport/identity.hpp"

namespace deckport::csv {
namespace {

// A record's cells are let go once its note is made: the notes and every record are not whole in
// memory together.
void release(Record& record) {
    std::vector<Cell>().swap(record.cells);
}

std::string plural(std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

NoteBuilder::NoteBuilder(const FileHeader& header, ColumnLayout layout, bool html,
                         std::string fallback_note_type_name, std::size_t field_budget,
                         textfile::Reporter& reporter)
    : header_(header),
      layout_(std::move(layout)),
      markup_(html ? Markup::html : Markup::text),
      fallback_name_(std::move(fallback_note_type_name)),
      reporter_(reporter),
      field_budget_(field_budget) {}

Collection NoteBuilder::build(std::vector<Record>& records) {
    std::size_t first = layout_.header_row ? 1 : 0;
    if (layout_.notetype) {
        RowNoteTypes note_types(header_, layout_);
        std::vector<std::string> names;
        for (std::size_t r = first; r < records.size(); ++r) {
            names.push_back(note_types.name_of(records[r], reporter_));
            note_types.observe(names.back(), records[r]);
        }
        for (std::size_t r = first; r < records.size(); ++r) {
            const NoteTypePlan& plan = note_types.plan_for(names[r - first]);
            check_width(records[r], plan);
            if (auto note = note_from(records[r], plan)) add(std::move(*note), records[r]);
            release(records[r]);
        }
    } else {
        NoteTypePlan plan = global_plan(header_, layout_, fallback_name_, reporter_);
        make_cloze_if_named(
            plan, std::span<const Record>(records).subspan(std::min(first, records.size())));
        for (std::size_t r = first; r < records.size(); ++r) {
            check_width(records[r], plan);
            if (auto note = note_from(records[r], plan)) add(std::move(*note), records[r]);
            release(records[r]);
        }
    }
    return std::move(collection_);
}

void NoteBuilder::check_width(const Record& record, const NoteTypePlan& plan) {
    std::size_t width = record.cells.size();
    if (width < layout_.count) {
        reporter_.warning("CSV007", record.offset,
                          "this row has " + plural(width, "column") + " but the file has " +
                              std::to_string(layout_.count) + " (from " + layout_.count_source +
                              "): the missing fields are left empty");
        return;
    }
    for (std::size_t c = layout_.count; c < width; ++c) {
        if (!record.cells[c].value.empty() && !layout_.is_meta(c)) {
            reporter_.warning("CSV008", record.cells[c].offset,
                              "this row has " + plural(width, "column") + " but the file has " +
                                  std::to_string(layout_.count) + " (from " + layout_.count_source +
                                  "): the cells after column " + std::to_string(layout_.count) +
                                  " are ignored, as in Anki",
                              "add the missing columns to the first row, or a #columns: line");
            return;
        }
    }
    if (!layout_.notetype) return;
    std::vector<std::size_t> field_columns = layout_.field_columns();
    for (std::size_t k = plan.sources.size(); k < field_columns.size(); ++k) {
        std::size_t c = field_columns[k];
        if (c < width && !record.cells[c].value.empty()) {
            reporter_.warning("CSV021", record.cells[c].offset,
                              "column " + std::to_string(c + 1) + " holds text but note type '" +
                                  plan.note_type.name + "' has " +
                                  plural(plan.note_type.fields.size(), "field") +
                                  ": the text is ignored");
            return;
        }
    }
}

std::optional<Note> NoteBuilder::note_from(Record& record, const NoteTypePlan& plan) {
    if (plan.sources.size() > field_budget_) {
        if (!over_budget_) {
            over_budget_ = true;
            reporter_.error("CSV023", record.offset,
                            "the rows from here on would expand into more fields than the file "
                            "could hold (" +
                                std::to_string(layout_.count) +
                                " columns, mostly empty): they are not read",
                            "check the first row or the #columns: line");
        }
        return std::nullopt;
    }
    field_budget_ -= plan.sources.size();
    if (plan.sources.empty() || cell_view(record, plan.sources.front()).empty()) {
        reporter_.warning("CSV009", record.offset,
                          "the first field is empty: Anki skips such a row, and so does deckport");
        return std::nullopt;
    }
    Note note;
    note.note_type_id = collection_.ensure_note_type(plan.note_type).id;
    note.guid = cell(record, layout_.guid);
    note.deck = deck_of(record);
    std::vector<std::string> tags = split_tags(cell(record, layout_.tags));
    tags.insert(tags.end(), header_.global_tags.begin(), header_.global_tags.end());
    note.set_tags(std::move(tags));
    note.origin = reporter_.at(record.offset);
    // Last, the fields take their cells' text rather than a copy (the record is not read again);
    // a column that feeds two fields is copied for all but the last.
    const std::vector<char>& last_use = last_uses(plan);
    for (std::size_t k = 0; k < plan.sources.size(); ++k) {
        const std::optional<std::size_t>& column = plan.sources[k];
        if (!column || *column >= record.cells.size() || !last_use[k]) {
            note.fields.push_back(Content{markup_, cell(record, column)});
        } else {
            note.fields.push_back(Content{markup_, std::move(record.cells[*column].value)});
        }
    }
    return note;
}

std::string NoteBuilder::deck_of(const Record& record) {
    std::string deck = cell(record, layout_.deck);
    if (!deck.empty()) {
        if (!is_numeric_id(deck)) return deck;
        reporter_.warning("CSV016", record.cells[*layout_.deck].offset,
                          "deck id " + deck +
                              " can only be resolved inside an Anki collection; the note gets "
                              "no deck",
                          "write deck names in the deck column");
    }
    if (!header_.deck) return {};
    if (!is_numeric_id(header_.deck->value)) return header_.deck->value;
    if (!warned_header_deck_) {
        warned_header_deck_ = true;
        reporter_.warning("CSV016", header_.deck->offset,
                          "deck id " + header_.deck->value +
                              " can only be resolved inside an Anki collection; the notes get no "
                              "deck",
                          "name the deck: #deck:Name");
    }
    return {};
}

void NoteBuilder::add(Note note, const Record& record) {
    auto at_line = [&](const Note& other) { return std::to_string(other.origin.line); };
    std::optional<std::size_t> match;
    std::string why;
    bool by_guid = !note.guid.empty();
    MatchKey key = match_key(note);
    if (by_guid) {
        if (auto it = by_guid_.find(note.guid); it != by_guid_.end()) {
            match = it->second;
            why = "has the same GUID '" + note.guid + "' as the note";
        }
    } else if ((match = find_match(key))) {
        why = "has the same first field and note type as the note";
    }

    if (match) {
        Note& earlier = collection_.notes[*match];
        std::string where = " at line " + at_line(earlier);
        if (header_.if_matches == DupePolicy::keep_both && !by_guid) {
            int copy = ++copies_[key];
            note.guid = derive_guid(note.deck, collection_.find_note_type(note.note_type_id)->name,
                                    note.fields.front().source + "\x1f" + std::to_string(copy));
            reporter_.warning(
                "CSV022", record.offset,
                "this row " + why + where + ": both are kept (#if matches:keep both)");
        } else if (header_.if_matches == DupePolicy::update_current &&
                   earlier.note_type_id == note.note_type_id) {
            reporter_.warning(
                "CSV022", record.offset,
                "this row " + why + where + ": it updates that note, as Anki's import does",
                "give each row its own GUID, or set #if matches:keep both");
            // The earlier note stays the match for the key it was added with (and only that
            // one), kept whole before its first field first changes; a note that was not the
            // match for its key (another note had it first) has no key to keep.
            if (earlier.fields.front().source != note.fields.front().source &&
                *match < matches_own_key_.size() && matches_own_key_[*match]) {
                by_whole_key_.emplace(match_key(earlier), *match);
                matches_own_key_[*match] = 0;  // its key is kept whole now, not by its text
            }
            earlier.fields = std::move(note.fields);
            if (layout_.tags) earlier.tags = std::move(note.tags);
            return;
        } else {
            reporter_.warning("CSV022", record.offset,
                              "this row " + why + where + ": it is skipped" +
                                  (earlier.note_type_id != note.note_type_id
                                       ? std::string(" (its note type differs)")
                                       : std::string(" (#if matches)")));
            return;
        }
    }
    std::size_t index = collection_.notes.size();
    if (!note.guid.empty() && !match) by_guid_.emplace(note.guid, index);
    collection_.notes.push_back(std::move(note));
    remember_match(key, index);  // the first note with this key stays the match
}

const std::vector<char>& NoteBuilder::last_uses(const NoteTypePlan& plan) {
    if (&plan == last_use_plan_) return last_use_;
    last_use_plan_ = &plan;
    last_use_.assign(plan.sources.size(), 0);
    std::unordered_set<std::size_t> later;  // columns used by a field after this one
    for (std::size_t k = plan.sources.size(); k-- > 0;) {
        const std::optional<std::size_t>& column = plan.sources[k];
        last_use_[k] = column && later.insert(*column).second;
    }
    return last_use_;
}

NoteBuilder::MatchKey NoteBuilder::match_key(const Note& note) const {
    return {note.note_type_id,
            header_.match_scope == MatchScope::notetype_and_deck ? note.deck : std::string{},
            note.fields.front().source};
}

std::uint64_t NoteBuilder::match_hash(const MatchKey& key) const {
    const auto& [type, deck, field] = key;
    std::uint64_t hash = std::hash<std::string>{}(field);
    hash ^= std::hash<std::string>{}(deck)*0x9E3779B97F4A7C15ull;
    return hash ^ static_cast<std::uint64_t>(type) * 0xC2B2AE3D27D4EB4Full;
}

std::optional<std::size_t> NoteBuilder::find_match(const MatchKey& key) const {
    if (auto it = by_key_hash_.find(match_hash(key)); it != by_key_hash_.end()) {
        const Note& note = collection_.notes[it->second];
        bool same =
            note.note_type_id == std::get<0>(key) &&
            note.fields.front().source == std::get<2>(key) &&
            (header_.match_scope != MatchScope::notetype_and_deck || note.deck == std::get<1>(key));
        if (same) return it->second;
    }
    if (auto it = by_whole_key_.find(key); it != by_whole_key_.end()) return it->second;
    return std::nullopt;
}

void NoteBuilder::remember_match(const MatchKey& key, std::size_t index) {
    if (find_match(key)) return;
    auto [it, added] = by_key_hash_.emplace(match_hash(key), index);
    if (!added) by_whole_key_.emplace(key, index);  // another key has this hash
    if (index >= matches_own_key_.size()) matches_own_key_.resize(index + 1);
    matches_own_key_[index] = 1;
}

}  // namespace deckport::csv
