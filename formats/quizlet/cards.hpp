// Notes to Quizlet cards: the term is the first field, the definition the other fields (one per
// line); cloze notes show the text with blanks as the term and the full text as the definition.
// What Quizlet cannot carry is reported once per kind.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "deckport/diagnostics.hpp"
#include "deckport/model.hpp"
#include "quizlet/card_writer.hpp"

namespace deckport::quizlet {

// Turns a field into plain text (markup dropped, code text kept, one line per block).
using TextRenderer = std::function<std::string(const Content&)>;

std::vector<Card> cards_from(const Collection& collection, const TextRenderer& to_plain_text,
                             Diagnostics& diagnostics, const std::string& output_name);

}  // namespace deckport::quizlet
