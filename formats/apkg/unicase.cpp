#include "apkg/unicase.hpp"

#include <sqlite3.h>
#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

#include "common/utf8.hpp"

namespace deckport::apkg {
namespace {

bool is_ascii(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string ascii_lowered(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), ascii_lower);
    return out;
}

// Full Unicode case folding (CaseFolding.txt C + F), as the unicase crate's lookup table.
std::string case_folded(std::string_view text) {
    if (is_ascii(text) || !utf8::is_valid(text)) return ascii_lowered(text);
    utf8proc_uint8_t* folded = nullptr;
    utf8proc_ssize_t length =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                     static_cast<utf8proc_ssize_t>(text.size()), &folded, UTF8PROC_CASEFOLD);
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(folded, &std::free);
    if (length < 0) return ascii_lowered(text);
    return std::string(reinterpret_cast<const char*>(folded), static_cast<std::size_t>(length));
}

int sign(int value) {
    return (value > 0) - (value < 0);
}

int collate(void*, int a_size, const void* a, int b_size, const void* b) {
    return unicase_compare(
        std::string_view(static_cast<const char*>(a), static_cast<std::size_t>(a_size)),
        std::string_view(static_cast<const char*>(b), static_cast<std::size_t>(b_size)));
}

}  // namespace

int unicase_compare(std::string_view a, std::string_view b) {
    if (is_ascii(a) && is_ascii(b)) {
        std::size_t common = std::min(a.size(), b.size());
        for (std::size_t i = 0; i < common; ++i) {
            char x = ascii_lower(a[i]), y = ascii_lower(b[i]);
            if (x != y)
                return static_cast<unsigned char>(x) < static_cast<unsigned char>(y) ? -1 : 1;
        }
        return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
    }
    // UTF-8 byte order is code point order, so the folded strings compare as the crate's
    // folded character sequences do.
    return sign(case_folded(a).compare(case_folded(b)));
}

std::string unicase_key(std::string_view text) {
    return case_folded(text);
}

void register_unicase_collation(SqliteDb& db) {
    int rc =
        sqlite3_create_collation_v2(db.handle(), "unicase", SQLITE_UTF8, nullptr, collate, nullptr);
    if (rc != SQLITE_OK) {
        throw SqliteError(std::string("cannot register the unicase collation: ") +
                          sqlite3_errstr(rc));
    }
}

}  // namespace deckport::apkg
