#include "quizlet/splitting.hpp"

#include <cctype>

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

std::string_view trim_space(std::string_view s) {
    auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return s;
}

}  // namespace deckport::quizlet
