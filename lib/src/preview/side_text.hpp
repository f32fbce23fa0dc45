// What desktop Anki does to a rendered side before showing it (qt/aqt/reviewer.py, sound.py,
// rslib latex.rs), on the text: type-in-answer boxes, audio and TTS tags, LaTeX images.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "deckport/model.hpp"
#include "deckport/render.hpp"
#include "media_links.hpp"

namespace deckport::preview_detail {

// What the question's `[[type:F]]` chose, for the answer side.
struct TypeAnswer {
    std::optional<std::string> expected;  // the field's text (cloze: the deletion's text)
    std::string font = "Arial";
    int size = 20;
};

// reviewer.py typeAnsQuestionFilter: the first `[[type:…]]` picks the field; every one becomes
// the input box (or a warning, or nothing for an empty field).
std::string type_answer_question(std::string_view html, const NoteType& note_type,
                                 const FieldMap& fields, int card_ord, TypeAnswer& state);
// typeAnsAnswerFilter with nothing typed: the expected answer in `<code id=typeans>`.
std::string type_answer_answer(std::string_view html, const TypeAnswer& state);

// `[sound:x]` as an audio player when the deck has x (else an inert replay button), and
// `[anki:tts …]text[/anki:tts]` as an inert speaker with the text in its title.
std::string audio_tags_to_html(std::string_view html, MediaLinks& media);
// Removes `[sound:…]` and `[anki:tts…]…[/anki:tts]` (Anki's strip_av_tags).
std::string strip_audio_tags(std::string_view text);

// `[latex]…[/latex]`, `[$]…[/$]`, `[$$]…[/$$]` as Anki's `<img class=latex …>` pointing at
// the generated image (latex-<sha1>.png, .svg with `latexsvg`), which the deck may carry.
std::string latex_to_images(std::string_view html, bool svg);

}  // namespace deckport::preview_detail
