// Anki's card template renderer: `{{Field}}`, `{{#F}}…{{/F}}`, `{{^F}}…{{/F}}`, filters
// (`cloze:`, `hint:`, `type:`, `text:`, furigana, tts), special fields and card generation,
// giving the strings Anki's own renderer (rslib template.rs) gives, byte for byte, errors
// included. What it supports, and where it differs from Anki: docs/templates.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "deckport/model.hpp"

namespace deckport {

// Field name -> raw field HTML, as the renderer sees it: note fields, then special fields.
using FieldMap = std::map<std::string, std::string, std::less<>>;

enum class TemplateErrorKind {
    conditional_not_closed,  // Missing '{{/x}}'
    conditional_not_open,    // Found '{{/x}}', but expected '{{/y}}' / but missing '{{#x}}' …
    field_not_found,         // Found '{{F}}', but there is no field called 'F'
    no_such_conditional,     // Found '{{#k}}', but there is no field called 'k'
    too_deep,                // deckport's own: sections nested more than 100 deep
};

// A problem in a template, at the handlebar that causes it (for a section that is never
// closed: its opening handlebar).
struct TemplateError {
    TemplateErrorKind kind = TemplateErrorKind::field_not_found;
    std::string message;     // Anki's English message, not HTML-escaped
    std::size_t offset = 0;  // byte offset of the handlebar in the template
    std::size_t length = 0;  // its length in bytes
    int line = 1;            // 1-based
    int column = 1;          // 1-based, in code points
};

struct RenderedCard {
    std::string question;  // HTML, as Anki's renderer returns it (before audio/type-box handling)
    std::string answer;
    // The front is blank or the cloze number has no deletion: both sides carry Anki's message.
    bool is_empty = false;
    // A template problem: both sides are Anki's error text ("Front template has a problem:…").
    std::optional<TemplateError> error;
    bool error_in_back = false;  // the error is in the back template
};

// Renders card `card_ord` (0-based) of a note: the question with `qfmt`, then the answer with
// `afmt` and {{FrontSide}} = the question. `fields` should hold the special fields
// (card_field_map does that); `c<card_ord+1>` = "1" is added when missing. A cloze note type
// renders every card with its first template.
RenderedCard render_card(std::string_view qfmt, std::string_view afmt, const FieldMap& fields,
                         int card_ord, bool is_cloze);

// The first syntax error of a template (unbalanced sections), as Anki finds it.
std::optional<TemplateError> template_syntax_error(std::string_view text);

// The first problem Anki would show for this template on a note with `field_names`: a syntax
// error, then (in document order) a replacement or section naming neither a field nor a
// special field (Tags, Type, Deck, Subdeck, CardFlag, Card, CardID, FrontSide, cN).
std::optional<TemplateError> check_template(std::string_view text,
                                            const std::vector<std::string>& field_names);

// Anki's "empty field": only ASCII white space, <br> and <div> tags.
bool field_is_empty(std::string_view html);

// What a card adds to its note's fields: its deck (`::` path), flags and id.
struct CardInfo {
    int ord = 0;
    std::string deck;
    int flags = 0;
    std::int64_t id = 0;
};

// The renderer's field map for one card: the note's fields as HTML, then the special fields
// that no note field shadows (Tags, Type, Deck, Subdeck, CardFlag, Card, CardID) and
// c<ord+1> = "1".
FieldMap card_field_map(const NoteType& note_type, const Note& note, const CardInfo& card);

// Renders one card of a note with its note type's templates (the first one for cloze).
RenderedCard render_note_card(const NoteType& note_type, const Note& note, const CardInfo& card);

// The card ordinals Anki creates when a note is added: for a standard note type, each template
// whose front renders a non-empty field (Tags counts when the note has tags); for a cloze note
// type, min(N-1, 499) for every cloze number N ≥ 1 in any field. At least card 0. Sorted.
std::vector<int> anki_card_ords(const NoteType& note_type, const Note& note);
// The same with the HTML of every field of the note already made (to_html of each of
// note.fields, in order), for callers that need it anyway.
std::vector<int> anki_card_ords(const NoteType& note_type, const Note& note,
                                const std::vector<std::string>& field_html);

}  // namespace deckport
