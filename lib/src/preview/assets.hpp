// The preview page's own files (lib/src/preview/assets/), built into the library by
// cmake/embed_files.cmake.
#pragma once

#include <string_view>

namespace deckport::preview_detail {

// The bytes of an asset by file name ("page.css"), or an empty view.
std::string_view preview_asset(std::string_view name);

}  // namespace deckport::preview_detail
