// Which separator splits the rows: the file's `#separator:`, else `-O separator=`, else the
// name's extension (.csv: comma, .tsv: tab) when the first row holds one, else Anki's guess.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/text_reporter.hpp"
#include "csv/header.hpp"

namespace deckport::csv {

// Reports a note when the separator is guessed, and a warning (CSV013) when Anki's own guess
// would differ, so that the user can add the `#separator:` line Anki needs.
char choose_separator(const FileHeader& header, std::optional<char> option,
                      const std::string& display_name, std::string_view text,
                      textfile::Reporter& reporter);

}  // namespace deckport::csv
