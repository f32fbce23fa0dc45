#include "deckport/diagnostics.hpp"

#include <algorithm>
#include <utility>

namespace deckport {

const char* severity_name(Severity severity) {
    switch (severity) {
        case Severity::note:
            return "note";
        case Severity::warning:
            return "warning";
        case Severity::error:
            return "error";
    }
    return "error";
}

std::string format_diagnostic(const Diagnostic& d) {
    std::string out;
    const SourceLocation& at = d.origin;
    if (!at.file.empty()) {
        out += at.file;
        if (at.line > 0) {
            out += ':' + std::to_string(at.line);
            if (at.column > 0) out += ':' + std::to_string(at.column);
        }
        out += ": ";
    }
    out += severity_name(d.severity);
    out += ": ";
    if (!at.locator.empty()) out += at.locator + ": ";
    out += d.message;
    if (!d.code.empty()) out += " [" + d.code + "]";
    return out;
}

void Diagnostics::report(Diagnostic diagnostic) {
    std::lock_guard lock(mutex_);
    items_.push_back(std::move(diagnostic));
}

void Diagnostics::error(std::string code, SourceLocation origin, std::string message,
                        std::string hint) {
    report(
        {Severity::error, std::move(code), std::move(message), std::move(origin), std::move(hint)});
}

void Diagnostics::warning(std::string code, SourceLocation origin, std::string message,
                          std::string hint) {
    report({Severity::warning, std::move(code), std::move(message), std::move(origin),
            std::move(hint)});
}

void Diagnostics::note(std::string code, SourceLocation origin, std::string message,
                       std::string hint) {
    report(
        {Severity::note, std::move(code), std::move(message), std::move(origin), std::move(hint)});
}

std::vector<Diagnostic> Diagnostics::all() const {
    std::lock_guard lock(mutex_);
    return items_;
}

std::vector<Diagnostic> Diagnostics::take_all() {
    std::lock_guard lock(mutex_);
    return std::exchange(items_, {});
}

std::size_t Diagnostics::count(Severity severity) const {
    std::lock_guard lock(mutex_);
    return static_cast<std::size_t>(std::count_if(
        items_.begin(), items_.end(), [&](const Diagnostic& d) { return d.severity == severity; }));
}

bool Diagnostics::empty() const {
    std::lock_guard lock(mutex_);
    return items_.empty();
}

void Diagnostics::clear() {
    std::lock_guard lock(mutex_);
    items_.clear();
}

}  // namespace deckport
