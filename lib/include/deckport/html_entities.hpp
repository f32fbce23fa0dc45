// HTML 4's named character references, as Anki decodes them (the htmlescape crate): the 252 of
// the HTML 4.01 DTDs, case-sensitive; `&apos;` and the other HTML5 names are not among them.
// Used where deckport must strip or render HTML exactly as Anki does (sort fields and checksums,
// the template renderer's text filters).
#pragma once

#include <optional>
#include <string_view>

namespace deckport {

// The code point of `&name;` (name without `&` and `;`), or nothing when HTML 4 has no such name.
std::optional<char32_t> html4_entity(std::string_view name);

}  // namespace deckport
