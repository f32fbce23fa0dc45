#include "csv/table_writer.hpp"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <set>
#include <unordered_set>

#include "csv/dialect.hpp"
#include "csv/mapping.hpp"
#include "csv/tags.hpp"
#include "deckport/notetypes.hpp"

namespace deckport::csv {
namespace {

// Rows are handed to the sink in pieces of about this size, not held until the end.
constexpr std::size_t kFlushBytes = 1 << 20;

struct Layout {
    std::vector<const NoteType*> note_types;  // in order of first use
    std::vector<std::string> decks;           // distinct, in order of first use
    std::size_t field_columns = 0;            // as many as the reader gives back (see below)
    std::vector<std::string> labels;          // every column
};

// The field columns: as many as the widest row uses (its last non-empty field), all the fields
// of a note type the reader knows by name (Anki's six stock note types), and all the fields of
// the note type when there is only one (its named columns are its fields for the reader). With
// several note types the reader gives any other note type as many fields as its rows use, so
// padding every row to the widest note type's definition would not read back as written (not
// a fixpoint); empty trailing fields are what that drops, and note type definitions are not
// carried anyway (CSV032).
//
// Only the fields past the widest row so far are rendered here (usually none after the first
// note), so the table is never held whole: each row is rendered again as it is written.
std::size_t field_columns(const Collection& collection, const FieldRenderer& render) {
    std::size_t columns = 1;
    std::set<std::int64_t> note_types;
    for (std::size_t n = 0; n < collection.notes.size(); ++n) {
        if (note_types.size() < 2) note_types.insert(collection.notes[n].note_type_id);
        const std::vector<Content>& fields = collection.notes[n].fields;
        for (std::size_t k = fields.size(); k > columns; --k) {
            if (!render(fields[k - 1]).empty()) {
                columns = k;
                break;
            }
        }
        const NoteType* nt = collection.find_note_type(collection.notes[n].note_type_id);
        if (nt && builtin_note_type(nt->name)) {
            columns = std::max(columns, builtin_note_type(nt->name)->fields.size());
        }
    }
    // A file of one note type names every column after its fields, and the reader takes named
    // columns as that note type's fields: all of them are written, empty or not.
    if (note_types.size() == 1) {
        const NoteType* nt = collection.find_note_type(*note_types.begin());
        if (nt) columns = std::max(columns, nt->fields.size());
    }
    return columns;
}

Layout plan_layout(const Collection& collection, const WriteColumns& columns,
                   const FieldRenderer& render) {
    Layout layout;
    // Sets beside the lists (which keep first-seen order): a lookup per note, not a scan of
    // every list so far.
    std::unordered_set<std::int64_t> seen_types;
    std::unordered_set<std::string_view> seen_decks;
    for (const Note& note : collection.notes) {
        if (seen_types.insert(note.note_type_id).second) {
            const NoteType* nt = collection.find_note_type(note.note_type_id);
            if (nt && std::find(layout.note_types.begin(), layout.note_types.end(), nt) ==
                          layout.note_types.end()) {
                layout.note_types.push_back(nt);
            }
        }
        if (seen_decks.insert(note.deck).second) layout.decks.push_back(note.deck);
    }
    layout.field_columns = collection.notes.empty() ? 0 : field_columns(collection, render);
    if (columns.guid) layout.labels.push_back("guid");
    if (columns.notetype) layout.labels.push_back("notetype");
    if (columns.deck) layout.labels.push_back("deck");
    for (std::size_t k = 0; k < layout.field_columns; ++k) {
        // A field column is named after the field when every note type that has it agrees.
        std::string name;
        bool agreed = true;
        for (const NoteType* nt : layout.note_types) {
            if (k >= nt->fields.size()) continue;
            if (name.empty()) name = nt->fields[k];
            agreed = agreed && nt->fields[k] == name;
        }
        layout.labels.push_back(agreed && !name.empty() ? name : "Field " + std::to_string(k + 1));
    }
    if (columns.tags) layout.labels.push_back("tags");
    return layout;
}

std::string header_lines(const Layout& layout, const WriteOptions& options) {
    const WriteColumns& columns = options.columns;
    std::string out = std::string("#separator:") + separator_name(options.separator) + "\n";
    out += std::string("#html:") + (options.html ? "true" : "false") + "\n";
    int next = 1;
    if (columns.guid) out += "#guid column:" + std::to_string(next++) + "\n";
    if (columns.notetype) out += "#notetype column:" + std::to_string(next++) + "\n";
    if (columns.deck) out += "#deck column:" + std::to_string(next++) + "\n";
    if (columns.tags) {
        out +=
            "#tags column:" + std::to_string(next + static_cast<int>(layout.field_columns)) + "\n";
    }
    // Without their columns, a single note type or deck can still be named for the whole file.
    if (!columns.notetype && layout.note_types.size() == 1) {
        out += "#notetype:" + layout.note_types.front()->name + "\n";
    }
    if (!columns.deck && layout.decks.size() == 1 && !layout.decks.front().empty()) {
        out += "#deck:" + layout.decks.front() + "\n";
    }
    std::string labels = format_record(layout.labels, options.separator);
    return out + "#columns:" + labels;
}

class LossReport {
  public:
    LossReport(Diagnostics& diagnostics, std::string output_name)
        : diagnostics_(diagnostics), output_(std::move(output_name)) {}

    void warn_once(const std::string& code, std::string message, std::string hint = {}) {
        if (!reported_.insert(code).second) return;
        diagnostics_.warning(code, SourceLocation{output_, 0, 0, {}}, std::move(message),
                             std::move(hint));
    }
    void note(const std::string& code, std::string message) {
        diagnostics_.note(code, SourceLocation{output_, 0, 0, {}}, std::move(message));
    }

