// The one table of lint rules, and the driver that runs the enabled ones.
#include <algorithm>

#include "deckport/lint.hpp"
#include "lint/lint_support.hpp"
#include "lint/source_index.hpp"

namespace deckport {

const std::vector<LintRule>& lint_rules() {
    using enum Severity;
    static const std::vector<LintRule> rules = {
        {{"LINT001", warning, "two notes of one note type ask the same question",
          "Anki keeps the first field of a note type unique and flags the copy as a duplicate; "
          "learners see the same prompt twice. Merge the notes or make the questions differ."},
         true,
         lint_detail::duplicate_questions},
        {{"LINT002", error, "a side of the card is empty",
          "A note whose question (first field) is empty makes no card in Anki; an empty answer "
          "(second field) leaves nothing to check against. Fill in the field or remove the "
          "note."},
         true,
         lint_detail::empty_sides},
        {{"LINT003", error, "a cloze note has no cloze deletion",
          "A Cloze note needs at least one {{c1::...}} in its text; Anki makes an empty card "
          "for it and refuses it on import. Add a deletion or use a Basic note."},
         true,
         lint_detail::cloze_without_deletions},
        {{"LINT004", warning, "cloze numbers skip a number",
          "Cloze numbers c1, c3 without c2 still make one card per number, but the gap is "
          "usually a renumbering mistake. Number the deletions c1, c2, c3... in order."},
         true,
         lint_detail::cloze_number_gaps},
        {{"LINT006", warning, "a media file is not referenced by any note",
          "The file is carried into every package but no field or template uses it. Remove "
          "it, or reference it (files whose name starts with _ are kept for templates)."},
         true,
         lint_detail::unused_media},
        {{"LINT008", error, "a deck name is invalid",
          "Deck names are `::`-separated paths; an empty part (A::::B, a leading or trailing "
          "::) or a part with leading or trailing spaces makes Anki create a different deck "
          "than the one written. Remove the empty part or the spaces."},
         true,
         lint_detail::invalid_deck_names},
        {{"LINT009", warning, "a tag holds characters Anki splits on or drops",
          "Anki separates tags with spaces (and U+3000), drops control characters and "
          "double quotes, and trims empty :: parts, so the tag arrives as something else. Use "
          "_ or - instead of spaces and give every :: part a name."},
         true,
         lint_detail::tags_anki_splits},
        {{"LINT010", warning, "HTML that will not render as written",
          "An element that is never closed, an end tag that closes nothing, or misnested "
          "tags: browsers repair them differently and the card's formatting spills or "
          "vanishes. Close every tag in the order it was opened."},
         true,
         lint_detail::unbalanced_html},
        {{"LINT011", warning, "a field is larger than the size bound",
          "Very large fields slow down Anki and sync and are usually pasted by mistake "
          "(a whole page, an embedded image as data). Split the note or move the content "
          "into a media file. The bound is --max-field-bytes (default 131072)."},
         true,
         lint_detail::oversized_fields},
        {{"LINT012", warning, "the question is identical to the answer",
          "A card whose answer repeats its question teaches nothing; usually a copy-paste "
          "slip. Write the answer."},
         true,
         lint_detail::question_is_answer},
        {{"LINT013", warning, "a cloze number above 500 gets no card",
          "Anki makes at most 500 cards from a cloze note: c500 and every higher number map "
          "to card 500, which shows only c500. c501 and above never get a card of their own; "
          "they show only as text on the other cards. Split the note."},
         true,
         lint_detail::clozes_past_limit},
        {{"LINT014", warning, "a `}}` inside math ends a cloze deletion",
          "Anki ends a cloze deletion at the first `}}`, even inside MathJax: "
          "{{c1::\\(\\frac{a}{\\frac{b}{c}}\\)}} is cut after {c}} and the rest shows as "
          "text. Put a space between the braces, `} }`; TeX ignores it (Anki manual, "
          "\"Cloze Conflicts\")."},
         true,
         lint_detail::math_closes_cloze},
    };
    return rules;
}

std::vector<CodeInfo> lint_codes() {
    std::vector<CodeInfo> codes;
    for (const LintRule& rule : lint_rules()) codes.push_back(rule.info);
    return codes;
}

std::vector<std::string> unknown_lint_codes(const std::set<std::string>& codes) {
    std::vector<std::string> unknown;
    for (const std::string& code : codes) {
        bool known = std::any_of(lint_rules().begin(), lint_rules().end(),
                                 [&](const LintRule& rule) { return rule.info.code == code; });
        if (!known) unknown.push_back(code);
    }
    return unknown;
}

std::vector<Diagnostic> lint(const LintSubject& subject, const LintSettings& settings) {
    std::vector<SourceLocation> note_origins;
    note_origins.reserve(subject.collection.notes.size());
    for (const Note& note : subject.collection.notes) note_origins.push_back(note.origin);
    SourceIndex index(subject.file, subject.source_text, note_origins);

    lint_detail::PlainTextMemo plain_texts(subject.collection);  // shared by the rules below
    std::vector<Diagnostic> out;
    for (const LintRule& rule : lint_rules()) {
        bool wanted = rule.on_by_default ? !settings.disabled.contains(rule.info.code)
                                         : settings.enabled.contains(rule.info.code);
        if (settings.enabled.contains(rule.info.code)) wanted = true;
        if (!wanted) continue;
        LintReport report(subject, index, rule.info, out);
        rule.run(subject, settings, report);
    }
    return out;
}

LintReport::LintReport(const LintSubject& subject, const SourceIndex& index, const CodeInfo& rule,
                       std::vector<Diagnostic>& out)
    : subject_(subject), index_(index), rule_(rule), out_(out) {}

void LintReport::on_note(const Note& note, std::string message, std::string_view needle,
                         std::string hint) {
    // In the note's own text first, else earlier in the file (front matter that the note
    // inherits its tags or deck from).
    auto found = locate(note.origin, needle, false);
    if (!found) found = locate(note.origin, needle, true);
    SourceLocation where = found.value_or(note.origin);
    if (where.file.empty()) where.file = subject_.file;
    add(std::move(where), std::move(message), std::move(hint));
}

void LintReport::on_field(const Note& note, std::size_t field, std::string message,
                          std::string_view needle, std::string hint) {
    auto found = locate(note.origin, needle, false);
    add(found ? *found : field_fallback(note, field), std::move(message), std::move(hint));
}

SourceLocation LintReport::field_fallback(const Note& note, std::size_t field) const {
    // The reader knows where the field starts: the best position after the text itself.
    if (field < note.field_origins.size() &&
        (note.field_origins[field].has_position() || !note.field_origins[field].locator.empty())) {
        SourceLocation where = note.field_origin(field);
        if (where.file.empty()) where.file = subject_.file;
        return where;
    }
    SourceLocation where = note.origin;
    if (where.file.empty()) where.file = subject_.file;
    std::string name = lint_detail::field_name(subject_.collection, note, field);
    where.locator = where.locator.empty() ? name : where.locator + "." + name;
    return where;
}

void LintReport::on_field_at(const Note& note, std::size_t field, std::size_t offset,
                             std::string message, std::string_view needle, std::string hint) {
    auto found = field < note.fields.size()
                     ? locate(note.origin, note.fields[field].source, false, offset)
                     : std::nullopt;
    if (!found) found = locate(note.origin, needle, false);
    add(found ? *found : field_fallback(note, field), std::move(message), std::move(hint));
}

void LintReport::at(const SourceLocation& fallback, std::string message, std::string_view needle,
                    std::string hint) {
    SourceLocation where = locate(fallback, needle, true).value_or(fallback);
    if (where.file.empty()) where.file = subject_.file;
    add(std::move(where), std::move(message), std::move(hint));
}

std::optional<SourceLocation> LintReport::locate(const SourceLocation& origin,
                                                 std::string_view needle, bool from_file_start,
                                                 std::size_t offset) const {
    SourceLocation where = origin;
    if (where.file.empty()) where.file = subject_.file;
    return index_.find(where, needle, from_file_start, offset);
}

void LintReport::add(SourceLocation where, std::string message, std::string hint) {
    out_.push_back(
        {rule_.severity, rule_.code, std::move(message), std::move(where), std::move(hint)});
}

}  // namespace deckport
