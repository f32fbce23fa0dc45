// What the lint rules share: a field's plain text, its media references, HTML structure
// problems, and the text to point at.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "deckport/lint.hpp"
#include "deckport/model.hpp"

namespace deckport::lint_detail {

// The text a reader sees, whitespace collapsed and trimmed: two fields that read the same
// compare equal whatever their markup.
std::string plain_text(const Content& content);

// The plain text of a note's field. Several rules compare what a learner reads in the same
// fields; while a PlainTextMemo of the note's collection is alive on this thread, each of the
// first two fields is made once (a package's field HTML is parsed once, not three times).
std::string plain_text_of(const Note& note, std::size_t field);

// Held by lint() while the rules run over `collection`; memos on one thread nest.
class PlainTextMemo {
  public:
    explicit PlainTextMemo(const Collection& collection);
    ~PlainTextMemo();
    PlainTextMemo(const PlainTextMemo&) = delete;
    PlainTextMemo& operator=(const PlainTextMemo&) = delete;

    // Null when `note` is not one of the collection's or `field` is not memoised.
    std::string* slot(const Note& note, std::size_t field);

  private:
    static constexpr std::size_t kFields = 2;  // the question and the answer
    const Collection& collection_;
    std::vector<std::string> texts_;  // kFields per note, made up front
    PlainTextMemo* outer_;
};

// The raw HTML inside markdown (inline tags and HTML blocks), joined in document order.
std::string markdown_raw_html(std::string_view markdown);

struct HtmlProblem {
    std::string message;
    std::string offending_text;  // the tag as written, to point at
    std::size_t offset = 0;      // where it starts in the parsed text
};
// Tags that will not render as written: an element left open, an end tag that closes nothing,
// misnested formatting. Parsed with gumbo as a fragment, the way a browser reads a field.
std::vector<HtmlProblem> html_problems(std::string_view html);

// The first non-blank line of a field, trimmed: what to search the source for.
std::string_view first_line(std::string_view text);

// "Front", or "field 3" when the note type is unknown.
std::string field_name(const Collection& collection, const Note& note, std::size_t field);

// Text shortened for a message: at most `limit` bytes (on a character boundary), line breaks
// shown as `⏎`.
std::string excerpt(std::string_view text, std::size_t limit = 60);

// The rules, one function each (lib/src/lint/rule_*.cpp), listed in lib/src/lint/rules.cpp.
void duplicate_questions(const LintSubject&, const LintSettings&, LintReport&);
void empty_sides(const LintSubject&, const LintSettings&, LintReport&);
void cloze_without_deletions(const LintSubject&, const LintSettings&, LintReport&);
void cloze_number_gaps(const LintSubject&, const LintSettings&, LintReport&);
void math_closes_cloze(const LintSubject&, const LintSettings&, LintReport&);
void unused_media(const LintSubject&, const LintSettings&, LintReport&);
void invalid_deck_names(const LintSubject&, const LintSettings&, LintReport&);
void tags_anki_splits(const LintSubject&, const LintSettings&, LintReport&);
void unbalanced_html(const LintSubject&, const LintSettings&, LintReport&);
void oversized_fields(const LintSubject&, const LintSettings&, LintReport&);
void question_is_answer(const LintSubject&, const LintSettings&, LintReport&);
void clozes_past_limit(const LintSubject&, const LintSettings&, LintReport&);

}  // namespace deckport::lint_detail
