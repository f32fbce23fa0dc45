#include "csv/header.hpp"

#include <cctype>

#include "common/ascii.hpp"
#include "csv/dialect.hpp"
#include "csv/tags.hpp"

namespace deckport::csv {
namespace {

constexpr int kMaxColumnNumber = 100000;

std::string_view trim(std::string_view s) {
    auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return s;
}

// Spreadsheet programs save header lines as records (`#separator:Comma,,`). For the keys whose
// values are not free text, Anki (since 25.05) keeps the first character and then cuts at the
// first character that is not alphanumeric.
std::string_view cut_spreadsheet_padding(std::string_view value) {
    if (value.empty()) return value;
    std::size_t first = 1;
    while (first < value.size() && (static_cast<unsigned char>(value[first]) & 0xC0) == 0x80) {
        ++first;  // the whole first code point
    }
    std::size_t end = first;
    while (end < value.size() && std::isalnum(static_cast<unsigned char>(value[end]))) ++end;
    return value.substr(0, end);
}

class HeaderParser {
  public:
    HeaderParser(FileHeader& header, textfile::Reporter& reporter)
        : header_(header), reporter_(reporter) {}

    void directive(std::string_view key_text, std::string_view value, std::size_t offset) {
        std::string key = ascii_lower(trim(key_text));
        header_.has_directives = true;
        if (key == "separator") {
            std::string_view cut = cut_spreadsheet_padding(value);
            if (auto separator = separator_from_name(cut)) {
                header_.separator = *separator;
            } else {
                reporter_.warning("CSV010", offset,
                                  "unknown separator '" + std::string(value) +
                                      "' is ignored; the separator is guessed from the rows",
                                  "use tab, comma, semicolon, pipe, colon or space");
            }
        } else if (key == "html") {
            std::string flag = ascii_lower(cut_spreadsheet_padding(value));
            if (flag == "true" || flag == "false") {
                header_.html = flag == "true";
            } else {
                reporter_.warning(
                    "CSV010", offset,
                    "'#html:" + std::string(value) + "' is neither true nor false and is ignored",
                    "write #html:true or #html:false");
            }
        } else if (key == "tags") {
            header_.global_tags = split_tags(value);  // replaces a legacy `tags:` line, as in Anki
        } else if (key == "columns") {
            header_.columns = HeaderText{std::string(value), offset};
            header_.columns_before_separator = !header_.separator.has_value();
        } else if (key == "notetype") {
            header_.notetype = HeaderText{std::string(value), offset};
        } else if (key == "deck") {
            header_.deck = HeaderText{std::string(value), offset};
        } else if (key == "notetype column") {
            header_.notetype_column = column_number(key, value, offset);
        } else if (key == "deck column") {
            header_.deck_column = column_number(key, value, offset);
        } else if (key == "tags column") {
            header_.tags_column = column_number(key, value, offset);
        } else if (key == "guid column") {
            header_.guid_column = column_number(key, value, offset);
        } else if (key == "match scope") {
            if (value == "notetype") {
                header_.match_scope = MatchScope::notetype;
            } else if (value == "notetype + deck") {
                header_.match_scope = MatchScope::notetype_and_deck;
            } else {
                reporter_.warning("CSV010", offset,
                                  "'#match scope:" + std::string(value) + "' is ignored",
                                  "Anki accepts exactly 'notetype' or 'notetype + deck'");
            }
        } else if (key == "if matches") {
            if (value == "update current") {
                header_.if_matches = DupePolicy::update_current;
            } else if (value == "keep current") {
                header_.if_matches = DupePolicy::keep_current;
            } else if (value == "keep both") {
                header_.if_matches = DupePolicy::keep_both;
            } else {
                reporter_.warning(
                    "CSV010", offset, "'#if matches:" + std::string(value) + "' is ignored",
                    "Anki accepts exactly 'update current', 'keep current' or 'keep both'");
            }
        }
        // Other keys are comments to Anki, and to us.
    }

  private:
    std::optional<HeaderColumn> column_number(const std::string& key, std::string_view value,
                                              std::size_t offset) {
        std::string_view digits = trim(cut_spreadsheet_padding(value));
        int number = 0;
        bool valid = !digits.empty() && digits.size() <= 6;
        for (char c : digits) {
            if (!std::isdigit(static_cast<unsigned char>(c))) valid = false;
            if (valid) number = number * 10 + (c - '0');
        }
        if (!valid || number < 1 || number > kMaxColumnNumber) {
            reporter_.warning(
                "CSV010", offset,
                "'#" + key + ":" + std::string(value) + "' is not a column number and is ignored",
                "columns are numbered from 1");
            return std::nullopt;
        }
        return HeaderColumn{number, offset};
    }

    FileHeader& header_;
    textfile::Reporter& reporter_;
};

}  // namespace

FileHeader parse_header(std::string_view text, textfile::Reporter& reporter) {
    FileHeader header;
    HeaderParser parser(header, reporter);
    std::size_t pos = 0;
    bool first = true;
    while (pos < text.size()) {
        std::size_t newline = text.find('\n', pos);
        std::size_t next = newline == std::string_view::npos ? text.size() : newline + 1;
        std::string_view line = text.substr(pos, next - pos);
        if (line.ends_with('\n')) line.remove_suffix(1);
        if (line.ends_with('\r')) line.remove_suffix(1);
        if (first && line.starts_with("tags:")) {
            header.global_tags = split_tags(line.substr(5));
        } else if (line.starts_with('#')) {
            std::size_t colon = line.find(':');
            if (colon != std::string_view::npos) {
                parser.directive(line.substr(1, colon - 1), line.substr(colon + 1), pos);
            }
        } else {
            break;
        }
        first = false;
        pos = next;
    }
    header.body_offset = pos;
    return header;
}

}  // namespace deckport::csv
