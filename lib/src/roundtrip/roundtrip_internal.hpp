// The pieces of a round trip: comparing fields across markups, and comparing two collections
// on what a format carries.
#pragma once

#include <map>
#include <string>

#include "deckport/roundtrip.hpp"
#include "lint/source_index.hpp"

namespace deckport::roundtrip_detail {

// Field comparison forms (field_compare.cpp). When the format keeps formatting, two fields are
// equal when their comparable_markup forms are; otherwise when their comparable_text forms are.
std::string comparable_markup(const Content& content, Markup other_side);
std::string comparable_text(const Content& content);
// True when the field's markup changes what it shows (emphasis, links, ...): a text-only
// format loses something on it.
bool has_formatting(const Content& content);

// One format's comparison: counts losses by design per aspect and records unexpected
// differences as errors.
struct Comparison {
    const Format& format;
    const RoundtripSubject& subject;
    const SourceIndex& index;
    FormatRoundtrip& result;
    std::map<std::string, std::size_t> losses;  // aspect -> how many notes or files

    const Capabilities& carries() const { return format.info.capabilities; }
    void lost(const std::string& aspect) { ++losses[aspect]; }
    void unexpected(const std::string& code, SourceLocation where, std::string message);
    // The original note's position, or better the position of `needle` inside it.
    SourceLocation at(const Note& note, std::string_view needle = {}) const;
    // Field `field` of the original note: the needle's position, else where the field starts.
    SourceLocation at_field(const Note& note, std::size_t field, std::string_view needle) const;
};

void compare_collections(const Collection& original, const Collection& readback,
                         Comparison& comparison);

// `text` for a message: quoted, shortened around `from` (the first difference).
std::string quoted_excerpt(std::string_view text, std::size_t from);

}  // namespace deckport::roundtrip_detail
