// Diagnostics rendered as text for people and for machines. Pure string formatting: the CLI
// decides where to print and whether to colour.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "deckport/diagnostics.hpp"

namespace deckport {

enum class ReportFormat { human, json, github };

// "human", "json" or "github".
std::optional<ReportFormat> report_format_from_name(std::string_view name);

// `file:line:col: severity: message [CODE]`; with `source_line`, the line and a caret under
// the column below it, as compilers do. `colour` adds ANSI colours (for terminals only).
std::string render_human(const Diagnostic& diagnostic, std::optional<std::string_view> source_line,
                         bool colour);

// One JSON object on one line (no newline), always with the same keys in the same order:
// code, severity, file, line, column, locator, message, hint. line and column are null when
// unknown; locator and hint are empty strings when absent.
std::string render_json(const Diagnostic& diagnostic);

// A GitHub Actions workflow command: `::error file=…,line=…,col=…,title=CODE::message`
// (`::warning` for warnings, `::notice` for notes), escaped as GitHub requires.
std::string render_github(const Diagnostic& diagnostic);

}  // namespace deckport
