// Reads Anki text files (the "Notes in Plain Text" export and hand-made CSV/TSV) and
// spreadsheet files with a row of column names.
#pragma once

#include "deckport/format.hpp"

namespace deckport::csv {

class CsvReader final : public Reader {
  public:
    int probe(const Input& input) const override;
    Collection read(const Input& input, ReadContext& context) const override;
};

}  // namespace deckport::csv
