// Turns a note of any format into what a markdown card holds: its note type, its fields as
// markdown, a deck, tags and an id, reporting what does not fit.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "deckport/model.hpp"
#include "markdown/loss_report.hpp"

namespace deckport::markdown {

// What a card holds besides its fields, which are made later (written_fields).
struct PlannedCard {
    const NoteType* note_type = nullptr;  // the collection's (or Basic/Cloze when it has none)
    std::string deck;
    std::vector<std::string> tags;
    std::optional<std::string> id;  // the note's GUID, when the markdown can hold it
    bool id_changes = false;        // the GUID could not be written (MD107)
};

// What writing a note's deck, tags and id changes, worth a warning: found for every note on
// any thread (CardPlanner::describe), reported in the notes' order (CardPlanner::plan).
struct MetadataChanges {
    std::string normalised_deck;  // the deck name had to change (MD108)
    struct TagChange {
        std::size_t tag = 0;  // index in the note's tags
        std::string written;  // empty: dropped
    };
    std::vector<TagChange> tag_changes;  // MD106
    std::string id_problem;              // MD107
};

// Every field of the note as markdown (normalized, not yet escaped).
std::vector<std::string> fields_as_markdown(const Note& note);

// The card's fields as written: one per field of its note type, markdown, normalized, escaped
// (`markdown`: fields_as_markdown(note)). The question is the first.
std::vector<std::string> written_fields(const PlannedCard& card,
                                        const std::vector<std::string>& markdown);

class CardPlanner {
  public:
    CardPlanner(const Collection& collection, LossReport& losses)
        : collection_(collection), losses_(losses) {}

    // What a card holds besides its fields: note type, deck, tags and id, which decide the
    // file's layout. The fields come later (written_fields), a part of the deck at a time, so
    // that a large deck's markdown is never held whole. In two steps: describe (on any thread),
    // then plan, note after note, which reports the losses.
    // `changes` is set only for a note with something to report (few are).
    static PlannedCard describe(const Note& note, std::unique_ptr<MetadataChanges>& changes);
    // Sets the card's note type and reports the note's losses.
    void plan(PlannedCard& card, const Note& note, const MetadataChanges* changes);
    // MD109, for a note whose written question is empty.
    void report_empty_question(const Note& note);

  private:
    const NoteType* note_type_of(const Note& note);

    const Collection& collection_;
    LossReport& losses_;
    std::map<std::int64_t, const NoteType*> types_;  // note type id -> the type written
};

}  // namespace deckport::markdown
