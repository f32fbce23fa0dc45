#include "csv/mapping.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_map>

#include "deckport/identity.hpp"
#include "deckport/notetypes.hpp"

namespace deckport::csv {
namespace {

std::string generic_field_name(std::size_t index) {
    return "Field " + std::to_string(index + 1);
}

// Anki refuses field names with `:`, `{`, `}` or `"`, or starting with `#`, `/` or `^`.
std::string valid_field_name(const std::string& raw) {
    std::string name;
    for (char c : raw) {
        if (c != ':' && c != '{' && c != '}' && c != '"') name += c;
    }
    std::size_t start = name.find_first_not_of(" \t#/^");
    std::size_t end = name.find_last_not_of(" \t");
    return start == std::string::npos ? std::string{} : name.substr(start, end - start + 1);
}

std::vector<std::string> unique_field_names(const std::vector<std::string>& raw) {
    std::vector<std::string> names;
    std::set<std::string> seen;
    std::unordered_map<std::string, int> next_suffix;  // keeps repeated names linear
    for (std::size_t i = 0; i < raw.size(); ++i) {
        std::string base = valid_field_name(raw[i]);
        if (base.empty()) base = generic_field_name(i);
        std::string name = base;
        int& n = next_suffix.try_emplace(base, 2).first->second;
        while (seen.count(name) > 0) name = base + " " + std::to_string(n++);
        seen.insert(name);
        names.push_back(name);
    }
    return names;
}

std::string column_list(const std::vector<std::size_t>& columns) {
    constexpr std::size_t kShown = 10;
    std::string out;
    for (std::size_t i = 0; i < columns.size() && i < kShown; ++i) {
        out += (out.empty() ? "" : ", ") + std::to_string(columns[i] + 1);
    }
    if (columns.size() > kShown) out += " and " + std::to_string(columns.size() - kShown) + " more";
    return out;
}

// Maps the fields of `note_type` to columns: by label when the columns are named, else in
// order over the non-meta columns; the first field falls back to the first non-meta column.
std::vector<std::optional<std::size_t>> map_fields(const NoteType& note_type,
                                                   const ColumnLayout& layout) {
    std::vector<std::size_t> field_columns = layout.field_columns();
    std::vector<std::optional<std::size_t>> sources(note_type.fields.size());
    if (layout.labeled()) {
        std::unordered_map<std::string, std::size_t> by_label;
        for (std::size_t column : field_columns)
            by_label.try_emplace(layout.labels[column], column);
        for (std::size_t f = 0; f < note_type.fields.size(); ++f) {
            if (auto it = by_label.find(note_type.fields[f]); it != by_label.end()) {
                sources[f] = it->second;
            }
        }
    } else {
        for (std::size_t f = 0; f < sources.size() && f < field_columns.size(); ++f) {
            sources[f] = field_columns[f];
        }
    }
    if (!sources.empty() && !sources[0] && !field_columns.empty()) sources[0] = field_columns[0];
    return sources;
}

// Basic, Basic (and reversed card) and Cloze: Anki's by name whatever the rows hold (a row
// with more fields gets CSV021).
bool always_builtin(const std::string& name) {
    return name == "Basic" || name == "Basic (and reversed card)" || name == "Cloze";
}

// A note type made from rows is a cloze type when its name says so ("Cloze", "NestedClozeTest")
// and its rows hold cloze deletions.
bool named_like_cloze(const std::string& name) {
    std::string lower;
    for (unsigned char c : name) lower += static_cast<char>(std::tolower(c));
    return lower.find("cloze") != std::string::npos;
}

}  // namespace

std::optional<NoteType> builtin_note_type(const std::string& name) {
    for (const NoteType& nt : stock_note_types()) {
        if (nt.name == name) return nt;
    }
    return std::nullopt;
}

NoteType imported_note_type(const std::string& name, const std::vector<std::string>& raw_fields,
                            const std::vector<std::size_t>& cloze_fields) {
    NoteType nt;
    nt.name = name;
    nt.fields = unique_field_names(raw_fields.empty() ? std::vector<std::string>{""} : raw_fields);
    std::vector<bool> is_cloze(nt.fields.size(), false);
    for (std::size_t f : cloze_fields) {
        if (f < is_cloze.size()) is_cloze[f] = true;
    }
    std::string front, rest;
    if (std::find(is_cloze.begin(), is_cloze.end(), true) == is_cloze.end()) {
        nt.kind = NoteTypeKind::standard;
        front = "{{" + nt.fields[0] + "}}";
        is_cloze[0] = true;  // shown on the front, not repeated on the back
    } else {
        // Anki's cloze template shape: the cloze fields on the front, the others below them.
        nt.kind = NoteTypeKind::cloze;
        for (std::size_t i = 0; i < nt.fields.size(); ++i) {
            if (is_cloze[i])
                front += (front.empty() ? "{{cloze:" : "<br>\n{{cloze:") + nt.fields[i] + "}}";
        }
    }
    for (std::size_t i = 0; i < nt.fields.size(); ++i) {
        if (!is_cloze[i]) rest += (rest.empty() ? "{{" : "<br>\n{{") + nt.fields[i] + "}}";
    }
    std::string back = nt.kind == NoteTypeKind::cloze
                           ? front + (rest.empty() ? "" : "<br>\n" + rest)
                           : "{{FrontSide}}\n\n<hr id=answer>\n\n" + rest;
    nt.templates = {{nt.kind == NoteTypeKind::cloze ? "Cloze" : "Card 1", front, back, {}}};
    nt.css = kDefaultCss;
    std::string key = nt.name;
    for (const std::string& field : nt.fields) key += "\x1f" + field;
    for (const CardTemplate& t : nt.templates) key += "\x1e" + t.name;
    nt.id = derive_id("notetype", key);
    return nt;
}

bool is_numeric_id(const std::string& value) {
    std::size_t start = value.starts_with('-') ? 1 : 0;
    return value.size() > start && value.size() <= 19 &&
           std::all_of(value.begin() + static_cast<std::ptrdiff_t>(start), value.end(),
                       [](unsigned char c) { return std::isdigit(c) != 0; });
}

NoteTypePlan global_plan(const FileHeader& header, ColumnLayout& layout,
                         const std::string& fallback_name, textfile::Reporter& reporter) {
    std::vector<std::size_t> field_columns = layout.field_columns();
    std::vector<std::string> labels;
    for (std::size_t column : field_columns) labels.push_back(layout.labels[column]);

    std::optional<NoteType> chosen;
    if (header.notetype) {
        const std::string& name = header.notetype->value;
        if (auto builtin = builtin_note_type(name)) {
            chosen = *builtin;
        } else if (is_numeric_id(name)) {
            reporter.warning("CSV016", header.notetype->offset,
                             "note type id " + name +
                                 " can only be resolved inside an Anki collection; the note type "
                                 "is chosen from the columns instead",
                             "name the note type: #notetype:Basic");
        } else {
            chosen = imported_note_type(
                name,
                layout.labeled() ? labels : std::vector<std::string>(field_columns.size(), ""));
            reporter.note("CSV015", header.notetype->offset,
                          "note type '" + name + "' is not built in: it is created with the " +
                              std::to_string(chosen->fields.size()) + " fields of the file");
        }
    }
    if (!chosen && layout.labeled()) {
        for (NoteType builtin : {basic_note_type(), cloze_note_type()}) {
            std::vector<std::string> sorted_labels = labels, sorted_fields = builtin.fields;
            std::sort(sorted_labels.begin(), sorted_labels.end());
            std::sort(sorted_fields.begin(), sorted_fields.end());
            if (sorted_labels == sorted_fields) chosen = builtin;
        }
        if (!chosen) chosen = imported_note_type(fallback_name, labels);
    }
    if (!chosen) {
        std::size_t n = field_columns.size();
        if (n <= 2 || (n == 3 && !layout.tags)) {
            chosen = basic_note_type();
        } else {
            chosen = imported_note_type(fallback_name, std::vector<std::string>(n, ""));
        }
    }

    std::optional<NoteType> stock = builtin_note_type(chosen->name);
    bool created = !stock || stock->id != chosen->id;
    NoteTypePlan plan{*chosen, map_fields(*chosen, layout), created};
    if (!layout.tags) {
        std::size_t after = 0;
        for (const auto& source : plan.sources) {
            if (source) after = std::max(after, *source + 1);
        }
        for (std::size_t column = after; column < layout.count; ++column) {
            if (!layout.is_meta(column)) {
                layout.tags = column;
                break;
            }
        }
    }
    std::vector<bool> mapped(layout.count, false);
    for (const auto& source : plan.sources) {
        if (source && *source < mapped.size()) mapped[*source] = true;
    }
    std::vector<std::size_t> unmapped;
    for (std::size_t column : layout.field_columns()) {
        if (!mapped[column]) unmapped.push_back(column);
    }
    if (!unmapped.empty()) {
        reporter.warning("CSV018", header.body_offset,
                         "column" + std::string(unmapped.size() > 1 ? "s " : " ") +
                             column_list(unmapped) + " feed no field of note type '" +
                             plan.note_type.name + "' and are ignored",
                         "name the columns after the note type's fields (#columns:), or choose "
                         "another note type (#notetype:)");
    }
    return plan;
}

void make_cloze_if_named(NoteTypePlan& plan, std::span<const Record> rows) {
    if (!plan.created || !named_like_cloze(plan.note_type.name)) return;
    std::vector<std::size_t> cloze_fields;
    for (std::size_t f = 0; f < plan.sources.size(); ++f) {
        bool holds = std::any_of(rows.begin(), rows.end(), [&](const Record& row) {
            return !cloze_numbers(cell(row, plan.sources[f])).empty();
        });
        if (holds) cloze_fields.push_back(f);
    }
    if (!cloze_fields.empty())
        plan.note_type =
            imported_note_type(plan.note_type.name, plan.note_type.fields, cloze_fields);
}

RowNoteTypes::RowNoteTypes(const FileHeader& header, const ColumnLayout& layout)
    : layout_(layout),
      default_name_(header.notetype && !is_numeric_id(header.notetype->value)
                        ? header.notetype->value
                        : std::string("Basic")),
      field_columns_(layout.field_columns()) {}

std::string RowNoteTypes::name_of(const Record& record, textfile::Reporter& reporter) const {
    std::string name = cell(record, layout_.notetype);
    if (name.empty()) {
        reporter.warning(
            "CSV016", record.offset,
            "the note type column is empty; the row is read as '" + default_name_ + "'");
        return default_name_;
    }
    if (is_numeric_id(name) && !builtin_note_type(name)) {
        reporter.warning("CSV016", record.cells[*layout_.notetype].offset,
                         "note type id " + name +
                             " can only be resolved inside an Anki collection; the row is read "
                             "as '" +
                             default_name_ + "'",
                         "write note type names in the note type column");
        return default_name_;
    }
    return name;
}

void RowNoteTypes::observe(const std::string& name, const Record& record) {
    if (names_.size() < 2) names_.insert(name);
    if (always_builtin(name)) return;
    Usage& usage = usage_[name];
    usage.fields = std::max<std::size_t>(usage.fields, 1);
    bool cloze_name = named_like_cloze(name);
    for (std::size_t k = 0; k < field_columns_.size(); ++k) {
        const std::string text = cell(record, field_columns_[k]);
        if (text.empty()) continue;
        usage.fields = std::max(usage.fields, k + 1);
        if (cloze_name && !usage.cloze_fields.contains(k) && !cloze_numbers(text).empty())
            usage.cloze_fields.insert(k);
    }
}

const NoteTypePlan& RowNoteTypes::plan_for(const std::string& name) {
    auto found = plans_.find(name);
    if (found != plans_.end()) return found->second;
    std::optional<NoteType> note_type = builtin_note_type(name);
    const Usage& usage = usage_[name];
    // Anki's other stock note types by name, when the rows fit in their fields; rows that use
    // more make a note type of their own, so that no text is dropped.
    if (note_type && !always_builtin(name) && usage.fields > note_type->fields.size())
        note_type.reset();
    bool created = !note_type;
    if (!note_type) {
        std::size_t used = std::max<std::size_t>(usage.fields, 1);
        // The only note type of the file, with every column named: the columns are its fields
        // (the writer names them so), the ones empty in every row included.
        bool all_named = !field_columns_.empty() &&
                         std::all_of(field_columns_.begin(), field_columns_.end(),
                                     [&](std::size_t c) { return !layout_.labels[c].empty(); });
        if (names_.size() == 1 && all_named) used = std::max(used, field_columns_.size());
        std::vector<std::string> labels;
        bool named = true;
        for (std::size_t k = 0; k < used; ++k) {
            std::string label =
                k < field_columns_.size() ? layout_.labels[field_columns_[k]] : std::string{};
            named = named && !label.empty();
            labels.push_back(label);
        }
        if (!named) labels.assign(used, std::string{});
        std::vector<std::size_t> cloze_fields(usage.cloze_fields.begin(), usage.cloze_fields.end());
        note_type = imported_note_type(name, labels, cloze_fields);
    }
    NoteTypePlan plan{*note_type, {}, created};
    for (std::size_t f = 0; f < plan.note_type.fields.size(); ++f) {
        plan.sources.push_back(f < field_columns_.size() ? std::optional(field_columns_[f])
                                                         : std::nullopt);
    }
    return plans_.emplace(name, std::move(plan)).first->second;
}

}  // namespace deckport::csv
