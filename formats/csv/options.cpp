#include "csv/options.hpp"

#include <algorithm>
#include <cctype>

#include "common/ascii.hpp"
#include "csv/dialect.hpp"
#include "deckport/error.hpp"

namespace deckport::csv {
namespace {

const std::string* find(const FormatOptions& options, const char* key) {
    auto it = options.find(key);
    return it == options.end() ? nullptr : &it->second;
}

char parse_separator(const std::string& value) {
    if (auto separator = separator_from_name(value)) return *separator;
    throw UsageError("csv option 'separator=" + value + "' is not a separator Anki reads",
                     "use tab, comma, semicolon, pipe, colon or space");
}

bool parse_bool(const char* key, const std::string& value) {
    std::string v = ascii_lower(value);
    if (v == "true" || v == "yes" || v == "1") return true;
    if (v == "false" || v == "no" || v == "0") return false;
    throw UsageError(std::string("csv option '") + key + "=" + value + "' is not true or false");
}

WriteColumns parse_columns(const std::string& value) {
    WriteColumns columns{false, false, false, false};
    std::size_t start = 0;
    while (start <= value.size()) {
        std::size_t comma = value.find(',', start);
        std::string name = ascii_lower(
            value.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        name.erase(std::remove_if(name.begin(), name.end(),
                                  [](unsigned char c) { return std::isspace(c) != 0; }),
                   name.end());
        if (name == "guid") {
            columns.guid = true;
        } else if (name == "notetype") {
            columns.notetype = true;
        } else if (name == "deck") {
            columns.deck = true;
        } else if (name == "tags") {
            columns.tags = true;
        } else if (!name.empty() && name != "fields" && name != "none") {
            throw UsageError(
                "csv option 'columns=" + value + "' names an unknown column '" + name + "'",
                "list some of guid,notetype,deck,tags (the fields are always written)");
        }
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return columns;
}

}  // namespace

ReadOptions read_options(const FormatOptions& options) {
    ReadOptions out;
    if (const std::string* v = find(options, "separator")) out.separator = parse_separator(*v);
    if (const std::string* v = find(options, "html")) out.html = parse_bool("html", *v);
    if (const std::string* v = find(options, "header")) {
        std::string mode = ascii_lower(*v);
        if (mode == "auto") {
            out.header_row = HeaderRow::automatic;
        } else if (mode == "yes" || mode == "true" || mode == "1") {
            out.header_row = HeaderRow::yes;
        } else if (mode == "no" || mode == "false" || mode == "0") {
            out.header_row = HeaderRow::no;
        } else {
            throw UsageError("csv option 'header=" + *v + "' is not auto, yes or no");
        }
    }
    return out;
}

WriteOptions write_options(const FormatOptions& options, const std::string& output_name) {
    WriteOptions out;
    std::string name = ascii_lower(output_name);
    out.separator = name.ends_with(".csv") ? ',' : '\t';
    if (const std::string* v = find(options, "separator")) out.separator = parse_separator(*v);
    if (const std::string* v = find(options, "html")) out.html = parse_bool("html", *v);
    if (const std::string* v = find(options, "columns")) out.columns = parse_columns(*v);
    if (const std::string* v = find(options, "spreadsheet")) {
        out.spreadsheet = parse_bool("spreadsheet", *v);
    }
    return out;
}

std::vector<OptionInfo> option_infos() {
    using enum OptionDirection;
    using enum OptionType;
    return {
        {.name = "separator",
         .direction = both,
         .type = character,
         .values = {"tab", "comma", "semicolon", "pipe", "colon", "space"},
         .default_value = "write: comma for .csv, else tab; read: the #separator: line, else "
                          "Anki's guess",
         .description = "the field separator (reading: only when the file has no #separator: "
                        "line)"},
        {.name = "html",
         .direction = both,
         .type = boolean,
         .default_value = "write: true; read: the #html: line, else detected",
         .description = "true: fields are HTML (#html:true); false: plain text (#html:false). "
                        "Reading: only when the file has no #html: line"},
        {.name = "columns",
         .direction = write,
         .type = list,
         .values = {"guid", "notetype", "deck", "tags", "fields", "none"},
         .default_value = "guid,notetype,deck,tags",
         .description = "which meta columns to write besides the fields"},
        {.name = "spreadsheet",
         .direction = write,
         .type = boolean,
         .default_value = "false",
         .description = "a first row of column names instead of Anki's # header lines"},
        {.name = "header",
         .direction = read,
         .type = choice,
         .values = {"auto", "yes", "no", "true", "false", "1", "0"},
         .default_value = "auto",
         .description = "whether the first row holds column names (spreadsheet)"},
    };
}

}  // namespace deckport::csv
