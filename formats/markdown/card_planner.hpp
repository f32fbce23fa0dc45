// Turns a note of any format into what a markdown card holds: a built-in note type, two sides
// of markdown, a deck, tags and an id, reporting what does not fit.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "deckport/model.hpp"
#include "markdown/loss_report.hpp"

namespace deckport::markdown {

struct PlannedCard {
    const NoteType* note_type = nullptr;  // Basic, Basic (and reversed card) or Cloze
    std::string question;                 // as written: converted to markdown, normalized, escaped
    std::string answer;
    std::string deck;
    std::vector<std::string> tags;
    std::optional<std::string> id;  // the note's GUID, when the markdown can hold it
    bool id_changes = false;        // the GUID could not be written (MD107)
};

class CardPlanner {
  public:
    CardPlanner(const Collection& collection, LossReport& losses)
        : collection_(collection), losses_(losses) {}

    PlannedCard plan(const Note& note);

  private:
    struct TypeMapping {
        const NoteType* source = nullptr;   // the note's own type, or null when unknown
        const NoteType* written = nullptr;  // the built-in it is written as
        bool builtin = false;               // the note's type is that built-in
    };
    const TypeMapping& mapping(std::int64_t note_type_id);

    const Collection& collection_;
    LossReport& losses_;
    std::map<std::int64_t, TypeMapping> mappings_;
};

}  // namespace deckport::markdown
