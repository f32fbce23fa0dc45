// Compares a collection read back after a round trip with the original, by meaning: a
// difference in what the format carries is an error that says what changed; a difference in
// what it does not carry is a loss by design, counted; what the format changes by rule
// (FormatInfo::normalises) is not counted as a difference at all.
#include <algorithm>
#include <iterator>
#include <string_view>
#include <vector>

#include "deckport/media_refs.hpp"
#include "deckport/parallel.hpp"
#include "deckport/unicode.hpp"
#include "lint/lint_support.hpp"
#include "roundtrip/roundtrip_internal.hpp"

namespace deckport::roundtrip_detail {
namespace {

std::string type_shape(const NoteType* type) {
    if (!type) return "(unknown note type)";
    std::string out = type->name + (type->kind == NoteTypeKind::cloze ? " [cloze]" : "") + " (";
    for (std::size_t i = 0; i < type->fields.size(); ++i) out += (i ? ", " : "") + type->fields[i];
    return out + ")";
}

// How the fields of a pair can be compared, after looking at the note types.
enum class FieldComparison { one_by_one, content_kept, none };

FieldComparison compare_note_type(const Collection& original, const Collection& readback,
                                  const Note& o, const Note& r, Comparison& c) {
    const NoteType* before = original.find_note_type(o.note_type_id);
    const NoteType* after = readback.find_note_type(r.note_type_id);
    if (type_shape(before) == type_shape(after)) return FieldComparison::one_by_one;
    bool was_cloze = before && before->kind == NoteTypeKind::cloze;
    bool is_cloze = after && after->kind == NoteTypeKind::cloze;
    if (was_cloze && !is_cloze && !c.carries().cloze) {
        c.lost("cloze deletions", "notes");
        return FieldComparison::none;
    }
    if (c.carries().note_types) {
        // Reported once per note type by compare_note_types; the fields still compare.
        return o.fields.size() == r.fields.size() ? FieldComparison::one_by_one
                                                  : FieldComparison::content_kept;
    }
    c.lost("note types", "notes");
    return o.fields.size() == r.fields.size() ? FieldComparison::one_by_one
                                              : FieldComparison::content_kept;
}

// The field as the format is expected to give it back: its media references (and only those:
// a path in a code block is text) under the names the format stored the files as.
Content with_media_renamed(const Content& field, const Comparison& c) {
    if (c.media_renames.empty()) return field;
    Content renamed = field;
    renamed.source = rewrite_media_refs(field.source, find_media_refs(field),
                                        [&](const MediaRef& ref) -> std::optional<std::string> {
                                            for (const auto& [from, to] : c.media_renames) {
                                                if (ref.target == from) return to;
                                            }
                                            return std::nullopt;
                                        });
    return renamed;
}

// What comparing one field found. Made for every field of every pair on several threads (it
// reads the comparison's settings and media renames only); reported in order afterwards.
struct FieldVerdict {
    bool same = false;
    bool formatting_lost = false;  // same text, but the format dropped the field's formatting
    std::string expected, actual;  // kept when not the same
};

FieldVerdict field_verdict(const Note& o, const Note& r, std::size_t i, const Comparison& c) {
    const Content before = with_media_renamed(o.fields[i], c);
    const Content& after = r.fields[i];
    FieldVerdict verdict;
    if (c.carries().formatting) {
        verdict.expected = comparable_markup(before, after.kind);
        verdict.actual = comparable_markup(after, before.kind);
    } else {
        verdict.expected = comparable_text(before);
        verdict.actual = comparable_text(after);
    }
    // Canonically equivalent text is the same text (Anki stores NFC; an old collection may hold
    // a name in NFD).
    verdict.expected = to_nfc(verdict.expected);
    verdict.actual = to_nfc(verdict.actual);
    verdict.same = verdict.expected == verdict.actual;
    if (!verdict.same && c.carries().formatting) {
        // Two markdown spellings of one thing (`---` and `----`, `*a*` and `_a_`) are equal.
        std::string rendered = comparable_rendering(before);
        verdict.same = to_nfc(rendered) == to_nfc(comparable_rendering(after));
    }
    if (verdict.same) {
        verdict.formatting_lost = !c.carries().formatting && has_formatting(before);
        verdict.expected.clear();
        verdict.actual.clear();
    }
    return verdict;
}

// The verdicts of the fields a pair of notes has in common.
std::vector<FieldVerdict> field_verdicts(const Note& o, const Note& r, const Comparison& c) {
    std::vector<FieldVerdict> verdicts;
    std::size_t common = std::min(o.fields.size(), r.fields.size());
    for (std::size_t i = 0; i < common; ++i) verdicts.push_back(field_verdict(o, r, i, c));
    return verdicts;
}

void report_field(const Collection& original, const Note& o, std::size_t i,
                  const FieldVerdict& verdict, Comparison& c) {
    if (verdict.same) {
        if (verdict.formatting_lost) c.lost("formatting", "fields");
        return;
    }
    const Content before = with_media_renamed(o.fields[i], c);
    c.unexpected("RT004", c.at_field(o, i, lint_detail::first_line(before.source)),
                 note_label(o) + ": field " + lint_detail::field_name(original, o, i) +
                     " changed: " + before_after(verdict.expected, verdict.actual));
}

void compare_fields(const Collection& original, const Note& o, const Note& r,
                    const std::vector<FieldVerdict>& verdicts, Comparison& c) {
    std::size_t common = std::min(o.fields.size(), r.fields.size());
    for (std::size_t i = 0; i < common; ++i) report_field(original, o, i, verdicts[i], c);
    if (o.fields.size() == r.fields.size()) return;
    bool extra_content = false;
    for (std::size_t i = common; i < o.fields.size(); ++i) {
        if (!comparable_text(o.fields[i]).empty()) extra_content = true;
    }
    for (std::size_t i = common; i < r.fields.size(); ++i) {
        if (!comparable_text(r.fields[i]).empty()) extra_content = true;
    }
    if (!extra_content) return;
    c.unexpected("RT004", c.at(o),
                 note_label(o) + ": has " + std::to_string(r.fields.size()) +
                     " fields after the round trip, expected " + std::to_string(o.fields.size()));
}

// The note was written with another note type (fields joined, as markdown writes a 4-field
// note as a question and an answer): every field's text must still be in the note.
void compare_kept_content(const Collection& original, const Note& o, const Note& r, Comparison& c) {
    // comparable_text collapses white space, so joined fields can be searched.
    std::string all;
    for (const Content& field : r.fields) all += to_nfc(comparable_text(field)) + " ";
    for (std::size_t i = 0; i < o.fields.size(); ++i) {
        std::string text = to_nfc(comparable_text(with_media_renamed(o.fields[i], c)));
        if (text.empty() || all.find(text) != std::string::npos) continue;
        c.unexpected("RT004", c.at_field(o, i, lint_detail::first_line(o.fields[i].source)),
                     note_label(o) + ": the text of field " +
                         lint_detail::field_name(original, o, i) +
                         " is not in the note after the round trip: " + quoted_excerpt(text, 0));
    }
}

void compare_tags(const Note& o, const Note& r, Comparison& c) {
    if (o.tags == r.tags) return;
    if (!c.carries().tags) {
        c.lost("tags", "notes");
        return;
    }
    std::vector<std::string> removed, added;
    std::set_difference(o.tags.begin(), o.tags.end(), r.tags.begin(), r.tags.end(),
                        std::back_inserter(removed));
    std::set_difference(r.tags.begin(), r.tags.end(), o.tags.begin(), o.tags.end(),
                        std::back_inserter(added));
    std::string what;
    if (!removed.empty()) what += "lost the tags " + listed_tags(removed);
    if (!added.empty())
        what += (what.empty() ? "" : " and ") + ("gained the tags " + listed_tags(added));
    c.unexpected("RT005", c.at(o), note_label(o) + ": " + what);
}

void compare_deck(const Note& o, const Note& r, Comparison& c) {
    if (same_deck(o.deck, r.deck)) return;
    if (c.without_root(r.deck) == o.deck) {
        c.normalise("decks put under the root deck '" + c.root_deck + "'");
        return;
    }
    bool nested = o.deck.find("::") != std::string::npos;
    if (c.carries().multiple_decks && (c.carries().deck_tree || !nested)) {
        c.unexpected("RT005", c.at(o),
                     note_label(o) + ": moved from deck '" + o.deck + "' to deck '" + r.deck + "'");
    } else {
        c.lost(c.carries().multiple_decks ? "deck hierarchy" : "decks", "notes");
    }
}

void compare_guid(const Note& o, const Note& r, Comparison& c) {
    if (o.guid == r.guid) return;
    if (c.normalises().derived_note_ids) {
        c.normalise("note ids derived from the GUIDs");
    } else if (c.carries().guids) {
        c.unexpected("RT005", c.at(o),
                     note_label(o) + ": its id (GUID) changed to '" + r.guid +
                         "' (Anki would import it as a new note)");
    } else {
        c.lost("note ids", "notes");
    }
}

// The root deck every read-back deck sits under, when the format adds one and did: the part
// of the first pair's read-back deck before its original deck, if every pair agrees.
std::string detect_root_deck(const NoteMatches& matches) {
    std::string root;
    for (const auto& [o, r] : matches.pairs) {
        if (o->deck.empty() || !r->deck.ends_with("::" + o->deck)) return {};
        std::string candidate = r->deck.substr(0, r->deck.size() - o->deck.size() - 2);
        if (root.empty()) root = candidate;
        if (candidate != root) return {};
    }
    return root;
}

}  // namespace

void Comparison::unexpected(const std::string& code, SourceLocation where, std::string message) {
    ++result.unexpected;
    result.diagnostics.push_back({Severity::error,
                                  code,
                                  format.info.name + ": " + std::move(message),
                                  std::move(where),
                                  {}});
}

SourceLocation Comparison::at(const Note& note, std::string_view needle) const {
    SourceLocation where = note.origin;
    if (where.file.empty()) where.file = subject.file;
    return index.find(where, needle, false).value_or(where);
}

SourceLocation Comparison::at_field(const Note& note, std::size_t field,
                                    std::string_view needle) const {
    SourceLocation where = note.origin;
    if (where.file.empty()) where.file = subject.file;
    if (auto found = index.find(where, needle, false)) return *found;
    if (field < note.field_origins.size() && note.field_origins[field].has_position()) {
        SourceLocation start = note.field_origin(field);
        if (start.file.empty()) start.file = subject.file;
        return start;
    }
    return where;
}

bool same_deck(const std::string& original, const std::string& readback) {
    // A note without a deck is in Anki's default deck, which writers name.
    return original == readback || (original.empty() && readback == "Default") ||
           (readback.empty() && original == "Default");
}

std::string Comparison::without_root(const std::string& deck) const {
    if (root_deck.empty() || !deck.starts_with(root_deck + "::")) return deck;
    return deck.substr(root_deck.size() + 2);
}

void compare_collections(const Collection& original, const Collection& readback, Comparison& c) {
    NoteMatches matches = match_notes(original, readback);
    for (const Note* note : matches.lost) {
        c.unexpected("RT002", c.at(*note), note_label(*note) + " is missing after the round trip");
    }
    for (const Note* note : matches.added) {
        c.unexpected("RT003", SourceLocation{c.subject.file},
                     note_label(*note) + " appeared in the round trip but is not in the original");
    }
    if (c.normalises().root_deck) c.root_deck = detect_root_deck(matches);
    compare_media(original, readback, c);  // first: field comparison applies media renames
    compare_note_types(original, readback, matches, c);
    // Fields are compared on every core a slice of pairs ahead (the field comparisons are most
    // of a round trip's time); everything is reported in the pairs' order.
    const auto& pairs = matches.pairs;
    constexpr std::size_t kSliceSize = 2048;
    SlicePipeline<std::vector<FieldVerdict>> verdicts(pairs.size(), kSliceSize, [&](std::size_t k) {
        return field_verdicts(*pairs[k].first, *pairs[k].second, c);
    });
    for (std::size_t k = 0; k < pairs.size(); ++k) {
        const std::vector<FieldVerdict>& pair_verdicts = verdicts.at(k);
        const auto& [o, r] = pairs[k];
        switch (compare_note_type(original, readback, *o, *r, c)) {
            case FieldComparison::one_by_one:
                compare_fields(original, *o, *r, pair_verdicts, c);
                break;
            case FieldComparison::content_kept:
                compare_kept_content(original, *o, *r, c);
                break;
            case FieldComparison::none:
                break;
        }
        compare_tags(*o, *r, c);
        compare_deck(*o, *r, c);
        compare_guid(*o, *r, c);
        compare_cards(original, *o, *r, c);
    }
}

}  // namespace deckport::roundtrip_detail
