// Lint rules over the Collection model: problems that every format can read but that make a
// poor or broken deck (duplicate questions, empty sides, missing media, ...). Each rule has a
// stable code (LINT001...), a default severity and an explanation, listed in one table.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "deckport/codes.hpp"
#include "deckport/diagnostics.hpp"
#include "deckport/format.hpp"
#include "deckport/model.hpp"

namespace deckport {

// What a lint run looks at: the collection and, when it came from a text file, that file's
// text, so that rules can point at the offending text rather than at the note's start.
struct LintSubject {
    const Collection& collection;
    std::string file;                // the input's display name (note origins use it)
    std::string_view source_text;    // the input's bytes when it is a text file, else empty
    std::filesystem::path base_dir;  // the deck's folder (media resolve while reading: note_media.hpp)
};

struct LintSettings {
    std::set<std::string> enabled;             // codes to run although they are off by default
    std::set<std::string> disabled;            // codes not to run
    std::size_t max_field_bytes = 128 * 1024;  // LINT011: a field larger than this
};

class LintReport;
class SourceIndex;

struct LintRule {
    CodeInfo info;
    bool on_by_default = true;
    void (*run)(const LintSubject& subject, const LintSettings& settings, LintReport& report);
};

// Every rule, in code order. The one table: a rule exists when it is listed here.
const std::vector<LintRule>& lint_rules();
std::vector<CodeInfo> lint_codes();

// The codes in `codes` that name no lint rule (for validating --enable/--disable).
std::vector<std::string> unknown_lint_codes(const std::set<std::string>& codes);

// Runs every enabled rule; diagnostics come in rule order, then in note order.
std::vector<Diagnostic> lint(const LintSubject& subject, const LintSettings& settings = {});

// The input's bytes when it is a text file whose findings can point at line:col (not a folder,
// no NUL in its first 8 KiB), else empty.
std::string_view lintable_text(const Input& input);

// Everything `deckport check` verifies in one input: the reader's own diagnostics (a reader
// that cannot go on gives its InputError as one), the format's invariants (Reader::check) and
// the lint rules. Codes in settings.disabled are left out, whatever they belong to. Sorted by
// position: file-level findings first, then by line and column.
std::vector<Diagnostic> check_input(const Format& format, const Input& input, ReadContext& context,
                                    const LintSettings& settings);

// Collects one rule's findings with the rule's code and severity. A finding about a note
// points at the note's origin, or better, at `needle` (the offending text) when the source
// text is at hand and holds it after the note's start.
class LintReport {
  public:
    LintReport(const LintSubject& subject, const SourceIndex& index, const CodeInfo& rule,
               std::vector<Diagnostic>& out);

    // The needle is searched in the note, then from the start of the file up to the note's end.
    void on_note(const Note& note, std::string message, std::string_view needle = {},
                 std::string hint = {});
    // Without a better position, the field's name is given as the locator.
    void on_field(const Note& note, std::size_t field, std::string message,
                  std::string_view needle = {}, std::string hint = {});
    // At byte `offset` of the field's source, when the source stands verbatim in the file;
    // else at `needle`.
    void on_field_at(const Note& note, std::size_t field, std::size_t offset, std::string message,
                     std::string_view needle, std::string hint = {});
    // A finding outside any note's span (a media file, a deck declared in front matter):
    // `needle` is searched from the start of the file.
    void at(const SourceLocation& fallback, std::string message, std::string_view needle = {},
            std::string hint = {});

    const LintSubject& subject() const { return subject_; }

  private:
    std::optional<SourceLocation> locate(const SourceLocation& origin, std::string_view needle,
                                         bool from_file_start, std::size_t offset = 0) const;
    SourceLocation field_fallback(const Note& note, std::size_t field) const;
    void add(SourceLocation where, std::string message, std::string hint);

    const LintSubject& subject_;
    const SourceIndex& index_;
    const CodeInfo& rule_;
    std::vector<Diagnostic>& out_;
};

}  // namespace deckport
