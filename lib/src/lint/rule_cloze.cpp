// LINT003 a cloze note without deletions, LINT004 gaps in its cloze numbers, LINT013 cloze
// numbers past Anki's 500 cards, LINT014 a `}}` in math that ends a cloze deletion.
#include <set>

#include "content/math_ranges.hpp"
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

// Length of a cloze opening `{{cN::` at `at` (Anki's tokenizer: digits, then `::`), or 0.
std::size_t cloze_opening(std::string_view text, std::size_t at) {
    if (text.substr(at, 3) != "{{c") return 0;
    std::size_t end = at + 3;
    while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
    if (end == at + 3 || text.substr(end, 2) != "::") return 0;
    return end + 2 - at;
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

// Anki ends a cloze deletion at the first `}}`, in math too (anki-facts §7): a `}}` inside math
// that started inside the deletion cuts the deletion there.
void math_closes_cloze(const LintSubject& subject, const LintSettings&, LintReport& report) {
    for (const Note& note : subject.collection.notes) {
        if (!is_cloze(subject.collection, note)) continue;
        for (std::size_t field = 0; field < note.fields.size(); ++field) {
            const std::string& text = note.fields[field].source;
            if (text.find("{{c") == std::string::npos) continue;
            std::vector<content::TexRange> math = content::math_ranges(note.fields[field]);
            if (math.empty()) continue;
            std::vector<std::size_t> open;  // where each open deletion starts
            for (std::size_t at = 0; at + 1 < text.size();) {
                if (std::size_t length = cloze_opening(text, at)) {
                    open.push_back(at);
                    at += length;
                    continue;
                }
                if (text.compare(at, 2, "}}") != 0 || open.empty()) {
                    ++at;
                    continue;
                }
                for (const content::TexRange& range : math) {
                    if (at >= range.begin && at + 2 <= range.end && range.begin > open.back()) {
                        report.on_field_at(note, field, at,
                                           "`}}` inside math ends the cloze deletion here: Anki "
                                           "closes a deletion at the first `}}`",
                                           "}}", "write `} }` (TeX ignores the space)");
                        break;
                    }
                }
                open.pop_back();
                at += 2;
            }
        }
    }
}

}  // namespace deckport::lint_detail
