#include "csv/layout.hpp"

#include <algorithm>
#include <cctype>

#include "common/ascii.hpp"
#include "deckport/notetypes.hpp"

namespace deckport::csv {
namespace {

std::string trimmed(std::string_view s) {
    auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return std::string(s);
}

enum class MetaKind { none, guid, notetype, deck, tags };

MetaKind meta_kind(const std::string& label) {
    std::string name = ascii_lower(trimmed(label));
    if (name == "guid") return MetaKind::guid;
    if (name == "notetype" || name == "note type") return MetaKind::notetype;
    if (name == "deck") return MetaKind::deck;
    if (name == "tags") return MetaKind::tags;
    return MetaKind::none;
}

std::optional<std::size_t> zero_based(const std::optional<HeaderColumn>& column) {
    if (!column) return std::nullopt;
    return static_cast<std::size_t>(column->index - 1);
}

}  // namespace

bool ColumnLayout::labeled() const {
    return std::any_of(labels.begin(), labels.end(),
                       [](const std::string& l) { return !l.empty(); });
}

bool ColumnLayout::is_meta(std::size_t column) const {
    return column == guid || column == notetype || column == deck || column == tags;
}

std::vector<std::size_t> ColumnLayout::field_columns() const {
    std::vector<std::size_t> columns;
    for (std::size_t i = 0; i < count; ++i) {
        if (!is_meta(i)) columns.push_back(i);
    }
    return columns;
}

bool looks_like_column_names(const Record& record) {
    std::vector<std::string> cells;
    for (const Cell& cell : record.cells) cells.push_back(trimmed(cell.value));
    for (const std::string& cell : cells) {
        if (meta_kind(cell) != MetaKind::none) return true;
    }
    for (const NoteType& builtin : {basic_note_type(), cloze_note_type()}) {
        if (cells == builtin.fields) return true;
    }
    return false;
}

ColumnLayout make_layout(const FileHeader& header, const std::vector<Record>& records,
                         char separator, HeaderRow header_row, textfile::Reporter& reporter) {
    ColumnLayout layout;
    bool first_is_names =
        !records.empty() &&
        (header_row == HeaderRow::yes || (header_row == HeaderRow::automatic && !header.columns &&
                                          looks_like_column_names(records.front())));
    if (first_is_names) {
        layout.header_row = true;
        for (const Cell& cell : records.front().cells) layout.labels.push_back(trimmed(cell.value));
        layout.count = layout.labels.size();
        layout.count_source = "its row of column names";
        reporter.note("CSV020", records.front().offset,
                      "the first row is read as column names, not as a note",
                      "give -O header=no to read it as a note");
    } else if (header.columns && !split_single_record(header.columns->value, separator).empty()) {
        layout.labels = split_single_record(header.columns->value, separator);
        layout.count = layout.labels.size();
        layout.count_source = "its #columns: line";
        if (header.columns_before_separator && header.separator) {
            reporter.warning("CSV011", header.columns->offset,
                             "#columns: comes before #separator:, so Anki splits it with its "
                             "default separator",
                             "put #separator: first");
        }
    } else if (!records.empty()) {
        layout.count = records.front().cells.size();
        layout.labels.assign(layout.count, std::string{});
        layout.count_source = "its first row";
    }

    layout.guid = zero_based(header.guid_column);
    layout.notetype = zero_based(header.notetype_column);
    layout.deck = zero_based(header.deck_column);
    layout.tags = zero_based(header.tags_column);
    if (layout.header_row) {
        // A spreadsheet names its meta columns instead of declaring them in # lines.
        for (std::size_t i = 0; i < layout.labels.size(); ++i) {
            std::optional<std::size_t>* slot = nullptr;
            switch (meta_kind(layout.labels[i])) {
                case MetaKind::guid:
                    slot = &layout.guid;
                    break;
                case MetaKind::notetype:
                    slot = &layout.notetype;
                    break;
                case MetaKind::deck:
                    slot = &layout.deck;
                    break;
                case MetaKind::tags:
                    slot = &layout.tags;
                    break;
                case MetaKind::none:
                    break;
            }
            if (slot && !*slot) *slot = i;
        }
    }
    for (const auto& [column, name] :
         {std::pair{header.guid_column, "guid"}, std::pair{header.notetype_column, "notetype"},
          std::pair{header.deck_column, "deck"}, std::pair{header.tags_column, "tags"}}) {
        if (column && static_cast<std::size_t>(column->index) > layout.count && layout.count > 0) {
            reporter.warning("CSV012", column->offset,
                             std::string("the ") + name + " column " +
                                 std::to_string(column->index) + " is beyond the " +
                                 std::to_string(layout.count) + " columns of the file (from " +
                                 layout.count_source + ")");
        }
    }
    return layout;
}

}  // namespace deckport::csv
