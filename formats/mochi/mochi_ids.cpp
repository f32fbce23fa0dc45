#include "mochi/mochi_ids.hpp"

#include "deckport/identity.hpp"

namespace deckport::mochi {
namespace {

constexpr std::string_view kBase62 =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr std::size_t kIdLength = 8;

bool is_base62(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

std::string hashed_id(std::string_view kind, std::string_view key) {
    std::string input = "deckport-mochi-";
    input.append(kind).append("\x1f").append(key);
    auto hash = sha256(input);
    std::uint64_t value = 0;
    for (int i = 0; i < 8; ++i) value = (value << 8) | hash[i];
    std::string id(kIdLength, '0');
    for (std::size_t i = kIdLength; i-- > 0;) {
        id[i] = kBase62[value % kBase62.size()];
        value /= kBase62.size();
    }
    return id;
}

}  // namespace

bool is_mochi_id(std::string_view text) {
    if (text.size() < kIdLength) return false;
    for (char c : text) {
        if (!is_base62(c)) return false;
    }
    return true;
}

std::string IdAllocator::allocate(std::string_view kind, std::string_view key,
                                  std::string_view preferred) {
    if (is_mochi_id(preferred) && used_.insert(std::string(preferred)).second) {
        return std::string(preferred);
    }
    std::string id = hashed_id(kind, key);
    for (int attempt = 1; !used_.insert(id).second; ++attempt) {
        id = hashed_id(kind, std::string(key) + "\x1f" + std::to_string(attempt));
    }
    return id;
}

}  // namespace deckport::mochi
