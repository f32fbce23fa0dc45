// LINT002: an empty question or answer. A field that shows only an image is not empty.
#include "deckport/media_refs.hpp"
#include "lint/lint_support.hpp"

namespace deckport::lint_detail {
namespace {

bool shows_nothing(const Note& note, std::size_t field) {
    return plain_text_of(note, field).empty() && find_media_refs(note.fields[field]).empty();
}

}  // namespace

void empty_sides(const LintSubject& subject, const LintSettings&, LintReport& report) {
    for (const Note& note : subject.collection.notes) {
        const NoteType* note_type = subject.collection.find_note_type(note.note_type_id);
        // A cloze note's text is checked by LINT003; its Extra field is optional.
        if (note_type && note_type->kind == NoteTypeKind::cloze) continue;
        if (note.fields.empty()) continue;
        if (shows_nothing(note, 0)) {
            report.on_field(note, 0, "the question is empty: Anki makes no card for this note");
        }
        if (note.fields.size() >= 2 && shows_nothing(note, 1)) {
            report.on_field(note, 1, "the answer is empty");
        }
    }
}

}  // namespace deckport::lint_detail
