// The canonical JSON format: a lossless, versioned dump of the whole Collection.
#pragma once

#include "deckport/format.hpp"

namespace deckport {

Format make_json_format();

}  // namespace deckport
