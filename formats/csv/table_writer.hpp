// Lays a collection out as an Anki text file: the header lines Anki 2.1.55+ reads (or, in
// spreadsheet mode, a row of column names), then one row per note with every column present.
#pragma once

#include <functional>
#include <string>

#include "csv/options.hpp"
#include "deckport/diagnostics.hpp"
#include "deckport/model.hpp"
#include "deckport/output.hpp"

namespace deckport::csv {

// Turns a field into the text of its cell (HTML when options.html, else plain text). A field
// already in that markup is its own cell: it is written without being passed to the renderer.
using FieldRenderer = std::function<std::string(const Content&)>;

// Reports what the file cannot carry (media, scheduling, note type definitions, ...) once per
// kind, to `diagnostics` at `output_name`. The rows are written to `sink` as they are made.
void write_table(const Collection& collection, const WriteOptions& options,
                 const FieldRenderer& render, OutputSink& sink, Diagnostics& diagnostics,
                 const std::string& output_name);

}  // namespace deckport::csv
