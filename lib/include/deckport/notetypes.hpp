// The built-in note types: Anki's six stock note types with Anki's own definitions (English
// names, fields, templates, CSS as Anki 25.02 makes them), ids derived from their names and
// fields; recognising a stock note type by its definition; cloze numbers and card ordinals.
#pragma once

#include <optional>
#include <vector>

#include "deckport/model.hpp"

namespace deckport {

// deckport's own styling, for note types that readers make up (CSV columns, Mochi templates).
extern const char* const kDefaultCss;

// Anki's stock note types, in Anki's order.
enum class StockKind {
    basic,
    basic_and_reversed,
    basic_optional_reversed,
    basic_typing,
    cloze,
    image_occlusion,
};

// Anki's CSS for Basic and its variants, for Cloze, and for Image Occlusion (Anki 25.02).
extern const char* const kAnkiCss;
extern const char* const kAnkiClozeCss;
extern const char* const kAnkiImageOcclusionCss;

// Anki's definition of a stock note type, under its English name; its id is derived from the
// name, fields and template names.
NoteType stock_note_type(StockKind kind);
// All six, made once, in Anki's order.
const std::vector<NoteType>& stock_note_types();

// The id deckport gives a note type that has none: derived from its name, field names and
// template names, so the same definition gets the same id every time.
std::int64_t derived_note_type_id(const NoteType& note_type);

NoteType basic_note_type();
NoteType basic_and_reversed_note_type();
NoteType cloze_note_type();

// Which stock note type `note_type` is by its definition (anki-facts §1.6): its kind, number of
// fields and templates, and each template's front and back compared with Anki's after its own
// field names are put in (line endings unified, outer white space trimmed). Names, CSS, ids,
// field options and the sort field are ignored, so a renamed copy (`Basic+`, `Basic-1a2b3`), a
// translated one (`Einfach`), genanki's and Anki 2.0's Cloze (`Text`/`Extra`) are stock, and a
// `Basic` whose template was edited is not. Image Occlusion: cloze kind, at least four fields,
// and either Anki's marker (`originalStockKind` 6) or its container in the front template.
std::optional<StockKind> stock_kind_of(const NoteType& note_type);
// True when stock_kind_of knows it.
bool is_builtin_note_type(const NoteType& note_type);
// True when `note_type` is a stock note type under Anki's English name for it: every Anki has
// it, so naming it is enough (a CSV import names its note type).
bool is_stock_under_anki_name(const NoteType& note_type);

// The numbers N of every `{{cN::…}}` in `text`, sorted and unique.
std::vector<int> cloze_numbers(std::string_view text);

// The card ordinals Anki would generate for `note`: one per template for a standard note type,
// N-1 for every cloze number N (at least one card, as Anki makes an empty cloze card 1).
std::vector<int> generated_card_ords(const NoteType& note_type, const Note& note);

}  // namespace deckport
