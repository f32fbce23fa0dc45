// The pieces of a round trip: matching notes, comparing fields across markups, and comparing
// two collections by meaning on what a format carries.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "deckport/roundtrip.hpp"
#include "lint/source_index.hpp"

namespace deckport::roundtrip_detail {

// Field comparison forms (field_compare.cpp). When the format keeps formatting, two fields are
// equal when their comparable_markup forms are; otherwise when their comparable_text forms are.
std::string comparable_markup(const Content& content, Markup other_side);
std::string comparable_text(const Content& content);
// The field as it renders, in content.hpp's canonical HTML: equal for two spellings of the
// same markdown.
std::string comparable_rendering(const Content& content);
// True when the field's markup changes what it shows (emphasis, links, ...): a text-only
// format loses something on it.
bool has_formatting(const Content& content);

// Notes of the original and of the read-back collection that are the same note
// (note_matching.cpp): by GUID, then by the note id a format keeps (apkg), then by the text of
// the first field (the same deck first), then by the words of all fields. Never by position.
struct NoteMatches {
    std::vector<std::pair<const Note*, const Note*>> pairs;  // in the original's order
    std::vector<const Note*> lost;                           // original notes without a match
    std::vector<const Note*> added;                          // read-back notes without one
};
NoteMatches match_notes(const Collection& original, const Collection& readback);

// How a deck author names things in messages (describe.cpp).
// `note 'What is a Mutex?' (guid abc)`: the first field's text, shortened, and the GUID.
std::string note_label(const Note& note);
// `card 2 ("Card 2")`, `card 1 (cloze 1)`: the card's number and its template.
std::string card_label(const NoteType* note_type, int ord);
// `"text"`, shortened around `from` (the first difference) with `…` where text is cut.
std::string quoted_excerpt(std::string_view text, std::size_t from);
// `"A lock…" → "A lock…"`: both texts, shortened around their first difference.
std::string before_after(std::string_view before, std::string_view after);
// A scheduling key in words, with its values: `interval changed from 3 to 0 days`.
std::string scheduling_change(const std::string& key, const std::string& before,
                              const std::string& after);
// `[a b]`.
std::string listed_tags(const std::vector<std::string>& tags);

// One aspect lost by design: what it is and what was counted.
struct LossTally {
    std::size_t count = 0;
    std::string unit;  // "notes", "cards", "files", "note types", "fields"
};

// One format's comparison: counts losses by design and normalisations per aspect, and records
// unexpected differences as errors.
struct Comparison {
    const Format& format;
    const RoundtripSubject& subject;
    const SourceIndex& index;
    FormatRoundtrip& result;
    std::map<std::string, LossTally> losses;        // aspect -> how many
    std::map<std::string, std::size_t> normalised;  // rule -> how many (RT009)
    // Media files the format stored under another name with the same bytes: original name ->
    // name after the round trip. Field references are compared with these renames applied.
    std::vector<std::pair<std::string, std::string>> media_renames;
    // The root deck the format put every deck under (crowdanki), when it did.
    std::string root_deck;

    const Capabilities& carries() const { return format.info.capabilities; }
    const Normalisations& normalises() const { return format.info.normalises; }
    void lost(const std::string& aspect, const std::string& unit, std::size_t count = 1) {
        LossTally& tally = losses[aspect];
        tally.count += count;
        tally.unit = unit;
    }
    void normalise(const std::string& rule, std::size_t count = 1) { normalised[rule] += count; }
    void unexpected(const std::string& code, SourceLocation where, std::string message);
    // The original note's position, or better the position of `needle` inside it.
    SourceLocation at(const Note& note, std::string_view needle = {}) const;
    // Field `field` of the original note: the needle's position, else where the field starts.
    SourceLocation at_field(const Note& note, std::size_t field, std::string_view needle) const;
    // The deck name the read-back deck stands for, with the root deck taken off.
    std::string without_root(const std::string& deck) const;
};

// True for the same deck: equal names, or no deck and Anki's "Default" deck.
bool same_deck(const std::string& original, const std::string& readback);

// Each compares one part and records what it finds in the comparison.
void compare_collections(const Collection& original, const Collection& readback,
                         Comparison& comparison);
void compare_media(const Collection& original, const Collection& readback, Comparison& c);
void compare_note_types(const Collection& original, const Collection& readback,
                        const NoteMatches& matches, Comparison& c);
void compare_cards(const Collection& original, const Note& o, const Note& r, Comparison& c);

}  // namespace deckport::roundtrip_detail
