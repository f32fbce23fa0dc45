// Finds the separators of Quizlet text that the user did not name: Quizlet's export box lets
// people type any separator, and real exports use `|`, `/////`, comma or ` - ` as often as Tab.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "quizlet/separators.hpp"

namespace deckport::quizlet {

struct Detection {
    Separators separators;
    // The first row names the columns (`Term<sep>Definition`, `Front/Back`, `Question/Answer`).
    std::optional<std::size_t> header_offset;
};

// Why detection gave up: the first row holds no candidate, or two candidates fit equally well.
struct DetectionFailure {
    std::size_t offset = 0;  // the first row
    std::string message;
    std::string hint;
};

// Keeps the separators the user gave (`options.term_given`, `options.row_given`) and detects the
// others in `text` (line ends already LF). See README.md "Separator detection" for the rules.
std::optional<Detection> detect_separators(std::string_view text, const Options& options,
                                           DetectionFailure& failure);

// True when a term and definition are column names rather than a card.
bool is_header_row(std::string_view term, std::string_view definition);

}  // namespace deckport::quizlet
