// UTF-8 validation: the eight-bytes-at-a-time ASCII path agrees with decoding every sequence.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "common/utf8.hpp"

using namespace deckport;

namespace {

// Valid when every sequence from the start decodes (the definition, without the ASCII path).
bool valid_by_sequences(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t length = utf8::sequence_length(text, pos);
        if (length == 0) return false;
        pos += length;
    }
    return true;
}

}  // namespace

TEST(Utf8, InvalidBytesAreFoundOnEitherSideOfEightByteWords) {
    for (std::size_t size = 1; size <= 24; ++size) {
        for (std::size_t at = 0; at < size; ++at) {
            for (std::string bad :
                 {std::string("\xFF"), std::string("\xC3"), std::string("\xED\xA0\x80"),
                  std::string("\xC0\xAF"), std::string("\xF4\x90\x80\x80")}) {
                std::string text(size, 'a');
                text.replace(at, 1, bad);
                EXPECT_FALSE(utf8::is_valid(text)) << size << " " << at;
            }
            std::string good(size, 'a');
            good.replace(at, 1, "\xC3\xA9");
            EXPECT_TRUE(utf8::is_valid(good)) << size << " " << at;
        }
    }
}

TEST(Utf8, AgreesWithDecodingOnRandomText) {
    std::uint32_t seed = 12345;
    for (int round = 0; round < 20000; ++round) {
        std::string text;
        std::size_t size = round % 40;
        for (std::size_t i = 0; i < size; ++i) {
            seed = seed * 1664525u + 1013904223u;
            // Mostly ASCII, some multi-byte lead and continuation bytes, now and then anything.
            std::uint32_t pick = seed >> 24;
            text += pick < 200   ? static_cast<char>('a' + pick % 26)
                    : pick < 230 ? static_cast<char>(0x80 + pick % 64)
                    : pick < 250 ? static_cast<char>(0xC2 + pick % 51)
                                 : static_cast<char>(pick);
        }
        EXPECT_EQ(utf8::is_valid(text), valid_by_sequences(text)) << text;
    }
}
