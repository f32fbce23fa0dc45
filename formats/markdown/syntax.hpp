// The line-level syntax of markdown decks, shared by the reader and the writer so that what one
// writes the other reads back: separators, code fences, card keys, ids, deck names.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/ascii.hpp"
#include "deckport/model.hpp"

namespace deckport::markdown {

inline constexpr std::string_view kCardSeparator = ". . .";
inline constexpr std::string_view kSideSeparator = "---";
inline constexpr std::string_view kDefaultDeck = "Default";  // Anki's own default deck
inline constexpr std::size_t kMaxIdLength = 100;

std::string_view trim(std::string_view text);
std::string_view trim_end(std::string_view text);
bool is_blank(std::string_view line);  // empty or only spaces and tabs
std::vector<std::string_view> split_whitespace(std::string_view text);
// The lines of `text`, split at LF, each without a final CR; no empty last line for a final LF.
std::vector<std::string_view> text_lines(std::string_view text);

// `. . .` (trailing spaces and tabs allowed): ends a card.
bool is_card_separator(std::string_view line);
// `---` (trailing spaces and tabs allowed): the first one in a card ends the question.
bool is_side_separator(std::string_view line);
// `--- Name` (three dashes, one space, a name; trailing spaces and tabs allowed): starts the
// card's field `Name`. The name, or nullopt for other lines.
std::optional<std::string_view> field_separator_name(std::string_view line);

// A fenced code block's opening line, by CommonMark's rules: up to three spaces, then at least
// three backticks or tildes; a backtick fence's info string holds no backtick.
struct Fence {
    char marker = '`';
    std::size_t length = 0;
};
std::optional<Fence> fence_opening(std::string_view line);
// The closing line: up to three spaces, the same marker at least as long, then only blanks.
bool closes_fence(std::string_view line, const Fence& fence);

// Card metadata keys, written `<!-- id: … type: … deck: … tags: … -->` on a card's first line.
enum class CardKey { id, type, deck, tags };
// The key that `token` spells (`id:`, `Tags:`, ... case-insensitively), if any.
std::optional<CardKey> card_key(std::string_view token);
const char* card_key_name(CardKey key);
// `word:`: letters followed by a colon.
bool looks_like_key(std::string_view token);

// Printable ASCII without spaces, at most kMaxIdLength, not ending the comment (`-->`) and not
// a key token: what an explicit id may hold. Returns the problem, or empty when valid.
std::string id_problem(std::string_view id);

// `A :: B` -> `A::B`: each part trimmed. Empty when a part is empty (the caller reports it).
std::optional<std::string> normalize_deck_name(std::string_view name);

}  // namespace deckport::markdown
