#include "csv/csv_format.hpp"

#include "csv/options.hpp"
#include "csv/reader.hpp"
#include "csv/writer.hpp"

namespace deckport {

Format make_csv_format() {
    Format format;
    format.info.name = "csv";
    format.info.aliases = {"tsv", "anki-text"};
    format.info.extensions = {".csv", ".tsv", ".txt"};
    format.info.description =
        "Anki text files (CSV/TSV with #separator/#html/#... column header lines, as Anki 2.1.55+ "
        "imports and exports them) and spreadsheet CSV with a row of column names";
    format.info.capabilities.deck_tree = true;
    format.info.capabilities.multiple_decks = true;
    format.info.capabilities.tags = true;
    format.info.capabilities.guids = true;
    format.info.capabilities.formatting = true;
    format.info.capabilities.cloze = true;
    format.info.options = csv::option_infos();
    format.info.media_beside = true;
    format.reader = std::make_unique<csv::CsvReader>();
    format.writer = std::make_unique<csv::CsvWriter>();
    return format;
}

}  // namespace deckport
