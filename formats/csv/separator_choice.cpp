#include "csv/separator_choice.hpp"

#include <algorithm>
#include <cctype>

#include "csv/dialect.hpp"

namespace deckport::csv {
namespace {

std::optional<char> separator_from_extension(const std::string& display_name,
                                             std::string_view first_line) {
    std::string name = display_name;
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    char wanted = 0;
    if (name.ends_with(".csv")) wanted = ',';
    if (name.ends_with(".tsv")) wanted = '\t';
    if (wanted != 0 && first_line.find(wanted) != std::string_view::npos) return wanted;
    return std::nullopt;
}

}  // namespace

char choose_separator(const FileHeader& header, std::optional<char> option,
                      const std::string& display_name, std::string_view text,
                      textfile::Reporter& reporter) {
    if (header.separator) return *header.separator;
    if (option) return *option;
    std::string_view body = text.substr(header.body_offset);
    char anki_guess = guess_separator(body);
    std::string_view first_line = body.substr(0, body.find_first_of("\r\n"));
    if (auto by_extension = separator_from_extension(display_name, first_line)) {
        if (*by_extension != anki_guess) {
            reporter.warning(
                "CSV013", header.body_offset,
                std::string("read as ") + separator_name(*by_extension) +
                    "-separated (the file's extension), but Anki, which takes the first of tab, "
                    "pipe, semicolon, colon, comma, space found in the first 8 KiB, would read "
                    "it as " +
                    separator_name(anki_guess) + "-separated",
                std::string("add the line #separator:") + separator_name(*by_extension) +
                    " at the top of the file");
        }
        return *by_extension;
    }
    reporter.note("CSV014", header.body_offset,
                  std::string("no #separator: line: the separator is guessed as ") +
                      separator_name(anki_guess) + ", as Anki guesses it",
                  "add a #separator: line, or give -O separator=");
    return anki_guess;
}

}  // namespace deckport::csv
