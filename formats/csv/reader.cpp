#include "csv/reader.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>

#include "common/text_decoding.hpp"
#include "csv/dialect.hpp"
#include "csv/header.hpp"
#include "csv/layout.hpp"
#include "csv/mapping.hpp"
#include "csv/notes.hpp"
#include "csv/options.hpp"
#include "csv/records.hpp"
#include "csv/separator_choice.hpp"
#include "deckport/error.hpp"

namespace deckport::csv {
namespace {

constexpr std::size_t kHtmlPreviewRows = 5;  // Anki decides on HTML from its 5-row preview

bool starts_with_anki_header(std::string_view text) {
    if (text.starts_with("tags:")) return true;
    if (!text.starts_with('#')) return false;
    std::size_t colon = text.find(':');
    std::size_t newline = text.find('\n');
    if (colon == std::string_view::npos || colon > newline) return false;
    std::string key(text.substr(1, colon - 1));
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const char* known : {"separator", "html", "tags", "columns", "notetype", "deck",
                              "notetype column", "deck column", "tags column", "guid column"}) {
        if (key == known) return true;
    }
    return false;
}

// Anki's loose test: a cell holds HTML when a `<` is followed, anywhere later, by a `>`.
bool looks_like_html(std::string_view cell) {
    std::size_t open = cell.find('<');
    return open != std::string_view::npos && cell.find('>', open + 1) != std::string_view::npos;
}

bool decide_html(const FileHeader& header, const ReadOptions& options, const ColumnLayout& layout,
                 const std::vector<Record>& records, textfile::Reporter& reporter) {
    if (header.html) return *header.html;
    if (options.html) return *options.html;
    std::size_t first = layout.header_row ? 1 : 0;
    for (std::size_t r = first; r < records.size() && r < first + kHtmlPreviewRows; ++r) {
        for (const Cell& cell : records[r].cells) {
            if (looks_like_html(cell.value)) {
                reporter.note("CSV017", cell.offset,
                              "no #html: line, and this cell looks like HTML: every field is "
                              "read as HTML, as Anki would",
                              "add #html:false if the fields are plain text");
                return true;
            }
        }
    }
    return false;
}

std::string fallback_note_type_name(const Input& input) {
    if (input.display_name.empty() || input.display_name.starts_with('<')) return "Imported";
    std::string stem = std::filesystem::path(input.display_name).stem().string();
    return stem.empty() ? std::string("Imported") : stem;
}

textfile::DecodedText decode_or_throw(const Input& input) {
    textfile::DecodedText decoded = textfile::decode_text(input.bytes);
    std::string_view text = decoded.text();
    bool blank =
        std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c) != 0; });
    if (blank && !decoded.invalid_at) {
        throw InputError("CSV001", SourceLocation{input.display_name, 1, 1, {}},
                         "the file is empty: it has no header and no rows");
    }
    if (decoded.invalid_at) {
        textfile::LineIndex lines(text);
        auto [line, column] = lines.position(*decoded.invalid_at);
        bool utf16 = decoded.encoding == textfile::Encoding::utf16le ||
                     decoded.encoding == textfile::Encoding::utf16be;
        throw InputError("CSV002", SourceLocation{input.display_name, line, column, {}},
                         utf16 ? std::string("the text is not valid ") +
                                     textfile::encoding_name(decoded.encoding) +
                                     " (a broken surrogate pair or an odd byte at the end)"
                               : std::string("the text is not valid UTF-8"),
                         "Anki reads UTF-8 text files only: save the file as UTF-8");
    }
    return decoded;
}

}  // namespace

int CsvReader::probe(const Input& input) const {
    if (input.is_directory) return 0;
    if (input.bytes.empty()) return 1;  // so that an empty .csv gets a clear error from us
    std::string_view bytes = input.bytes;
    if (bytes.starts_with("\xFE\xFF") || bytes.starts_with("\xFF\xFE")) return 40;
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    std::string_view head = bytes.substr(0, kSeparatorGuessWindow);
    if (head.find('\0') != std::string_view::npos) return 0;
    if (starts_with_anki_header(head)) return 90;
    std::string_view first_line = head.substr(0, head.find_first_of("\r\n"));
    return first_line.find_first_of("\t,;|") != std::string_view::npos ? 20 : 5;
}

Collection CsvReader::read(const Input& input, ReadContext& context) const {
    if (input.is_directory) {
        throw InputError("CSV001", SourceLocation{input.display_name, 0, 0, {}},
                         "a folder is not a text file");
    }
    ReadOptions options = read_options(context.options);
    textfile::DecodedText decoded = decode_or_throw(input);
    std::string_view text = decoded.text();
    textfile::LineIndex lines(text);
    textfile::Reporter reporter(context.diagnostics, input.display_name, lines);

    if (decoded.encoding == textfile::Encoding::utf16le ||
        decoded.encoding == textfile::Encoding::utf16be) {
        reporter.warning("CSV003", 0,
                         std::string("the file is ") + textfile::encoding_name(decoded.encoding) +
                             ": it is converted to UTF-8, but Anki itself refuses it",
                         "import the converted output into Anki, or save the file as UTF-8");
    }
    if (decoded.first_nul_at) {
        reporter.error("CSV004", *decoded.first_nul_at,
                       "NUL byte in the text (" + std::to_string(decoded.nul_count) +
                           " in all); a text file holds none",
                       textfile::looks_like_utf16(input.bytes)
                           ? "the file looks like UTF-16 without a byte order mark: save it as "
                             "UTF-8"
                           : "is this a binary file? remove the NUL bytes");
    }

    FileHeader header = parse_header(text, reporter);
    char separator =
        choose_separator(header, options.separator, input.display_name, text, reporter);
    std::vector<Record> records = read_records(text, header.body_offset, separator, reporter);
    ColumnLayout layout = make_layout(header, records, separator, options.header_row, reporter);
    bool html = decide_html(header, options, layout, records, reporter);

    std::size_t field_budget = 8 * text.size() + (std::size_t{1} << 20);
    NoteBuilder builder(header, layout, html, fallback_note_type_name(input), field_budget,
                        reporter);
    Collection collection = builder.build(records);
    reporter.report_suppressed();
    if (collection.notes.empty() && !context.diagnostics.has_errors()) {
        reporter.warning("CSV019", header.body_offset, "the file holds no notes");
    }
    return collection;
}

}  // namespace deckport::csv
