// --files-from lists: one path per line, or NUL-separated as `find -print0` writes them.
#include <gtest/gtest.h>

#include "deckport/deck_files.hpp"

using deckport::split_file_list;
using Paths = std::vector<std::string>;

TEST(FileList, OnePathPerLine) {
    EXPECT_EQ(split_file_list("a.md\nsub/b.md\n"), (Paths{"a.md", "sub/b.md"}));
    EXPECT_EQ(split_file_list("a.md\r\nb.md"), (Paths{"a.md", "b.md"}));  // CRLF, no final newline
    EXPECT_EQ(split_file_list("\n\na.md\n\n"), (Paths{"a.md"}));          // blank lines skipped
    EXPECT_EQ(split_file_list(" spaced name.md \n"), (Paths{" spaced name.md "}));  // not trimmed
    EXPECT_EQ(split_file_list(""), Paths{});
}

TEST(FileList, NulSeparatedWhenTheListHoldsANul) {
    using namespace std::string_literals;
    EXPECT_EQ(split_file_list("a.md\0line\nbreak.md\0"s), (Paths{"a.md", "line\nbreak.md"}));
    EXPECT_EQ(split_file_list("a\r\0\0b"s), (Paths{"a\r", "b"}));  // nothing dropped but empties
}
