// Named HTML character references as Anki's text stripping knows them.
#pragma once

#include <optional>
#include <string_view>

namespace deckport::apkg {

// The code point of `&name;` (name without `&` and `;`), case-sensitive; nullopt when unknown.
std::optional<char32_t> html4_entity(std::string_view name);

}  // namespace deckport::apkg
