#include "deckport/normalize.hpp"

#include <unordered_map>

#include "deckport/identity.hpp"

namespace deckport {

void normalize_collection(Collection& collection, Diagnostics& diagnostics) {
    std::unordered_map<std::string, const Note*> seen;
    for (Note& note : collection.notes) {
        if (note.guid.empty()) {
            const NoteType* nt = collection.find_note_type(note.note_type_id);
            std::string first_field = note.fields.empty() ? std::string{} : note.fields[0].source;
            note.guid = derive_guid(note.deck, nt ? nt->name : std::string{}, first_field);
        }
        note.set_tags(std::move(note.tags));
        if (!note.deck.empty()) collection.ensure_deck(note.deck);
        auto [it, inserted] = seen.emplace(note.guid, &note);
        if (!inserted) {
            const SourceLocation& first = it->second->origin;
            std::string where = first.file.empty() ? std::string("another note")
                                                   : first.file + ":" + std::to_string(first.line);
            diagnostics.error("DUP001", note.origin,
                              "duplicate note id '" + note.guid + "' (also used at " + where + ")",
                              "give each note its own id, or remove the copy");
        }
    }
}

}  // namespace deckport
