// HTML 4's named character references, as Anki's strict entity decoder knows them.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace deckport::render_detail {

// The code point of `&name;`, or nothing when HTML 4 has no such name.
std::optional<std::uint32_t> html4_entity(std::string_view name);

}  // namespace deckport::render_detail
