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
    SlicePipeline<FieldProblems> slices(
        notes.size(), kSliceSize, [&](std::size_t first, std::size_t count) {
            std::vector<FieldProblems> found(count);
            parallel_for(count, [&](std::size_t k) {
                for (const Content& field : notes[first + k].fields) {
                    if (field.kind == Markup::html) {
                        found[k].push_back(html_problems(field.source));
                    } else if (field.kind == Markup::markdown) {
                        found[k].push_back(html_problems(markdown_raw_html(field.source)));
                    } else {
                        found[k].emplace_back();
                    }
                }
            });
            return found;
        });
    std::vector<FieldProblems>* slice = nullptr;
    for (std::size_t n = 0; n < notes.size(); ++n) {
        if (n % kSliceSize == 0) slice = &slices.slice_at(n);
        const Note& note = notes[n];
        const FieldProblems& problems = (*slice)[n % kSliceSize];
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
