#include "deckport/report.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <nlohmann/json.hpp>

namespace deckport {
namespace {

constexpr const char* kReset = "\033[0m";
constexpr const char* kBold = "\033[1m";

const char* severity_colour(Severity severity) {
    switch (severity) {
        case Severity::error:
            return "\033[1;31m";
        case Severity::warning:
            return "\033[1;35m";
        case Severity::note:
            return "\033[1;36m";
    }
    return "";
}

// What lines up with `line` up to code point `column` (1-based) on a terminal: tabs kept, and as
// many spaces as each character is wide (two for CJK, none for a combining mark).
std::string caret_padding(std::string_view line, int column) {
    std::string padding;
    std::size_t at = 0;
    for (int seen = 1; seen < column && at < line.size(); ++seen) {
        if (line[at] == '\t') {
            padding += '\t';
            ++at;
            continue;
        }
        utf8proc_int32_t code_point = 0;
        utf8proc_ssize_t length =
            utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(line.data() + at),
                             static_cast<utf8proc_ssize_t>(line.size() - at), &code_point);
        if (length <= 0) {  // not UTF-8: a byte is a column
            padding += ' ';
            ++at;
            continue;
        }
        padding.append(static_cast<std::size_t>(std::max(utf8proc_charwidth(code_point), 0)), ' ');
        at += static_cast<std::size_t>(length);
    }
    return padding;
}

std::string without_line_end(std::string_view line) {
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
    return std::string(line);
}

// GitHub's escaping: data escapes %, CR, LF; property values also ':' and ','.
std::string github_escape(std::string_view text, bool property) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '%':
                out += "%25";
                break;
            case '\r':
                out += "%0D";
                break;
            case '\n':
                out += "%0A";
                break;
            case ':':
                out += property ? "%3A" : ":";
                break;
            case ',':
                out += property ? "%2C" : ",";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string message_with_locator(const Diagnostic& d) {
    return d.origin.locator.empty() ? d.message : d.origin.locator + ": " + d.message;
}

}  // namespace

std::optional<ReportFormat> report_format_from_name(std::string_view name) {
    if (name == "human") return ReportFormat::human;
    if (name == "json") return ReportFormat::json;
    if (name == "github") return ReportFormat::github;
    return std::nullopt;
}

std::string render_human(const Diagnostic& d, std::optional<std::string_view> source_line,
                         bool colour) {
    if (!colour && !source_line) return format_diagnostic(d);
    std::string out;
    const SourceLocation& at = d.origin;
    if (!at.file.empty()) {
        std::string place = at.file;
        if (at.line > 0) {
            place += ':' + std::to_string(at.line);
            if (at.column > 0) place += ':' + std::to_string(at.column);
        }
        out += colour ? kBold + place + ":" + kReset + " " : place + ": ";
    }
    std::string severity = std::string(severity_name(d.severity)) + ":";
    out += colour ? severity_colour(d.severity) + severity + kReset : severity;
    out += ' ' + message_with_locator(d);
    if (!d.code.empty()) out += " [" + d.code + "]";
    if (source_line && at.line > 0) {
        std::string line = without_line_end(*source_line);
        std::string number = std::to_string(at.line);
        std::string gutter(number.size(), ' ');
        out += "\n " + number + " | " + line;
        if (at.column > 0) {
            std::string caret = colour ? std::string("\033[1;32m^") + kReset : "^";
            out += "\n " + gutter + " | " + caret_padding(line, at.column) + caret;
        }
    }
    return out;
}

std::string render_json(const Diagnostic& d) {
    nlohmann::ordered_json out;
    out["code"] = d.code;
    out["severity"] = severity_name(d.severity);
    out["file"] = d.origin.file;
    out["line"] = d.origin.line > 0 ? nlohmann::ordered_json(d.origin.line) : nullptr;
    out["column"] = d.origin.column > 0 && d.origin.line > 0
                        ? nlohmann::ordered_json(d.origin.column)
                        : nullptr;
    out["locator"] = d.origin.locator;
    out["message"] = d.message;
    out["hint"] = d.hint;
    return out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string render_github(const Diagnostic& d) {
    const char* command = d.severity == Severity::error     ? "error"
                          : d.severity == Severity::warning ? "warning"
                                                            : "notice";
    std::string properties;
    auto add = [&](const std::string& key, const std::string& value) {
        properties += (properties.empty() ? " " : ",") + key + "=" + github_escape(value, true);
    };
    if (!d.origin.file.empty()) add("file", d.origin.file);
    if (d.origin.line > 0) {
        add("line", std::to_string(d.origin.line));
        if (d.origin.column > 0) add("col", std::to_string(d.origin.column));
    }
    if (!d.code.empty()) add("title", d.code);
    return "::" + std::string(command) + properties +
           "::" + github_escape(message_with_locator(d), false);
}

}  // namespace deckport
