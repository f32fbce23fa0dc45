// Positions in JSON text: nlohmann's parser gives byte offsets and no positions for values, so
// this small structural scanner walks the text itself. It finds, for JSON pointers such as
// `/notes/3/fields/1`, the line and column where that value (or object member) starts; it bounds
// nesting before the real parser runs; and it finds duplicate object keys, which the parser
// silently merges.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace deckport::json_format {

// 1-based line and column; columns count characters (UTF-8 code points), a BOM takes none.
struct TextPosition {
    int line = 0;
    int column = 0;
};

// The position of byte `offset` (an offset at or past the end gives the position after the
// last character).
TextPosition position_of_offset(std::string_view text, std::size_t offset);

// `key` escaped as one JSON pointer reference token (RFC 6901: `~` -> `~0`, `/` -> `~1`).
std::string pointer_token(std::string_view key);

struct DuplicateKey {
    std::string pointer;    // the member that appears twice
    TextPosition position;  // of its second occurrence
};

struct PrescanResult {
    // Where nesting first went deeper than the limit.
    std::optional<TextPosition> too_deep;
    std::vector<DuplicateKey> duplicate_keys;
    // The first number too large for a double (which the parser refuses without a position).
    std::optional<std::pair<std::string, TextPosition>> number_overflow;
};

// Checks nesting depth, duplicate keys and numbers out of range. Stops quietly at malformed text:
// the parser that runs next reports syntax errors.
PrescanResult prescan(std::string_view text, std::uint32_t max_depth);

// Where the elements of the top-level "notes" array and their fields start: what `locate` gives
// for `/notes/N`, `/notes/N/fields/M` and `/notes/N/fields/M/source`, found in one walk without
// a pointer string each (a file of 100,000 notes has 300,000). A position of line 0: not there.
// The first occurrence wins, as in `locate`.
struct NotePositions {
    std::vector<TextPosition> notes;                 // [N]
    std::vector<std::vector<TextPosition>> fields;   // [N][M], the field's value
    std::vector<std::vector<TextPosition>> sources;  // [N][M], its "source" member

    // The position of one of those three pointers; nullopt for any other pointer, or when it
    // is not in the text.
    std::optional<TextPosition> of(std::string_view pointer) const;
};
NotePositions locate_notes(std::string_view text);

// The start of each wanted pointer that exists in `text`: an object member starts at its key,
// an array element or the root at its value.
std::unordered_map<std::string, TextPosition> locate(
    std::string_view text, const std::unordered_set<std::string>& pointers);

}  // namespace deckport::json_format
