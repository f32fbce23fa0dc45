// The `-O key=value` options of the csv format, parsed once; bad values throw UsageError.
#pragma once

#include <optional>
#include <string>

#include "deckport/format.hpp"

namespace deckport::csv {

enum class HeaderRow { automatic, yes, no };

struct ReadOptions {
    std::optional<char> separator;  // used only when the file has no `#separator:` line
    std::optional<bool> html;       // used only when the file has no `#html:` line
    HeaderRow header_row = HeaderRow::automatic;
};

struct WriteColumns {
    bool guid = true;
    bool notetype = true;
    bool deck = true;
    bool tags = true;
};

struct WriteOptions {
    char separator = '\t';
    bool html = true;
    WriteColumns columns;
    bool spreadsheet = false;  // a first row of column names, no `#` lines
    bool media_written_beside = false;  // WriteContext's: the caller writes the media files
};

ReadOptions read_options(const FormatOptions& options);
// The separator defaults to comma when `output_name` ends in .csv, else to tab (Anki's choice).
WriteOptions write_options(const FormatOptions& options, const std::string& output_name);

// The descriptions that `deckport formats` shows.
std::vector<OptionInfo> option_infos();

}  // namespace deckport::csv
