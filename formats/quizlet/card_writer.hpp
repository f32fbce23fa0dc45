// Writes term/definition cards as Quizlet text, flattening what the separators cannot carry, or
// (safe mode) choosing separators that occur in no card. Checks that the text splits back into
// the same cards.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "deckport/diagnostics.hpp"
#include "quizlet/separators.hpp"

namespace deckport::quizlet {

struct Card {
    std::string term;
    std::string definition;
    SourceLocation origin;  // where the note came from, for per-card warnings
};

// The first separators (the given or default ones first, then custom strings that can be typed
// into Quizlet's box) that occur in no term or definition and split back into the same cards.
std::optional<Separators> pick_safe_separators(const std::vector<Card>& cards,
                                               const Options& options);

std::string write_cards(const std::vector<Card>& cards, const Options& options,
                        Diagnostics& diagnostics, const std::string& output_name);

}  // namespace deckport::quizlet
