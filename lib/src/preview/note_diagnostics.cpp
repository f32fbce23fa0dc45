#include "note_diagnostics.hpp"

#include <algorithm>
#include <map>
#include <string>

namespace deckport::preview_detail {
namespace {

// `notes[id=1].Back` belongs to `notes[id=1]`, `notes[id=10]` does not.
bool locator_within(const std::string& locator, const std::string& note_locator) {
    if (note_locator.empty() || locator.compare(0, note_locator.size(), note_locator) != 0)
        return false;
    if (locator.size() == note_locator.size()) return true;
    char next = locator[note_locator.size()];
    return next == '.' || next == '[' || next == ' ' || next == ':';
}

}  // namespace

NoteDiagnostics attach_diagnostics(const Collection& collection,
                                   const std::vector<Diagnostic>& diagnostics) {
    NoteDiagnostics result;
    result.by_note.resize(collection.notes.size());
    // Notes of text decks by file, in line order.
    std::map<std::string, std::vector<std::pair<int, std::size_t>>> by_line;
    for (std::size_t i = 0; i < collection.notes.size(); ++i) {
        const SourceLocation& at = collection.notes[i].origin;
        if (at.has_position()) by_line[at.file].push_back({at.line, i});
    }
    for (auto& [file, notes] : by_line) std::stable_sort(notes.begin(), notes.end());

    for (const Diagnostic& d : diagnostics) {
        std::optional<std::size_t> note;
        if (!d.origin.locator.empty()) {
            for (std::size_t i = 0; i < collection.notes.size() && !note; ++i) {
                if (locator_within(d.origin.locator, collection.notes[i].origin.locator)) note = i;
            }
        }
        if (!note && d.origin.has_position()) {
            auto notes = by_line.find(d.origin.file);
            if (notes != by_line.end()) {
                auto after =
                    std::upper_bound(notes->second.begin(), notes->second.end(),
                                     std::make_pair(d.origin.line, collection.notes.size()));
                if (after != notes->second.begin()) note = std::prev(after)->second;
            }
        }
        if (note)
            result.by_note[*note].push_back(&d);
        else
            result.deck_level.push_back(&d);
    }
    return result;
}

}  // namespace deckport::preview_detail
