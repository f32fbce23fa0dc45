// Writes Anki text files: Anki's header lines, then one row per note (see table_writer.hpp).
#pragma once

#include "deckport/format.hpp"

namespace deckport::csv {

class CsvWriter final : public Writer {
  public:
    void write(const Collection& collection, OutputSink& sink,
               WriteContext& context) const override;
};

}  // namespace deckport::csv
