#include "deckport/normalize.hpp"

#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "deckport/identity.hpp"
#include "deckport/parallel.hpp"

namespace deckport {
namespace {

std::string place_of(const SourceLocation& at) {
    if (at.file.empty()) return "another note";
    if (at.line > 0) return at.file + ":" + std::to_string(at.line);
    return at.locator.empty() ? at.file : at.file + " " + at.locator;
}

// A GUID for a later copy of `guid`, derived from it, the note and how many copies came before:
// the same deck gets the same new GUIDs on every read. Never one that is in use.
std::string new_guid_for_copy(const Note& note, const std::string& note_type, int copy,
                              const std::unordered_set<std::string>& used) {
    std::string first_field = note.fields.empty() ? std::string{} : note.fields[0].source;
    for (int attempt = 0;; ++attempt) {
        std::string key = first_field + "\x1f" + note.guid + "\x1f" + std::to_string(copy) +
                          (attempt ? "\x1f" + std::to_string(attempt) : std::string{});
        std::string guid = derive_guid(note.deck, note_type, key);
        if (!used.contains(guid)) return guid;
    }
}

}  // namespace

void normalize_collection(Collection& collection, Diagnostics& diagnostics) {
    // Each note on its own, on every core; then the decks, which the collection shares.
    parallel_for(collection.notes.size(), [&collection](std::size_t i) {
        Note& note = collection.notes[i];
        if (note.guid.empty()) {
            const NoteType* nt = collection.find_note_type(note.note_type_id);
            std::string first_field = note.fields.empty() ? std::string{} : note.fields[0].source;
            note.guid = derive_guid(note.deck, nt ? nt->name : std::string{}, first_field);
        }
        note.set_tags(std::move(note.tags));
    });
    std::unordered_set<std::string_view> ensured_decks;  // ensure_deck once per deck, not per note
    for (const Note& note : collection.notes) {
        if (!note.deck.empty() && ensured_decks.insert(note.deck).second) {
            collection.ensure_deck(note.deck);
        }
    }
    // The first note with a GUID keeps it; each later copy gets a derived one (Anki would merge
    // the copies into one note on import, and real exports do hold copies). Keys view the notes'
    // own GUIDs (the notes do not move, and a first note's GUID never changes): 100,000 notes
    // without copies cost one table of views, not two of copied strings.
    std::vector<Note>& notes = collection.notes;
    std::unordered_map<std::string_view, std::pair<std::size_t, int>> first;  // -> note, copies
    first.reserve(notes.size());
    std::vector<std::size_t> copies;
    for (std::size_t i = 0; i < notes.size(); ++i) {
        if (!first.emplace(notes[i].guid, std::pair{i, 0}).second) copies.push_back(i);
    }
    if (copies.empty()) return;
    std::unordered_set<std::string> used;
    for (const Note& note : notes) used.insert(note.guid);
    for (std::size_t i : copies) {
        Note& note = notes[i];
        auto it = first.find(note.guid);
        const NoteType* nt = collection.find_note_type(note.note_type_id);
        std::string old_guid = note.guid;
        note.guid =
            new_guid_for_copy(note, nt ? nt->name : std::string{}, ++it->second.second, used);
        used.insert(note.guid);
        diagnostics.warning("DUP001", note.origin,
                            "duplicate note id '" + old_guid + "' (also used at " +
                                place_of(notes[it->second.first].origin) +
                                "): this note gets the new id '" + note.guid + "'",
                            "give each note its own id, or remove the copy");
    }
}

}  // namespace deckport
