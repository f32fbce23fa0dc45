// Which column holds what: the column count, labels, and the meta columns (guid, note type,
// deck, tags), from the header block, a spreadsheet row of column names, or the first row.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "csv/header.hpp"
#include "csv/options.hpp"
#include "csv/records.hpp"

namespace deckport::csv {

struct ColumnLayout {
    std::size_t count = 0;            // columns a row should have
    std::string count_source;         // where the count comes from, for diagnostics
    std::vector<std::string> labels;  // one per column, empty when unlabeled
    bool header_row = false;          // the first record holds the labels (not a note)
    std::optional<std::size_t> guid, notetype, deck, tags;  // 0-based

    bool labeled() const;
    bool is_meta(std::size_t column) const;
    std::vector<std::size_t> field_columns() const;  // the non-meta columns, in order
};

// True when the first record looks like a row of column names: one of its cells names a meta
// column (guid, notetype, note type, deck, tags), or its cells are the fields of a built-in
// note type (Front, Back / Text, Back Extra).
bool looks_like_column_names(const Record& record);

ColumnLayout make_layout(const FileHeader& header, const std::vector<Record>& records,
                         char separator, HeaderRow header_row, textfile::Reporter& reporter);

}  // namespace deckport::csv
