// LINT001 duplicate questions and LINT012 a question identical to its answer: both compare
// what a learner reads, so markup differences do not hide a copy.
#include <map>
#include <utility>

#include "lint/lint_support.hpp"

namespace deckport::lint_detail {

void duplicate_questions(const LintSubject& subject, const LintSettings&, LintReport& report) {
    // Anki's rule: the first field is unique within a note type.
    std::map<std::pair<std::int64_t, std::string>, const Note*> first_seen;
    for (const Note& note : subject.collection.notes) {
        if (note.fields.empty()) continue;
        std::string question = plain_text_of(note, 0);
        if (question.empty()) continue;
        auto [it, inserted] = first_seen.emplace(std::pair{note.note_type_id, question}, &note);
        if (inserted) continue;
        const SourceLocation& first = it->second->origin;
        std::string where = first.has_position()
                                ? (first.file.empty() ? subject.file : first.file) + ":" +
                                      std::to_string(first.line)
                                : "note " + it->second->guid;
        report.on_field(
            note, 0, "question '" + excerpt(question) + "' is asked again (first at " + where + ")",
            first_line(note.fields[0].source));
    }
}

void question_is_answer(const LintSubject& subject, const LintSettings&, LintReport& report) {
    for (const Note& note : subject.collection.notes) {
        const NoteType* note_type = subject.collection.find_note_type(note.note_type_id);
        if (note_type && note_type->kind == NoteTypeKind::cloze) continue;
        if (note.fields.size() < 2) continue;
        std::string question = plain_text_of(note, 0);
        if (question.empty() || question != plain_text_of(note, 1)) continue;
        report.on_field(note, 1, "the answer repeats the question '" + excerpt(question) + "'",
                        first_line(note.fields[1].source));
    }
}

}  // namespace deckport::lint_detail
