// The media root: what a reference may read, and the hostile paths it refuses.
#include <gtest/gtest.h>

#include <filesystem>

#include "deckport/media_root.hpp"
#include "test_support.hpp"

using namespace deckport;
using deckport::test::TempDir;
using deckport::test::write_text;
namespace fs = std::filesystem;

namespace {

// deck/ (the deck's folder) with deck.md, red.png, img/blue dot.png and deck.media/flat.png;
// outside/secret.txt next to it.
struct Layout {
    TempDir temp;
    fs::path deck = temp / "deck";
    fs::path outside = temp / "outside";
    Layout() {
        write_text(deck / "deck.md", "Q\n---\nA\n");
        write_text(deck / "red.png", "red");
        write_text(deck / "img" / "blue dot.png", "blue");
        write_text(deck / "deck.media" / "flat.png", "flat");
        write_text(outside / "secret.txt", "secret");
    }
    MediaRoot root(const fs::path& root_option = {}) const {
        return MediaRoot::for_deck(deck, "deck.media", root_option);
    }
};

MediaLookup::Outcome outcome(const MediaRoot& root, std::string_view target) {
    return root.resolve(target).outcome;
}

}  // namespace

TEST(MediaRoot, FindsFilesBesideTheDeckThenInItsMediaFolder) {
    Layout l;
    MediaRoot root = l.root();
    MediaLookup red = root.resolve("red.png");
    ASSERT_EQ(red.outcome, MediaLookup::Outcome::found);
    EXPECT_EQ(red.name, "red.png");
    EXPECT_EQ(red.path, fs::canonical(l.deck / "red.png"));
    EXPECT_EQ(red.size, 3u);
    MediaLookup blue = root.resolve("./img/blue%20dot.png");
    ASSERT_EQ(blue.outcome, MediaLookup::Outcome::found);
    EXPECT_EQ(blue.name, "img/blue dot.png");
    MediaLookup flat = root.resolve("flat.png");
    ASSERT_EQ(flat.outcome, MediaLookup::Outcome::found);
    EXPECT_EQ(flat.name, "flat.png");
    EXPECT_EQ(flat.path, fs::canonical(l.deck / "deck.media" / "flat.png"));
}

TEST(MediaRoot, MissingFilesSayWhereTheyWereLookedFor) {
    Layout l;
    MediaLookup missing = l.root().resolve("gone.png");
    ASSERT_EQ(missing.outcome, MediaLookup::Outcome::missing);
    EXPECT_EQ(missing.problem, "does not exist");
    ASSERT_EQ(missing.tried.size(), 2u);
    EXPECT_EQ(missing.tried[0], fs::canonical(l.deck) / "gone.png");
    EXPECT_EQ(missing.tried[1], fs::canonical(l.deck) / "deck.media" / "gone.png");
}

TEST(MediaRoot, RefusesAbsoluteAndEscapingPaths) {
    Layout l;
    MediaRoot root = l.root();
    std::string absolute = (l.outside / "secret.txt").string();
    MediaLookup abs = root.resolve(absolute);
    EXPECT_EQ(abs.outcome, MediaLookup::Outcome::refused);
    EXPECT_EQ(abs.refusal, MediaRefusal::absolute);
    EXPECT_TRUE(abs.tried.empty()) << "nothing is looked at on disk";
    for (const char* escaping : {"../outside/secret.txt", "img/../../outside/secret.txt",
                                 "..%2foutside%2fsecret.txt", "%2E%2E/outside/secret.txt"}) {
        MediaLookup lookup = root.resolve(escaping);
        EXPECT_EQ(lookup.outcome, MediaLookup::Outcome::refused) << escaping;
        EXPECT_EQ(lookup.refusal, MediaRefusal::escapes) << escaping;
    }
    EXPECT_EQ(root.resolve("C:/Windows/win.ini").refusal, MediaRefusal::absolute);
    EXPECT_EQ(root.resolve("img\\blue dot.png").refusal, MediaRefusal::unsafe_name);
    EXPECT_EQ(root.resolve(std::string("a\0b", 3)).refusal, MediaRefusal::unsafe_name);
    // `..` that stays inside is a path like any other.
    EXPECT_EQ(outcome(root, "img/../red.png"), MediaLookup::Outcome::found);
}

