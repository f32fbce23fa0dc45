// Lays a collection out as an Anki text file: the header lines Anki 2.1.55+ reads (or, in
// spreadsheet mode, a row of column names), then one row per note with every column present.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "csv/options.hpp"
#include "deckport/diagnostics.hpp"
#include "deckport/model.hpp"

namespace deckport::csv {

// Turns a field into the text of its cell (HTML or plain text).
using FieldRenderer = std::function<std::string(const Content&)>;

// Reports what the file cannot carry (media, scheduling, note type definitions, ...) once per
// kind, to `diagnostics` at `output_name`.
std::string write_table(const Collection& collection, const WriteOptions& options,
                        const FieldRenderer& render, Diagnostics& diagnostics,
                        const std::string& output_name);
// The same, handing the text to `out` in pieces of about a megabyte as the rows are made, so
// that the whole file is never in memory at once.
void write_table(const Collection& collection, const WriteOptions& options,
                 const FieldRenderer& render, Diagnostics& diagnostics,
                 const std::string& output_name, const std::function<void(std::string_view)>& out);

}  // namespace deckport::csv
