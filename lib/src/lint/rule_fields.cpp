// LINT010 HTML that will not render and LINT011 fields past the size bound.
#include <vector>

#include "deckport/parallel.hpp"
#include "lint/lint_support.hpp"

namespace deckport::lint_detail {

void unbalanced_html(const LintSubject& subject, const LintSettings&, LintReport& report) {
    // Each field's problems are found on every core a slice of notes ahead; they are reported
    // in the notes' order.
    using FieldProblems = std::vector<std::vector<HtmlProblem>>;
    const std::vector<Note>& notes = subject.collection.notes;
    constexpr std::size_t kSliceSize = 2048;
    SlicePipeline<FieldProblems> found(notes.size(), kSliceSize, [&](std::size_t n) {
        FieldProblems problems;
        for (const Content& field : notes[n].fields) {
            if (field.kind == Markup::html) {
                problems.push_back(html_problems(field.source));
            } else if (field.kind == Markup::markdown) {
                problems.push_back(html_problems(markdown_raw_html(field.source)));
            } else {
                problems.emplace_back();
            }
        }
        return problems;
    });
    for (std::size_t n = 0; n < notes.size(); ++n) {
        const FieldProblems& problems = found.at(n);
        const Note& note = notes[n];
        for (std::size_t i = 0; i < note.fields.size(); ++i) {
            for (const HtmlProblem& problem : problems[i]) {
                if (note.fields[i].kind == Markup::html) {
                    report.on_field_at(note, i, problem.offset, problem.message,
                                       problem.offending_text);
                } else {
                    // Offsets are into the joined raw HTML, not the source: point at the tag.
                    report.on_field(note, i, problem.message, problem.offending_text);
                }
            }
        }
    }
}

void oversized_fields(const LintSubject& subject, const LintSettings& settings,
                      LintReport& report) {
    for (const Note& note : subject.collection.notes) {
        for (std::size_t i = 0; i < note.fields.size(); ++i) {
            std::size_t size = note.fields[i].source.size();
            if (size <= settings.max_field_bytes) continue;
            report.on_field(note, i,
                            "field " + field_name(subject.collection, note, i) + " holds " +
                                std::to_string(size) + " bytes, more than the bound of " +
                                std::to_string(settings.max_field_bytes),
                            first_line(note.fields[i].source));
        }
    }
}

}  // namespace deckport::lint_detail
