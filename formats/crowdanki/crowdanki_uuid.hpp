// Stable crowdanki_uuid values for objects that have none yet.
#pragma once

#include <string>
#include <string_view>

namespace deckport::crowdanki {

// A name-based UUID (RFC 4122 version 5: SHA-1 in the URL namespace) of
// "deckport:crowdanki:" kind ":" key, e.g. kind "deck" and key the deck's id. Python gives the
// same value with uuid.uuid5(uuid.NAMESPACE_URL, "deckport:crowdanki:deck:123").
std::string derived_uuid(std::string_view kind, std::string_view key);

}  // namespace deckport::crowdanki
