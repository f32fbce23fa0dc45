// The reader survives damaged input: every truncation and many byte changes of a real document
// end in diagnostics or an InputError, never a crash (run under ASan+UBSan by
// DECKPORT_SANITIZE=1 scripts/test).
#include <gtest/gtest.h>

#include "deckport/error.hpp"
#include "sample_collection.hpp"
#include "test_support.hpp"

using namespace deckport;
using namespace deckport::test;

namespace {

// Reads `text`; true when that ended in an orderly way.
bool reads_or_refuses(const std::string& text) {
    Diagnostics diagnostics;
    try {
        read_json(text, diagnostics);
        Input input = input_from_memory("m.json", text);
        json_deck_format().reader->probe(input);
        return true;
    } catch (const InputError&) {
        return true;
    }
}

}  // namespace

TEST(JsonMutations, EveryTruncationIsHandled) {
    Collection small = sample_collection();
    small.media.resize(1);
    std::string text = write_json(small);
    for (std::size_t size = 0; size < text.size(); size += 7) {
        ASSERT_TRUE(reads_or_refuses(text.substr(0, size))) << size;
    }
}

TEST(JsonMutations, ByteChangesAreHandled) {
    std::string text = write_json(sample_collection());
    const std::string replacements[] = {"\"",    "{",    "[",    "]",    "}",
                                        ",",     ":",    "\\",   "0",    "-1",
                                        "1e999", "null", "\xff", "\x01", "\"x\":1,"};
    std::uint32_t state = 12345;  // a fixed sequence: the test is the same on every run
    for (int i = 0; i < 1500; ++i) {
        state = state * 1664525u + 1013904223u;
        std::size_t at = state % text.size();
        const std::string& with = replacements[(state >> 16) % std::size(replacements)];
        std::string mutated = text;
        mutated.replace(at, 1, with);
        ASSERT_TRUE(reads_or_refuses(mutated)) << "at " << at << " with " << with;
    }
}
