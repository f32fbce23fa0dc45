// A Mochi data file given on its own, outside its .mochi zip: `data.json` (Transit-JSON) or
// `data.edn`, as people find them after unzipping an export or in Mochi's backups.
#pragma once

#include <string_view>

#include "deckport/format.hpp"

namespace deckport::mochi {

enum class LooseData { none, transit_json, edn };

// What the text is: Transit-JSON whose top level holds Mochi's `~:decks` or `~:version` keys,
// EDN whose top-level map holds `:decks`, else none. Looks at the start of the text only.
LooseData loose_data_kind(std::string_view bytes);

// Reads the data file, with warning MOCHI034 saying it was read outside a package. Attachments
// that the cards name (`@media/NAME`) are taken from the file's folder when they are plain files
// there (nothing outside the folder is read).
Collection read_loose_data(const Input& input, LooseData kind, ReadContext& context);

}  // namespace deckport::mochi
