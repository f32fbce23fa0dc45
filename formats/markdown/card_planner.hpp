// Turns a note of any format into what a markdown card holds: a built-in note type, two sides
// of markdown, a deck, tags and an id, reporting what does not fit.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "deckport/model.hpp"
#include "markdown/loss_report.hpp"

namespace deckport::markdown {

struct PlannedCard {
    NoteType note_type;    // Basic, Basic (and reversed card) or Cloze
    std::string question;  // as written: converted to markdown, normalized, escaped
    std::string answer;
    std::string deck;
    std::vector<std::string> tags;
    std::optional<std::string> id;  // the note's GUID, when the markdown can hold it
    bool id_changes = false;        // the GUID could not be written (MD107)
};

PlannedCard plan_card(const Note& note, const Collection& collection, LossReport& losses);

}  // namespace deckport::markdown
