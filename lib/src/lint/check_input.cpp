// `deckport check` for one input: read, the format's invariants, then the lint rules.
#include <algorithm>

#include "deckport/error.hpp"
#include "deckport/lint.hpp"

namespace deckport {

// Lint needs the text to point at the offending words; binary inputs have no lines.
std::string_view lintable_text(const Input& input) {
    std::string_view bytes = input.bytes;
    if (input.is_directory || bytes.substr(0, 8192).find('\0') != std::string_view::npos) return {};
    return bytes;
}

std::vector<Diagnostic> check_input(const Format& format, const Input& input, ReadContext& context,
                                    const LintSettings& settings) {
    std::vector<Diagnostic> found;
    std::optional<Collection> collection;
    try {
        collection = read_collection(format, input, context);
    } catch (const InputError& e) {
        context.diagnostics.report(e.diagnostic());
    }
    found = context.diagnostics.all();
    context.diagnostics.clear();
    try {
        format.reader->check(input, context);
    } catch (const InputError& e) {
        context.diagnostics.report(e.diagnostic());
    }
    for (Diagnostic& d : context.diagnostics.all()) found.push_back(std::move(d));
    if (collection) {
        LintSubject subject{*collection, input.display_name, lintable_text(input),
                            input.base_dir()};
        for (Diagnostic& d : lint(subject, settings)) found.push_back(std::move(d));
    }
    std::erase_if(found, [&](const Diagnostic& d) { return settings.disabled.contains(d.code); });
    std::stable_sort(found.begin(), found.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::pair{a.origin.line, a.origin.column} <
               std::pair{b.origin.line, b.origin.column};
    });
    return found;
}

}  // namespace deckport