  private:
    Diagnostics& diagnostics_;
    std::string output_;
    std::set<std::string> reported_;
};

void report_losses(const Collection& collection, const Layout& layout, const WriteOptions& options,
                   LossReport& losses) {
    if (!collection.media.empty() && !options.media_written_beside) {
        losses.warn_once("CSV030",
                         std::to_string(collection.media.size()) +
                             " media files are not written: a text file carries only the "
                             "references in the fields",
                         "copy the media into Anki's collection.media folder, or write an .apkg");
    }
    bool scheduling = false, formatting = false, tags = false;
    for (const Note& note : collection.notes) {
        for (const Card& card : note.cards) scheduling = scheduling || !card.scheduling.empty();
        for (const Content& field : note.fields) {
            formatting = formatting || field.kind != Markup::text;
        }
        tags = tags || !note.tags.empty();
    }
    if (scheduling) {
        losses.warn_once("CSV031", "review scheduling is not written: a text file has no cards");
    }
    std::string custom;
    for (const NoteType* nt : layout.note_types) {
        if (!is_stock_under_anki_name(*nt))
            custom += (custom.empty() ? "'" : ", '") + nt->name + "'";
    }
    if (!custom.empty()) {
        losses.warn_once("CSV032",
                         "note types are written by name only; the templates and styling of " +
                             custom + " are not carried",
                         "create these note types in Anki before importing, or write an .apkg");
    }
    if (formatting && !options.html) {
        losses.warn_once("CSV033",
                         "html=false writes plain text: markup (bold, code, lists, images) is "
                         "dropped",
                         "keep the default html=true to carry formatting");
    }
    const WriteColumns& columns = options.columns;
    if (!columns.guid && !collection.notes.empty()) {
        losses.warn_once("CSV035", "GUIDs are not written: Anki will match notes by first field",
                         "add guid to -O columns=");
    }
    if (!columns.notetype && layout.note_types.size() > 1) {
        losses.warn_once("CSV036",
                         "several note types share the columns without a note type column: Anki "
                         "imports every row as one note type",
                         "add notetype to -O columns=");
    }
    if (!columns.deck && layout.decks.size() > 1) {
        losses.warn_once("CSV037", "several decks, but no deck column: the deck names are lost",
                         "add deck to -O columns=");
    }
    if (!columns.tags && tags) {
        losses.warn_once("CSV038", "tags are not written", "add tags to -O columns=");
    }
    if (options.spreadsheet) {
        losses.note("CSV039",
                    "spreadsheet mode writes no # header lines: Anki would import the row of "
                    "column names as a note and guess the separator");
    }
}

// Anki splits the tags cell on whitespace, so a space inside a tag would split it in two.
std::string tags_cell(const Note& note, LossReport& losses) {
    std::string out;
    for (const std::string& tag : note.tags) {
        std::string safe;
        for (const std::string& part : split_tags(tag)) safe += (safe.empty() ? "" : "_") + part;
        if (safe != tag) {
            losses.warn_once("CSV034", "a tag holds whitespace ('" + tag +
                                           "'); it is written as '" + safe +
                                           "', since Anki splits tags on whitespace");
        }
        if (safe.empty()) continue;
        out += (out.empty() ? "" : " ") + safe;
    }
    return out;
}

}  // namespace

void write_table(const Collection& collection, const WriteOptions& options,
                 const FieldRenderer& render, OutputSink& sink, Diagnostics& diagnostics,
                 const std::string& output_name) {
    Layout layout = plan_layout(collection, options.columns, render);
    LossReport losses(diagnostics, output_name);
    report_losses(collection, layout, options, losses);

    std::string out = options.spreadsheet ? format_record(layout.labels, options.separator)
                                          : header_lines(layout, options);
    // A row's cells are views: of the note's own text where the cell is that text as it is (an
    // HTML field written as HTML, a text field as text), else of `made`, whose strings the row
    // owns. Copying every field first cost more than writing it.
    std::vector<std::string_view> row;
    std::deque<std::string> made;  // a deque: its strings stay where they are as it grows
    Markup as_is = options.html ? Markup::html : Markup::text;
    std::size_t empty_first_fields = 0;
    for (std::size_t n = 0; n < collection.notes.size(); ++n) {
        const Note& note = collection.notes[n];
        row.clear();
        made.clear();
        const NoteType* nt = collection.find_note_type(note.note_type_id);
        if (options.columns.guid) row.push_back(note.guid);
        if (options.columns.notetype) row.push_back(nt ? std::string_view(nt->name) : "");
        if (options.columns.deck) row.push_back(note.deck);
        for (std::size_t k = 0; k < layout.field_columns; ++k) {
            if (k >= note.fields.size()) {
                row.push_back({});
            } else if (note.fields[k].kind == as_is) {
                row.push_back(note.fields[k].source);
            } else {
                row.push_back(made.emplace_back(render(note.fields[k])));
            }
        }
        if (layout.field_columns == 0 || row[row.size() - layout.field_columns].empty()) {
            ++empty_first_fields;
        }
        if (options.columns.tags) row.push_back(made.emplace_back(tags_cell(note, losses)));
        append_record(out, row, options.separator);
        if (out.size() >= kFlushBytes) {
            sink.write(out);
            out.clear();
        }
    }
    sink.write(out);
    if (empty_first_fields > 0) {
        losses.warn_once("CSV040",
                         std::to_string(empty_first_fields) +
                             (empty_first_fields == 1 ? " note has" : " notes have") +
                             " an empty first field: Anki's import skips such rows",
                         "fill in the first field, or write an .apkg");
    }
}

}  // namespace deckport::csv
