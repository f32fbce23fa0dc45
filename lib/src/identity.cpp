#include "deckport/identity.hpp"

#include <openssl/evp.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace deckport {
namespace {

// One digest context per thread, reused: EVP_Digest would allocate and free one per call.
EVP_MD_CTX* context() {
    thread_local std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(),
                                                                             &EVP_MD_CTX_free);
    if (!ctx) throw std::runtime_error("OpenSSL cannot make a digest context");
    return ctx.get();
}

template <std::size_t N>
std::array<unsigned char, N> digest(const EVP_MD* md, std::string_view bytes) {
    std::array<unsigned char, N> out{};
    unsigned int size = 0;
    EVP_MD_CTX* ctx = context();
    if (EVP_DigestInit_ex2(ctx, md, nullptr) != 1 ||
        EVP_DigestUpdate(ctx, bytes.data(), bytes.size()) != 1 ||
        EVP_DigestFinal_ex(ctx, out.data(), &size) != 1 || size != N) {
        throw std::runtime_error("OpenSSL digest failed");
    }
    return out;
}

std::uint64_t first_u64(const std::array<unsigned char, 32>& hash) {
    std::uint64_t value = 0;
    for (int i = 0; i < 8; ++i) value = (value << 8) | hash[i];
    return value;
}

// The 91 printable ASCII characters Anki uses for GUIDs (anki/utils.py, genanki).
constexpr std::string_view kBase91 =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~";

// Fetched once: EVP_sha1() and EVP_sha256() make OpenSSL 3 look the algorithm up again on
// every digest (a locked provider query), which cost more than hashing a short key.
const EVP_MD* fetched(const char* name) {
    const EVP_MD* md = EVP_MD_fetch(nullptr, name, nullptr);
    if (!md) throw std::runtime_error(std::string("OpenSSL has no ") + name);
    return md;
}

}  // namespace

std::array<unsigned char, 32> sha256(std::string_view bytes) {
    static const EVP_MD* const md = fetched("SHA256");
    return digest<32>(md, bytes);
}

std::array<unsigned char, 20> sha1(std::string_view bytes) {
    static const EVP_MD* const md = fetched("SHA1");
    return digest<20>(md, bytes);
}

std::string hex(const unsigned char* bytes, std::size_t size) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(size * 2);
    for (std::size_t i = 0; i < size; ++i) {
        out += digits[bytes[i] >> 4];
        out += digits[bytes[i] & 0xf];
    }
    return out;
}

std::string sha1_hex(std::string_view bytes) {
    auto hash = sha1(bytes);
    return hex(hash.data(), hash.size());
}

std::string base91(std::uint64_t value) {
    static_assert(kBase91.size() == 91);
    std::string out;
    do {
        out.insert(out.begin(), kBase91[value % 91]);
        value /= 91;
    } while (value > 0);
    return out;
}

std::string derive_guid(std::string_view deck, std::string_view note_type,
                        std::string_view first_field) {
    std::string key = "deckport-guid\x1f";
    key.append(deck).append("\x1f").append(note_type).append("\x1f").append(first_field);
    return base91(first_u64(sha256(key)));
}

std::int64_t derive_id(std::string_view kind, std::string_view key) {
    std::string input = "deckport-";
    input.append(kind).append("\x1f").append(key);
    constexpr std::uint64_t low = 1'000'000'000'000ull;
    constexpr std::uint64_t high = 1ull << 53;
    return static_cast<std::int64_t>(low + first_u64(sha256(input)) % (high - low));
}

}  // namespace deckport
