// Finds the local images a markdown field shows, with md4c, so that code spans, fences, math,
// escapes and reference-style images are read exactly as the renderer reads them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace deckport::markdown {

struct ImageRef {
    std::string path;  // as written, with escapes and character references resolved
    std::optional<std::size_t> offset;  // of the path in the text, when it is written verbatim
};

// `![alt](path)` and `![alt][ref]` images whose destination is not a URL (no scheme such as
// `https:`, not `//host/...`, not `#...`), in order of appearance.
std::vector<ImageRef> find_local_images(std::string_view markdown);

// True for `scheme:...` (two or more scheme characters, so `C:\x` is a path) and `//host`.
bool is_url(std::string_view destination);

}  // namespace deckport::markdown
