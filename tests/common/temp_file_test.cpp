#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "common/temp_file.hpp"
#include "common/zip_archive.hpp"

using namespace deckport;

TEST(TempFile, HoldsWhatIsAppendedAndIsRemovedAfterwards) {
    std::string path;
    {
        std::unique_ptr<TempFile> file = TempFile::create("test");
        ASSERT_NE(file, nullptr);
        path = file->path();
        EXPECT_TRUE(std::filesystem::exists(path));
        EXPECT_NE(path.find("deckport-test-"), std::string::npos);
        EXPECT_TRUE(file->append("first "));
        EXPECT_TRUE(file->append(std::string(100'000, 'x')));
        EXPECT_EQ(file->size(), 100'006u);
        EXPECT_EQ(file->contents(), "first " + std::string(100'000, 'x'));
    }
    EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(Zip, ReadsAMemberInPiecesThatMakeTheWhole) {
    std::string member(300'000, '\0');
    for (std::size_t i = 0; i < member.size(); ++i) member[i] = static_cast<char>(i * 7 % 251);
    ZipWriter writer;
    writer.add("big", member);
    std::string bytes = writer.finish();
    ZipReader reader(bytes, "t.zip", "ZIP");
    std::string joined;
    int pieces = 0;
    EXPECT_TRUE(reader.read_to("big", [&](std::string_view piece) {
        joined.append(piece);
        ++pieces;
    }));
    EXPECT_EQ(joined, member);
    EXPECT_GT(pieces, 1);
    EXPECT_FALSE(reader.read_to("missing", [](std::string_view) { FAIL(); }));
}
