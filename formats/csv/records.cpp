#include "csv/records.hpp"

namespace deckport::csv {
namespace {

bool is_line_break(char c) {
    return c == '\n' || c == '\r';
}

// Steps over the line break at `pos` (CRLF counts as one).
std::size_t skip_line_break(std::string_view text, std::size_t pos) {
    if (pos < text.size() && text[pos] == '\r') {
        ++pos;
        if (pos < text.size() && text[pos] == '\n') ++pos;
    } else if (pos < text.size() && text[pos] == '\n') {
        ++pos;
    }
    return pos;
}

class RecordReader {
  public:
    RecordReader(std::string_view text, char separator, bool comments, textfile::Reporter* reporter)
        : text_(text), separator_(separator), comments_(comments), reporter_(reporter) {}

    std::vector<Record> read(std::size_t pos) {
        std::vector<Record> records;
        while (pos < text_.size()) {
            char c = text_[pos];
            if (is_line_break(c)) {
                pos = skip_line_break(text_, pos);
                continue;
            }
            if (c == '#' && comments_) {
                std::size_t end = text_.find_first_of("\r\n", pos);
                pos = end == std::string_view::npos ? text_.size() : skip_line_break(text_, end);
                continue;
            }
            Record record;
            record.offset = pos;
            pos = read_record(pos, record);
            records.push_back(std::move(record));
        }
        return records;
    }

  private:
    // Reads cells from `pos` to the end of the record; returns the offset after its line break.
    std::size_t read_record(std::size_t pos, Record& record) {
        while (true) {
            Cell cell;
            cell.offset = pos;
            bool quoted = pos < text_.size() && text_[pos] == '"';
            pos = quoted ? read_quoted(pos, cell) : read_unquoted(pos, cell.value);
            record.cells.push_back(std::move(cell));
            if (pos < text_.size() && text_[pos] == separator_) {
                ++pos;
                continue;
            }
            return skip_line_break(text_, pos);
        }
    }

    std::size_t read_unquoted(std::size_t pos, std::string& value) {
        std::size_t end = pos;
        while (end < text_.size() && text_[end] != separator_ && !is_line_break(text_[end])) ++end;
        value.append(text_.substr(pos, end - pos));
        return end;
    }

    std::size_t read_quoted(std::size_t open, Cell& cell) {
        std::size_t pos = open + 1;
        while (true) {
            std::size_t quote = text_.find('"', pos);
            if (quote == std::string_view::npos) {
                cell.value.append(text_.substr(pos));
                if (reporter_) {
                    reporter_->error("CSV005", open,
                                     "unbalanced quote: this quoted field is never closed, so "
                                     "it takes the rest of the file (" +
                                         std::to_string(text_.size() - open) + " bytes)",
                                     "close the field with \" or double a quote inside it (\"\")");
                }
                return text_.size();
            }
            cell.value.append(text_.substr(pos, quote - pos));
            if (quote + 1 < text_.size() && text_[quote + 1] == '"') {
                cell.value += '"';
                pos = quote + 2;
                continue;
            }
            pos = quote + 1;
            break;
        }
        if (pos < text_.size() && text_[pos] != separator_ && !is_line_break(text_[pos])) {
            if (reporter_) {
                reporter_->warning("CSV006", pos,
                                   "text after the closing quote of a field is joined to it",
                                   "quote the whole field, doubling the quotes inside it");
            }
            pos = read_unquoted(pos, cell.value);
        }
        return pos;
    }

    std::string_view text_;
    char separator_;
    bool comments_;
    textfile::Reporter* reporter_;
};

}  // namespace

std::vector<Record> read_records(std::string_view text, std::size_t start, char separator,
                                 textfile::Reporter& reporter) {
    return RecordReader(text, separator, true, &reporter).read(start);
}

std::vector<std::string> split_single_record(std::string_view line, char separator) {
    std::vector<std::string> cells;
    std::vector<Record> records = RecordReader(line, separator, false, nullptr).read(0);
    if (!records.empty()) {
        for (Cell& cell : records.front().cells) cells.push_back(std::move(cell.value));
    }
    return cells;
}

}  // namespace deckport::csv
