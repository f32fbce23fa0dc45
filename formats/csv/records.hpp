// Splits the rows of an Anki text file into records: RFC 4180 double quotes (`""` is a quote),
// records end at LF, CRLF or CR outside quotes, blank lines are skipped, and a record whose first
// byte is `#` is a comment (Anki's csv reader skips it wherever it is).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/text_reporter.hpp"

namespace deckport::csv {

struct Cell {
    std::string value;
    std::size_t offset = 0;  // where the cell starts in the text
};

struct Record {
    std::vector<Cell> cells;
    std::size_t offset = 0;  // where the record starts
};

// The value in `column`, empty when the record has no such column or no column is given.
inline std::string_view cell_view(const Record& record, std::optional<std::size_t> column) {
    if (!column || *column >= record.cells.size()) return {};
    return record.cells[*column].value;
}
inline std::string cell(const Record& record, std::optional<std::size_t> column) {
    return std::string(cell_view(record, column));
}

// Reads the records of `text` from `start`. A quote that is never closed is an error (CSV005):
// the open cell takes the rest of the file, as in Anki, and the error names where it opened.
// Text after a closing quote is kept and reported (CSV006).
std::vector<Record> read_records(std::string_view text, std::size_t start, char separator,
                                 textfile::Reporter& reporter);

// The cells of a single line (the value of `#columns:`), split the same way.
std::vector<std::string> split_single_record(std::string_view line, char separator);

}  // namespace deckport::csv
