// Mochi ids: keywords of 8 or more characters from [0-9A-Za-z], derived deterministically.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace deckport::mochi {

bool is_mochi_id(std::string_view text);

// Hands out ids that are unique within one package. An id the model already carries (a note
// GUID or a deck id read from Mochi) is kept when it is a valid Mochi id; otherwise the id is the
// first 8 base62 digits of SHA-256("deckport-mochi-" kind "\x1f" key), with "\x1f" and a counter
// appended to the key until it is unique.
class IdAllocator {
  public:
    std::string allocate(std::string_view kind, std::string_view key, std::string_view preferred);

  private:
    std::set<std::string> used_;
};

}  // namespace deckport::mochi
