#include "quizlet/reader.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "common/text_decoding.hpp"
#include "common/text_reporter.hpp"
#include "deckport/error.hpp"
#include "deckport/identity.hpp"
#include "deckport/notetypes.hpp"
#include "quizlet/detection.hpp"
#include "quizlet/separators.hpp"
#include "quizlet/splitting.hpp"

namespace deckport::quizlet {
namespace {

textfile::DecodedText decode_or_throw(const Input& input) {
    textfile::DecodedText decoded = textfile::decode_text(input.bytes);
    if (decoded.invalid_at) {
        textfile::LineIndex lines(decoded.text());
        auto [line, column] = lines.position(*decoded.invalid_at);
        throw InputError("QZ002", SourceLocation{input.display_name, line, column, {}},
                         std::string("the text is not valid ") +
                             (decoded.encoding == textfile::Encoding::utf16le ||
                                      decoded.encoding == textfile::Encoding::utf16be
                                  ? textfile::encoding_name(decoded.encoding)
                                  : "UTF-8"),
                         "save the text as UTF-8");
    }
    if (trim_space(decoded.text()).empty()) {
        throw InputError("QZ001", SourceLocation{input.display_name, 1, 1, {}},
                         "the file is empty: it holds no cards");
    }
    return decoded;
}

// CRLF becomes LF, so that a custom separator written with \n matches Windows text too. Line
// numbers are unchanged.
std::string normalize_line_ends(std::string text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
        out += text[i];
    }
    return out;
}

class CardCollector {
  public:
    CardCollector(const Separators& separators, textfile::Reporter& reporter)
        : separators_(separators), reporter_(reporter) {
        collection_.ensure_note_type(basic_note_type());
    }

    void row(const Piece& row) {
        if (auto parts = split_row(row, separators_.term)) {
            finish();
            open_ = true;
            offset_ = row.offset;
            term_ = parts->term.text;
            definition_ = parts->definition.text;
            return;
        }
        bool blank = trim_space(row.text).empty();
        bool newline = separators_.row == "\n";
        if (blank && (!open_ || !newline)) return;  // nothing to carry
        if (!open_) {
            reporter_.error("QZ006", row.offset,
                            "this row has no term separator (" + describe(separators_.term) +
                                ") and no card before it to join",
                            "name the separators Quizlet exported with: -O term-separator=... "
                            "-O row-separator=...");
            return;
        }
        if (!blank) {
            reporter_.warning("QZ005", row.offset,
                              "this row has no term separator (" + describe(separators_.term) +
                                  "): it is joined to the definition of the card at line " +
                                  std::to_string(reporter_.line(offset_)));
        }
        definition_ += newline ? "\n" : separators_.row;
        definition_ += row.text;
    }

    Collection finish_all() {
        finish();
        return std::move(collection_);
    }

  private:
    void finish() {
        if (!open_) return;
        open_ = false;
        std::string term(trim_space(term_)), definition(trim_space(definition_));
        if (term.empty()) {
            reporter_.warning("QZ007", offset_, "the term is empty: the card is skipped");
            return;
        }
        if (definition.empty()) reporter_.warning("QZ008", offset_, "the definition is empty");
        const NoteType& basic = collection_.note_types.front();
        Note note;
        note.note_type_id = basic.id;
        note.fields = {Content{Markup::text, term}, Content{Markup::text, definition}};
        note.origin = reporter_.at(offset_);
        int& seen = seen_terms_[term];
        if (++seen > 1) {
            // Quizlet sets may repeat a term; each card still needs its own GUID.
            note.guid = derive_guid("", basic.name, term + "\x1f" + std::to_string(seen));
            reporter_.note("QZ009", offset_,
                           "the term '" + term + "' repeats (copy " + std::to_string(seen) +
                               "): the card gets its own GUID");
        }
        collection_.notes.push_back(std::move(note));
    }

    const Separators& separators_;
    textfile::Reporter& reporter_;
    Collection collection_;
    std::map<std::string, int> seen_terms_;
    bool open_ = false;
    std::size_t offset_ = 0;
    std::string term_, definition_;
};

// Says what detection chose, spelt as the options that would choose it.
void report_detection(Diagnostics& diagnostics, textfile::Reporter& reporter,
                      const Options& options, std::optional<std::size_t> header) {
    const Separators& s = options.separators;
    std::string chosen, spelt;
    if (!options.term_given) {
        chosen = "between term and definition: " + describe(s.term);
        spelt = "-O 'term-separator=" + option_value(s.term, true) + "'";
    }
    if (!options.row_given) {
        chosen += std::string(chosen.empty() ? "" : "; ") + "between rows: " + describe(s.row);
        spelt += std::string(spelt.empty() ? "" : " ") +
                 "-O 'row-separator=" + option_value(s.row, false) + "'";
    }
    // About the whole file, so without a line: the first row may be a megabyte long.
    diagnostics.note("QZ023", SourceLocation{reporter.file(), 0, 0, {}},
                     "separators detected: " + chosen, "to name them yourself: " + spelt);
    if (header) {
        reporter.note("QZ025", *header,
                      "the first row names the columns (a header): it is not a card");
    }
}

}  // namespace

int QuizletReader::probe(const Input& input) const {
    if (input.is_directory) return 0;
    if (input.bytes.empty()) return 1;
    std::string_view head = std::string_view(input.bytes).substr(0, 8192);
    // Plain text that any delimited format could hold: only --from or the extension decide.
    return head.find('\0') == std::string_view::npos ? 5 : 0;
}

Collection QuizletReader::read(const Input& input, ReadContext& context) const {
    if (input.is_directory) {
        throw InputError("QZ001", SourceLocation{input.display_name, 0, 0, {}},
                         "a folder is not a Quizlet text file");
    }
    Options options = parse_options(context.options);
    textfile::DecodedText decoded = decode_or_throw(input);
    std::string text = normalize_line_ends(decoded.take_text());
    textfile::LineIndex lines(text);
    textfile::Reporter reporter(context.diagnostics, input.display_name, lines);
    if (decoded.encoding == textfile::Encoding::utf16le ||
        decoded.encoding == textfile::Encoding::utf16be) {
        reporter.warning("QZ003", 0,
                         std::string("the file is ") + textfile::encoding_name(decoded.encoding) +
                             ": it is converted to UTF-8");
    }
    if (std::size_t nul = text.find('\0'); nul != std::string::npos) {
        reporter.error("QZ004", nul, "NUL byte in the text; a text file holds none",
                       textfile::looks_like_utf16(input.bytes)
                           ? "the file looks like UTF-16 without a byte order mark: save it as "
                             "UTF-8"
                           : "is this a binary file?");
    }
    std::optional<std::size_t> header;
    if (!options.term_given || !options.row_given) {
        DetectionFailure failure;
        std::optional<Detection> detection = detect_separators(text, options, failure);
        if (!detection) {
            throw InputError("QZ024", reporter.at(failure.offset), failure.message, failure.hint);
        }
        options.separators = detection->separators;
        header = detection->header_offset;
        report_detection(context.diagnostics, reporter, options, header);
    }
    CardCollector collector(options.separators, reporter);
    for (const Piece& row : split_rows(text, options.separators.row)) {
        if (header && row.offset == *header) continue;
        collector.row(row);
    }
    Collection collection = collector.finish_all();
    reporter.report_suppressed();
    if (collection.notes.empty() && !context.diagnostics.has_errors()) {
        reporter.warning("QZ010", 0, "the file holds no cards");
    }
    return collection;
}

}  // namespace deckport::quizlet
