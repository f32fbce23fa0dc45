// LINT003 a cloze note without deletions, LINT004 gaps in its cloze numbers and LINT013
// cloze numbers past Anki's 500 cards.
#include <set>

#include "deckport/cloze_limit.hpp"
#include "deckport/notetypes.hpp"
#include "lint/lint_support.hpp"

namespace deckport::lint_detail {
namespace {

bool is_cloze(const Collection& collection, const Note& note) {
    const NoteType* note_type = collection.find_note_type(note.note_type_id);
    return note_type && note_type->kind == NoteTypeKind::cloze;
}

std::set<int> note_cloze_numbers(const Note& note) {
    std::set<int> numbers;
    for (const Content& field : note.fields) {
        for (int n : cloze_numbers(field.source)) numbers.insert(n);
    }
    return numbers;
}

}  // namespace

void cloze_without_deletions(const LintSubject& subject, const LintSettings&, LintReport& report) {
    for (const Note& note : subject.collection.notes) {
        if (!is_cloze(subject.collection, note) || !note_cloze_numbers(note).empty()) continue;
        std::string_view text = note.fields.empty() ? std::string_view{} : note.fields[0].source;
        report.on_field(note, 0, "cloze note has no deletion such as {{c1::...}}",
                        first_line(text));
    }
}

void cloze_number_gaps(const LintSubject& subject, const LintSettings&, LintReport& report) {
    for (const Note& note : subject.collection.notes) {
        if (!is_cloze(subject.collection, note)) continue;
        std::set<int> numbers = note_cloze_numbers(note);
        int expected = 1;
        for (int n : numbers) {
            if (n != expected) {
                std::string missing = expected + 1 == n ? "c" + std::to_string(expected)
                                                        : "c" + std::to_string(expected) + "..c" +
                                                              std::to_string(n - 1);
                std::string marker = "{{c" + std::to_string(n) + "::";
                std::size_t field = 0;
                for (std::size_t i = 0; i < note.fields.size(); ++i) {
                    if (note.fields[i].source.find(marker) != std::string::npos) {
                        field = i;
                        break;
                    }
                }
                report.on_field(
                    note, field,
                    "cloze numbers jump to c" + std::to_string(n) + ": " + missing + " is missing",
                    marker);
            }
            expected = n + 1;
        }
    }
}

void clozes_past_limit(const LintSubject& subject, const LintSettings&, LintReport& report) {
    for (const Note& note : subject.collection.notes) {
        const NoteType* note_type = subject.collection.find_note_type(note.note_type_id);
        if (!note_type) continue;
        std::vector<int> past = clozes_without_card(*note_type, note);
        if (past.empty()) continue;
        std::string marker = "{{c" + std::to_string(past.front()) + "::";
        std::size_t field = 0;
        for (std::size_t i = 0; i < note.fields.size(); ++i) {
            if (note.fields[i].source.find(marker) != std::string::npos) {
                field = i;
                break;
            }
        }
        report.on_field(note, field, clozes_without_card_message(past), marker);
    }
}

}  // namespace deckport::lint_detail
