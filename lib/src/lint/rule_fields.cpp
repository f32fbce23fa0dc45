// LINT010 HTML that will not render and LINT011 fields past the size bound.
#include "lint/lint_support.hpp"

namespace deckport::lint_detail {

void unbalanced_html(const LintSubject& subject, const LintSettings&, LintReport& report) {
    for (const Note& note : subject.collection.notes) {
        for (std::size_t i = 0; i < note.fields.size(); ++i) {
            const Content& field = note.fields[i];
            if (field.kind == Markup::html) {
                for (const HtmlProblem& problem : html_problems(field.source)) {
                    report.on_field_at(note, i, problem.offset, problem.message,
                                       problem.offending_text);
                }
            } else if (field.kind == Markup::markdown) {
                // Offsets are into the joined raw HTML, not the source: point at the tag.
                for (const HtmlProblem& problem : html_problems(markdown_raw_html(field.source))) {
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