TEST(MediaRoot, SymbolicLinksMayNotLeadOut) {
    Layout l;
    fs::create_symlink(l.outside / "secret.txt", l.deck / "link.png");
    fs::create_directory_symlink(l.outside, l.deck / "linked-folder");
    fs::create_symlink(l.deck / "red.png", l.deck / "inside.png");
    MediaRoot root = l.root();
    MediaLookup out = root.resolve("link.png");
    EXPECT_EQ(out.outcome, MediaLookup::Outcome::refused);
    EXPECT_EQ(out.refusal, MediaRefusal::symlink_escapes);
    EXPECT_EQ(root.resolve("linked-folder/secret.txt").refusal, MediaRefusal::symlink_escapes);
    MediaLookup in = root.resolve("inside.png");
    ASSERT_EQ(in.outcome, MediaLookup::Outcome::found);
    EXPECT_EQ(in.path, fs::canonical(l.deck / "red.png"));
}

TEST(MediaRoot, LoopsFoldersAndSizesAreMissingNotRead) {
    Layout l;
    fs::create_symlink(l.deck / "loop-b.png", l.deck / "loop-a.png");
    fs::create_symlink(l.deck / "loop-a.png", l.deck / "loop-b.png");
    fs::create_directories(l.deck / "folder.png");
    MediaRoot root = l.root();
    MediaLookup loop = root.resolve("loop-a.png");
    EXPECT_EQ(loop.outcome, MediaLookup::Outcome::missing);
    EXPECT_EQ(loop.problem, "is a symbolic link loop");
    MediaLookup folder = root.resolve("folder.png");
    EXPECT_EQ(folder.outcome, MediaLookup::Outcome::missing);
    EXPECT_EQ(folder.problem, "is a folder, not a file");
    MediaRoot small = MediaRoot::for_deck(l.deck, "", {}, 2);
    EXPECT_EQ(small.resolve("red.png").problem, "is larger than the limit of 2 bytes");
}

TEST(MediaRoot, MediaRootOptionWidensIt) {
    Layout l;
    EXPECT_EQ(outcome(l.root(), "../outside/secret.txt"), MediaLookup::Outcome::refused);
    MediaRoot wide = l.root(l.temp.path());
    EXPECT_TRUE(wide.deck_inside_root());
    MediaLookup found = wide.resolve("../outside/secret.txt");
    ASSERT_EQ(found.outcome, MediaLookup::Outcome::found);
    EXPECT_EQ(found.name, "../outside/secret.txt");
    EXPECT_EQ(wide.resolve("../../x").refusal, MediaRefusal::escapes);
    EXPECT_FALSE(l.root(l.outside).deck_inside_root());
}

TEST(MediaRoot, ASymlinkedDeckFileKeepsTheFolderItIsGivenIn) {
    Layout l;
    // elsewhere/deck.md -> deck/deck.md: media resolve in elsewhere/, not in deck/.
    fs::create_directories(l.temp / "elsewhere");
    fs::create_symlink(l.deck / "deck.md", l.temp / "elsewhere" / "deck.md");
    fs::path given = l.temp / "elsewhere" / "deck.md";
    MediaRoot root = MediaRoot::for_deck(given.parent_path(), "deck.media", {});
    EXPECT_EQ(outcome(root, "red.png"), MediaLookup::Outcome::missing);
    EXPECT_EQ(outcome(root, "../deck/red.png"), MediaLookup::Outcome::refused);
}

TEST(MediaFolderName, StemWithoutTheFormatsExtension) {
    EXPECT_EQ(media_folder_name("out/deck.md", {".md", ".markdown"}), "deck.media");
    EXPECT_EQ(media_folder_name("Deck.Quizlet.TXT", {".quizlet.txt"}), "Deck.media");
    EXPECT_EQ(media_folder_name("collection.anki2", {".apkg", ".anki2"}), "collection.media");
    EXPECT_EQ(media_folder_name("notes.v2.csv", {".csv"}), "notes.v2.media");
    EXPECT_EQ(media_folder_name("README", {".md"}), "README.media");
}
