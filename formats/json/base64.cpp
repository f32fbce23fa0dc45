#include "json/base64.hpp"

#include <openssl/evp.h>

#include <algorithm>

namespace deckport::json_format {
namespace {

// OpenSSL takes int lengths: work in chunks well below INT_MAX (multiples of 3 and 4 bytes).
constexpr std::size_t kRawChunk = 3u << 20;
constexpr std::size_t kTextChunk = 4u << 20;

bool is_base64_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
           c == '/';
}

}  // namespace

std::string base64_encode(std::string_view bytes) {
    std::string text;
    std::size_t encoded = (bytes.size() + 2) / 3 * 4;
    text.reserve(encoded);
    // Sized to what is needed, not to a whole chunk: a one-byte media file costs a few bytes.
    std::string buffer(std::min(kTextChunk, encoded) + 1, '\0');  // EncodeBlock adds a NUL
    for (std::size_t at = 0; at < bytes.size(); at += kRawChunk) {
        std::size_t size = std::min(kRawChunk, bytes.size() - at);
        int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(buffer.data()),
                                      reinterpret_cast<const unsigned char*>(bytes.data() + at),
                                      static_cast<int>(size));
        text.append(buffer.data(), static_cast<std::size_t>(written));
    }
    return text;
}

std::optional<std::string> base64_decode(std::string_view text) {
    // EVP_DecodeBlock skips surrounding whitespace and ignores padding: check the text first.
    if (text.size() % 4 != 0) return std::nullopt;
    std::size_t padding = 0;
    if (!text.empty() && text.back() == '=') padding = text[text.size() - 2] == '=' ? 2 : 1;
    for (std::size_t i = 0; i < text.size() - padding; ++i) {
        if (!is_base64_char(text[i])) return std::nullopt;
    }
    std::string bytes;
    bytes.reserve(text.size() / 4 * 3);
    std::string buffer(std::min(kRawChunk, text.size() / 4 * 3), '\0');
    for (std::size_t at = 0; at < text.size(); at += kTextChunk) {
        std::size_t size = std::min(kTextChunk, text.size() - at);
        int written = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(buffer.data()),
                                      reinterpret_cast<const unsigned char*>(text.data() + at),
                                      static_cast<int>(size));
        if (written < 0) return std::nullopt;
        bytes.append(buffer.data(), static_cast<std::size_t>(written));
    }
    bytes.resize(bytes.size() - padding);  // DecodeBlock counts padding as zero bytes
    return bytes;
}

}  // namespace deckport::json_format
