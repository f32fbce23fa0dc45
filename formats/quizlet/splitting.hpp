// Quizlet text has no quoting: rows are split at every row separator and each row at its first
// term separator. The reader and the writer's self-check share these two steps.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace deckport::quizlet {

struct Piece {
    std::string_view text;
    std::size_t offset = 0;  // in the whole text
};

// Rows between row separators. The newline separator also ends a row at CRLF and at a lone CR.
std::vector<Piece> split_rows(std::string_view text, std::string_view row_separator);

// The term and the definition of a row, split at its first term separator; empty when the row
// holds none.
struct TermAndDefinition {
    Piece term;
    Piece definition;
};
std::optional<TermAndDefinition> split_row(const Piece& row, std::string_view term_separator);

// `s` without leading and trailing ASCII white space, as terms and definitions are read.
std::string_view trim_space(std::string_view s);

}  // namespace deckport::quizlet
