// Diagnostics: problems found in input, each with a stable code and a source position.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <vector>

namespace deckport {

// Where something came from: a file position (1-based line and column; 0 = unknown) and,
// for inputs without lines (apkg, zip members), a logical locator such as
// `notes[guid=abc].Back`.
struct SourceLocation {
    SourceLocation() = default;
    SourceLocation(std::string file_, int line_ = 0, int column_ = 0, std::string locator_ = {})
        : file(std::move(file_)), line(line_), column(column_), locator(std::move(locator_)) {}

    std::string file;
    int line = 0;
    int column = 0;
    std::string locator;

    bool has_position() const { return line > 0; }
    friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

enum class Severity { note, warning, error };

const char* severity_name(Severity severity);

struct Diagnostic {
    Severity severity = Severity::error;
    std::string code;  // stable, documented in docs/diagnostics.md, e.g. "MD003"
    std::string message;
    SourceLocation origin;
    std::string hint;  // optional: how to fix it
};

// Renders `file:line:col: severity: message [CODE]` (parts without a value are left out).
std::string format_diagnostic(const Diagnostic& diagnostic);

// Collects the diagnostics of one operation. Readers report recoverable problems here and go
// on, so one run shows every problem. Safe to report to from several threads.
class Diagnostics {
  public:
    void report(Diagnostic diagnostic);
    void error(std::string code, SourceLocation origin, std::string message, std::string hint = {});
    void warning(std::string code, SourceLocation origin, std::string message,
                 std::string hint = {});
    void note(std::string code, SourceLocation origin, std::string message, std::string hint = {});

    std::vector<Diagnostic> all() const;
    // Every diagnostic, in order, leaving none: to pass them on to another Diagnostics.
    std::vector<Diagnostic> take_all();
    std::size_t count(Severity severity) const;
    bool has_errors() const { return count(Severity::error) > 0; }
    bool empty() const;
    void clear();

  private:
    mutable std::mutex mutex_;
    std::vector<Diagnostic> items_;
};

}  // namespace deckport
