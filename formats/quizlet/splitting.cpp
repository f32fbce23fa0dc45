#include "quizlet/splitting.hpp"

namespace deckport::quizlet {

std::vector<Piece> split_rows(std::string_view text, std::string_view row_separator) {
    std::vector<Piece> rows;
    std::size_t start = 0;
    bool newline = row_separator == "\n";
    while (true) {
        std::size_t end =
            newline ? text.find_first_of("\r\n", start) : text.find(row_separator, start);
        if (end == std::string_view::npos) {
            rows.push_back({text.substr(start), start});
            return rows;
        }
        rows.push_back({text.substr(start, end - start), start});
        start = end + row_separator.size();
        if (newline && text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ++start;
    }
}

std::optional<TermAndDefinition> split_row(const Piece& row, std::string_view term_separator) {
    std::size_t at = row.text.find(term_separator);
    if (at == std::string_view::npos) return std::nullopt;
    std::size_t after = at + term_separator.size();
    return TermAndDefinition{{row.text.substr(0, at), row.offset},
                             {row.text.substr(after), row.offset + after}};
}

}  // namespace deckport::quizlet
