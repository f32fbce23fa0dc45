// Media through the CLI: confinement to the media root (issue 10.2), check passes => convert
// succeeds (11.2), missing media (11.3), media out and back (11.4), JSON media=list (12.9).
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <map>

#include <nlohmann/json.hpp>

#include "deckport/identity.hpp"
#include "test_support.hpp"

using deckport::test::fixtures_dir;
using deckport::test::read_text;
using deckport::test::run_cli;
using deckport::test::source_dir;
using deckport::test::TempDir;
using deckport::test::write_text;
namespace fs = std::filesystem;

namespace {

constexpr const char* kSecret = "TOPSECRET-bytes-that-must-stay-out";
const std::string kPng = std::string("\x89PNG\r\n\x1a\n", 8) + "red pixel";
const std::string kMp3 = "ID3\x03 hello sound";

std::string deck_text(const std::string& question, const std::string& answer) {
    return "---\nFlashcard Deck: Media\n---\n\n" + question + "\n\n---\n\n" + answer + "\n";
}

// {name: sha1} of a package's media and the references nobody can resolve, read by Python's
// zipfile and sqlite3 (tests/media/apkg_media.py).
nlohmann::json package_media(const fs::path& package) {
    TempDir dir;
    fs::path out = dir / "media.json";
    std::string command = "python3 '" + (source_dir() / "tests/media/apkg_media.py").string() +
                          "' '" + package.string() + "' > '" + out.string() + "' 2>&1";
    int status = std::system(command.c_str());
    std::string text = read_text(out);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << text;
    return nlohmann::json::parse(text, nullptr, false);
}

std::map<std::string, std::string> folder_sha1s(const fs::path& dir) {
    std::map<std::string, std::string> out;
    if (!fs::is_directory(dir)) return out;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        out[fs::relative(entry.path(), dir).generic_string()] =
            deckport::sha1_hex(read_text(entry.path()));
    }
    return out;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// A temp folder with deck/ and, beside it, outside/secret.txt.
struct Hostile {
    TempDir temp;
    fs::path deck = temp / "deck";
    fs::path secret = temp / "outside" / "secret.txt";
    Hostile() {
        write_text(secret, kSecret);
        fs::create_directories(deck);
    }
};

}  // namespace

// Issue 10.2: `![p](/abs)`, `![x](../..)` and links out of the folder are refused by convert
// (nothing written, the bytes nowhere) and reported by check with the same code and place.
TEST(MediaConfinement, EscapingMarkdownImagesAreErrorsInConvertAndCheck) {
    Hostile h;
    fs::create_symlink(h.secret, h.deck / "link.png");
    struct Case {
        std::string image;
        std::string message;
    } cases[] = {
        {"![p](" + h.secret.string() + ")", "is an absolute path"},
        {"![x](../outside/secret.txt)", "leaves the media root"},
        {"![x](..%2foutside%2fsecret.txt)", "leaves the media root"},
        {"![l](link.png)", "is a symbolic link that leads out of the media root"},
        {"<img src=\"../outside/secret.txt\">", "leaves the media root"},
        {"[sound:../outside/secret.txt]", "leaves the media root"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.image);
        fs::path deck = h.deck / "deck.md";
        write_text(deck, deck_text("Where?", "Here: " + c.image));
        std::string where = deck.string() + ":9:";
        for (const char* to : {"x.apkg", "x.json"}) {
            fs::path out = h.temp / to;
            auto result = run_cli({"convert", deck.string(), "-o", out.string()});
            EXPECT_EQ(result.exit_code, 1) << result.err;
            EXPECT_TRUE(contains(result.err, where)) << result.err;
            EXPECT_TRUE(contains(result.err, c.message)) << result.err;
            EXPECT_TRUE(contains(result.err, ": it is not read (media root: ")) << result.err;
            EXPECT_TRUE(contains(result.err, ") [MEDIA002]")) << result.err;
            EXPECT_FALSE(fs::exists(out));
        }
        auto to_stdout = run_cli({"convert", deck.string(), "--to", "json", "-o", "-"});
        EXPECT_EQ(to_stdout.exit_code, 1);
        EXPECT_FALSE(contains(to_stdout.out, kSecret));
        EXPECT_FALSE(contains(to_stdout.out, deckport::sha1_hex(kSecret)));
        auto check = run_cli({"check", deck.string(), "--format", "json"});
        EXPECT_EQ(check.exit_code, 5);
        EXPECT_TRUE(contains(check.out, R"("code":"MEDIA002")")) << check.out;
        EXPECT_TRUE(contains(check.out, R"("line":9)")) << check.out;
    }
}

TEST(MediaConfinement, ReportedAtTheReferencesLineAndColumn) {
    Hostile h;
    fs::path deck = h.deck / "deck.md";
    write_text(deck, deck_text("Where?", "Here:  ![x](../outside/secret.txt)"));
    auto result = run_cli({"convert", deck.string(), "--to", "json", "-o", "-"}, {}, h.deck);
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_TRUE(contains(result.err,
                         "deck.md:9:13: error: image '../outside/secret.txt' leaves the media "
                         "root"))
        << result.err;
}

// Issue 12 item 8: on a line with CJK text the column counts code points, like every reader's,
// and the caret sits under the path on a terminal (a CJK character is two cells wide).
TEST(MediaConfinement, ColumnsCountCodePointsAndTheCaretFollowsDisplayWidth) {
    Hostile h;
    fs::path deck = h.deck / "deck.md";
    write_text(deck, deck_text("Where?", "\xE6\xBC\xA2\xE5\xAD\x97 ![x](../outside/secret.txt)"));
    auto result = run_cli({"check", "deck.md"}, {}, h.deck);
    EXPECT_EQ(result.exit_code, 5);  // check found an error
    EXPECT_TRUE(contains(result.out, "deck.md:9:9: error: image '../outside/secret.txt'"))
        << result.out;
    EXPECT_TRUE(contains(result.out, "\n   |           ^\n")) << result.out;
}

TEST(MediaConfinement, MediaRootWidensTheFolder) {
    Hostile h;
    fs::path deck = h.deck / "deck.md";
    write_text(deck, deck_text("Where?", "![x](../outside/secret.txt)"));
    fs::path out = h.temp / "x.apkg";
    auto refused = run_cli({"convert", deck.string(), "-o", out.string()});
    EXPECT_EQ(refused.exit_code, 1);
    auto widened =
        run_cli({"convert", deck.string(), "-o", out.string(), "--media-root", h.temp.path()});
    ASSERT_EQ(widened.exit_code, 0) << widened.err;
    nlohmann::json media = package_media(out);
    EXPECT_EQ(media["media"]["secret.txt"], deckport::sha1_hex(kSecret));
    auto outside_root = run_cli({"convert", deck.string(), "-o", (h.temp / "y.apkg").string(),
                                 "--media-root", (h.temp / "outside").string()});
    EXPECT_EQ(outside_root.exit_code, 1);
    EXPECT_TRUE(contains(outside_root.err, "the deck's folder is outside the media root"))
        << outside_root.err;
}

TEST(MediaConfinement, EveryFormatsMediaStayInTheRoot) {
    Hostile h;
    fs::create_symlink(h.secret, h.deck / "link.png");
    std::vector<std::string> targets = {h.secret.string(), "../outside/secret.txt",
                                        "..%2foutside%2fsecret.txt", "link.png"};
    std::vector<std::string> inputs;
    for (std::size_t i = 0; i < targets.size(); ++i) {
        std::string n = std::to_string(i);
        // CSV: a field with <img src>.
        write_text(h.deck / ("notes" + n + ".csv"),
                   "#separator:comma\n#html:true\nQ,\"<img src=\"\"" + targets[i] + "\"\">\"\n");
        // Quizlet: a [sound:].
        write_text(h.deck / ("set" + n + ".quizlet.txt"), "term\t[sound:" + targets[i] + "]\n");
        // JSON media=list: an entry without data.
        write_text(h.deck / ("list" + n + ".json"),
                   R"({"format": "deckport", "version": "1.0", "media": [{"name": ")" + targets[i] +
                       R"("}]})");
        for (const char* kind : {"notes", "set", "list"}) {
            std::string ext = std::string(kind) == "notes" ? ".csv"
                              : std::string(kind) == "set" ? ".quizlet.txt"
                                                           : ".json";
            inputs.push_back(kind + n + ext);
        }
    }
    // CrowdAnki: a link in media/ that leads out.
    write_text(h.temp / "plain.md", deck_text("Q", "A"));
    ASSERT_EQ(run_cli({"convert", (h.temp / "plain.md").string(), "--to", "crowdanki", "-o",
                       (h.deck / "crowd").string()})
                  .exit_code,
              0);
    fs::create_directories(h.deck / "crowd" / "media");
    fs::create_symlink(h.secret, h.deck / "crowd" / "media" / "secret.png");
    inputs.push_back("crowd");
    for (const std::string& input : inputs) {
        SCOPED_TRACE(input);
        auto result = run_cli({"convert", (h.deck / input).string(), "--to", "json", "-o", "-"});
        EXPECT_EQ(result.exit_code, 1) << result.err;
        EXPECT_TRUE(contains(result.err, "[MEDIA002]")) << result.err;
        EXPECT_FALSE(contains(result.out, kSecret));
        auto check = run_cli({"check", (h.deck / input).string()});
        EXPECT_EQ(check.exit_code, 5) << check.out;
        EXPECT_TRUE(contains(check.out, "[MEDIA002]")) << check.out;
    }
}

TEST(MediaConfinement, LoopsAndFoldersNamedLikeFilesAreMissingNotRead) {
    Hostile h;
    fs::create_symlink(h.deck / "b.png", h.deck / "a.png");
    fs::create_symlink(h.deck / "a.png", h.deck / "b.png");
    fs::create_directories(h.deck / "folder.png");
    fs::path deck = h.deck / "deck.md";
    write_text(deck, deck_text("![l](a.png)", "![f](folder.png)"));
    fs::path out = h.temp / "x.apkg";
    auto result = run_cli({"convert", deck.string(), "-o", out.string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_TRUE(contains(result.err, "deck.md:5:6: warning: image 'a.png' is a symbolic link loop"))
        << result.err;
    EXPECT_TRUE(contains(result.err,
                         "deck.md:9:6: warning: image 'folder.png' is a folder, not a "
                         "file"))
        << result.err;
    EXPECT_EQ(package_media(out)["media"], nlohmann::json::object());
}

TEST(MediaOut, ABareCollectionFindsAnkisCollectionMediaFolder) {
    if (!deckport::test::have_fixtures()) GTEST_SKIP() << "fixtures absent: " << fixtures_dir();
    TempDir dir;
    fs::copy_file(fixtures_dir() / "anki" / "ankitects-anki" / "mediacheck.anki2",
                  dir / "collection.anki2");
    write_text(dir / "collection.media" / "normal.jpg", kPng);
    auto result =
        run_cli({"convert", (dir / "collection.anki2").string(), "-o", (dir / "c.apkg").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    nlohmann::json media = package_media(dir / "c.apkg");
    EXPECT_EQ(media["media"]["normal.jpg"], deckport::sha1_hex(kPng));
    EXPECT_FALSE(contains(result.err, "'normal.jpg'")) << result.err;
}

// Issue 11.2: what check passes, convert does; a markdown deck ships audio.
TEST(MediaPackaging, HtmlImagesAndSoundBesideTheDeckArePackaged) {
    TempDir dir;
    write_text(dir / "red.png", kPng);
    write_text(dir / "hello.mp3", kMp3);
    write_text(dir / "deck.md", deck_text("<img src=\"red.png\">", "[sound:hello.mp3]"));
    write_text(dir / "notes.csv",
               "#separator:tab\n#html:true\n<img src=\"red.png\">\t[sound:hello.mp3]\n");
    for (const char* input : {"deck.md", "notes.csv"}) {
        SCOPED_TRACE(input);
        auto check = run_cli({"check", (dir / input).string()});
        EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
        fs::path out = dir / (std::string(input) + ".apkg");
        auto convert = run_cli({"convert", (dir / input).string(), "-o", out.string()});
        ASSERT_EQ(convert.exit_code, 0) << convert.err;
        nlohmann::json media = package_media(out);
        EXPECT_EQ(media["media"]["red.png"], deckport::sha1_hex(kPng));
        EXPECT_EQ(media["media"]["hello.mp3"], deckport::sha1_hex(kMp3));
        EXPECT_EQ(media["missing"], nlohmann::json::array());
    }
}

// Issue 11.3: a missing file is a warning at its place, the package is written; --strict fails.
TEST(MissingMedia, WarningByDefaultErrorWithStrict) {
    TempDir dir;
    fs::path deck = dir / "deck.md";
    write_text(deck, deck_text("Q", "![a](gone.png)"));
    fs::path out = dir / "x.apkg";
    auto result = run_cli({"convert", deck.string(), "-o", out.string()}, {}, dir.path());
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_TRUE(
        contains(result.err, "deck.md:9:6: warning: image 'gone.png' does not exist: looked for "))
        << result.err;
    EXPECT_TRUE(contains(result.err, "[MEDIA001]")) << result.err;
    EXPECT_FALSE(contains(result.err, "APKG202")) << result.err;
    EXPECT_EQ(package_media(out)["missing"], nlohmann::json::array({"gone.png"}));

    fs::path strict_out = dir / "strict.apkg";
    auto strict = run_cli({"convert", deck.string(), "-o", strict_out.string(), "--strict"});
    EXPECT_EQ(strict.exit_code, 1);
    EXPECT_TRUE(contains(strict.err, "error: image 'gone.png' does not exist")) << strict.err;
    EXPECT_FALSE(fs::exists(strict_out));

    auto check = run_cli({"check", deck.string()});
    EXPECT_EQ(check.exit_code, 0) << check.out;
    EXPECT_TRUE(contains(check.out, "warning: image 'gone.png'")) << check.out;
    auto check_strict = run_cli({"check", deck.string(), "--strict"});
    EXPECT_EQ(check_strict.exit_code, 5) << check_strict.out;
    EXPECT_TRUE(contains(check_strict.out, "error: image 'gone.png'")) << check_strict.out;
}

TEST(MissingMedia, AnkiPlainTextExportAndBareCollectionBecomePackages) {
    TempDir dir;
    write_text(dir / "export.txt",
               "#separator:tab\n#html:true\n#notetype column:1\nBasic\t<img src=\"nothere.png\">\t"
               "back [sound:nothere.mp3]\n");
    auto text =
        run_cli({"convert", (dir / "export.txt").string(), "-o", (dir / "t.apkg").string()});
    EXPECT_EQ(text.exit_code, 0) << text.err;
    EXPECT_TRUE(contains(text.err, "[MEDIA001]")) << text.err;
    EXPECT_TRUE(fs::exists(dir / "t.apkg"));
    if (!deckport::test::have_fixtures()) GTEST_SKIP() << "fixtures absent: " << fixtures_dir();
    fs::path bare = fixtures_dir() / "anki" / "ankitects-anki" / "mediacheck.anki2";
    auto collection = run_cli({"convert", bare.string(), "-o", (dir / "c.apkg").string()});
    EXPECT_EQ(collection.exit_code, 0) << collection.err;
    EXPECT_TRUE(contains(collection.err, "is not in the deck's media (nor at ")) << collection.err;
    nlohmann::json media = package_media(dir / "c.apkg");
    EXPECT_EQ(media["media"], nlohmann::json::object());
    EXPECT_FALSE(media["missing"].empty());
}

// Issue 11.4: media leave Anki beside a text output and come back byte for byte.
TEST(MediaOut, MarkdownWritesTheMediaFolderAndReadsItBack) {
    TempDir dir;
    write_text(dir / "red.png", kPng);
    write_text(dir / "img" / "blue dot.png", "blue");
    write_text(dir / "hello.mp3", kMp3);
    write_text(dir / "deck.md",
               deck_text("![r](red.png) ![b](<img/blue dot.png>)", "[sound:hello.mp3]"));
    ASSERT_EQ(run_cli({"convert", (dir / "deck.md").string(), "-o", (dir / "in.apkg").string()})
                  .exit_code,
              0);
    nlohmann::json before = package_media(dir / "in.apkg");
    ASSERT_EQ(before["media"].size(), 3u);

    fs::path out = dir / "out" / "deck.md";
    auto md = run_cli({"convert", (dir / "in.apkg").string(), "-o", out.string()});
    ASSERT_EQ(md.exit_code, 0) << md.err;
    EXPECT_FALSE(contains(md.err, "MD105")) << md.err;
    auto written = folder_sha1s(dir / "out" / "deck.media");
    EXPECT_EQ(written.size(), 3u);
    for (const auto& [name, sha1] : before["media"].items()) EXPECT_EQ(written[name], sha1) << name;

    fs::path back = dir / "back.apkg";
    auto apkg = run_cli({"convert", out.string(), "-o", back.string()});
    ASSERT_EQ(apkg.exit_code, 0) << apkg.err;
    EXPECT_FALSE(contains(apkg.err, "MEDIA001")) << apkg.err;
    nlohmann::json after = package_media(back);
    EXPECT_EQ(after["media"], before["media"]);
    EXPECT_EQ(after["missing"], nlohmann::json::array());
}

TEST(MediaOut, ExistingFilesNeedForceAndNothingElseIsTouched) {
    TempDir dir;
    write_text(dir / "red.png", kPng);
    write_text(dir / "deck.md", deck_text("![r](red.png)", "A"));
    ASSERT_EQ(run_cli({"convert", (dir / "deck.md").string(), "-o", (dir / "in.apkg").string()})
                  .exit_code,
              0);
    fs::path out = dir / "o" / "deck.md";
    write_text(dir / "o" / "deck.media" / "mine.txt", "keep me");
    write_text(dir / "o" / "deck.media" / "red.png", "different bytes");
    auto refused = run_cli({"convert", (dir / "in.apkg").string(), "-o", out.string()});
    EXPECT_EQ(refused.exit_code, 4) << refused.err;
    EXPECT_FALSE(fs::exists(out)) << "the deck is not written when its media cannot be";
    EXPECT_EQ(read_text(dir / "o" / "deck.media" / "red.png"), "different bytes");

    auto forced = run_cli({"convert", (dir / "in.apkg").string(), "-o", out.string(), "--force"});
    ASSERT_EQ(forced.exit_code, 0) << forced.err;
    EXPECT_EQ(read_text(dir / "o" / "deck.media" / "red.png"), kPng);
    EXPECT_EQ(read_text(dir / "o" / "deck.media" / "mine.txt"), "keep me");

    // Identical files are left alone: a second run without --force needs none for the media.
    auto before = fs::last_write_time(dir / "o" / "deck.media" / "red.png");
    fs::remove(out);
    auto again = run_cli({"convert", (dir / "in.apkg").string(), "-o", out.string()});
    EXPECT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(fs::last_write_time(dir / "o" / "deck.media" / "red.png"), before);
}

TEST(MediaOut, FilesAlreadyBesideTheOutputAreNotCopied) {
    TempDir dir;
    write_text(dir / "red.png", kPng);
    write_text(dir / "deck.md", deck_text("![r](red.png)", "A"));
    auto same_folder =
        run_cli({"convert", (dir / "deck.md").string(), "-o", (dir / "copy.csv").string()});
    ASSERT_EQ(same_folder.exit_code, 0) << same_folder.err;
    EXPECT_FALSE(fs::exists(dir / "copy.media")) << "red.png beside copy.csv is found first";
    auto elsewhere =
        run_cli({"convert", (dir / "deck.md").string(), "-o", (dir / "sub" / "copy.csv").string()});
    ASSERT_EQ(elsewhere.exit_code, 0) << elsewhere.err;
    EXPECT_EQ(read_text(dir / "sub" / "copy.media" / "red.png"), kPng);
}

TEST(MediaOut, NoMediaStdoutAndMediaDir) {
    TempDir dir;
    write_text(dir / "red.png", kPng);
    write_text(dir / "hello.mp3", kMp3);
    write_text(dir / "deck.md", deck_text("![r](red.png)", "[sound:hello.mp3]"));
    fs::path apkg = dir / "in.apkg";
    ASSERT_EQ(run_cli({"convert", (dir / "deck.md").string(), "-o", apkg.string()}).exit_code, 0);

    auto none = run_cli({"convert", apkg.string(), "-o", (dir / "n.csv").string(), "--no-media"});
    ASSERT_EQ(none.exit_code, 0) << none.err;
    EXPECT_TRUE(contains(none.err, "2 media files were not written (--no-media)")) << none.err;
    EXPECT_TRUE(contains(none.err, "[MEDIA003]"));
    EXPECT_FALSE(contains(none.err, "CSV030")) << none.err;
    EXPECT_FALSE(fs::exists(dir / "n.media"));

    auto piped = run_cli({"convert", apkg.string(), "--to", "md", "-o", "-"});
    ASSERT_EQ(piped.exit_code, 0) << piped.err;
    EXPECT_TRUE(contains(piped.err, "2 media files were not written: the output goes to stdout"))
        << piped.err;

    auto chosen = run_cli({"convert", apkg.string(), "--to", "md", "-o", "-", "--media-dir",
                           (dir / "chosen").string()});
    ASSERT_EQ(chosen.exit_code, 0) << chosen.err;
    EXPECT_FALSE(contains(chosen.err, "MEDIA003")) << chosen.err;
    EXPECT_EQ(read_text(dir / "chosen" / "hello.mp3"), kMp3);

    auto both = run_cli({"convert", apkg.string(), "-o", (dir / "b.md").string(), "--no-media",
                         "--media-dir", "x"});
    EXPECT_EQ(both.exit_code, 2);

    // Quizlet drops the references (QZ016) but its media still go beside it, for upload.
    auto quizlet =
        run_cli({"convert", apkg.string(), "-o", (dir / "q" / "set.quizlet.txt").string()});
    ASSERT_EQ(quizlet.exit_code, 0) << quizlet.err;
    EXPECT_EQ(read_text(dir / "q" / "set.media" / "red.png"), kPng);
}

TEST(MediaOut, RealPackagesSurviveMarkdownCsvAndCrowdAnki) {
    if (!deckport::test::have_fixtures()) GTEST_SKIP() << "fixtures absent: " << fixtures_dir();
    TempDir dir;
    std::vector<fs::path> packages = {
        fixtures_dir() / "anki" / "ankitects-anki" / "media.apkg",
        fixtures_dir() / "anki" / "srs-converter" / "mixed-legacy-2.apkg",
        fixtures_dir() / "anki" / "anki-apkg-export" / "output.apkg",
    };
    for (const fs::path& package : packages) {
        nlohmann::json before = package_media(package);
        ASSERT_FALSE(before["media"].empty()) << package;
        for (const char* via : {"md", "csv", "crowdanki"}) {
            SCOPED_TRACE(package.filename().string() + " via " + via);
            fs::path middle = dir / (package.stem().string() + "-" + via) /
                              (std::string("deck") +
                               (std::string(via) == "crowdanki" ? "" : std::string(".") + via));
            auto out = run_cli({"convert", package.string(), "--to", via, "-o", middle.string()});
            ASSERT_EQ(out.exit_code, 0) << out.err;
            fs::path back = middle.parent_path() / "back.apkg";
            std::vector<std::string> args = {"convert", middle.string(), "-o", back.string()};
            if (std::string(via) == "crowdanki") args.insert(args.end(), {"--from", "crowdanki"});
            auto in = run_cli(args);
            ASSERT_EQ(in.exit_code, 0) << in.err;
            nlohmann::json after = package_media(back);
            // Every file that a note refers to comes back with the same bytes under its name.
            for (const auto& name : before["references"]) {
                if (!before["media"].contains(name)) continue;
                EXPECT_EQ(after["media"][name.get<std::string>()],
                          before["media"][name.get<std::string>()])
                    << name;
            }
            EXPECT_EQ(after["missing"], before["missing"]);
        }
    }
}

// Issue 12.9: JSON media=list names with folders are written beside and read back.
TEST(MediaList, NamesWithFoldersReadBack) {
    TempDir dir;
    write_text(dir / "media" / "padlock.png", kPng);
    write_text(dir / "deck.md", deck_text("![lock](media/padlock.png)", "A"));
    fs::path json = dir / "out" / "deck.json";
    auto list =
        run_cli({"convert", (dir / "deck.md").string(), "-o", json.string(), "-O", "media=list"});
    ASSERT_EQ(list.exit_code, 0) << list.err;
    EXPECT_EQ(read_text(dir / "out" / "deck.media" / "media" / "padlock.png"), kPng);
    auto back = run_cli({"convert", json.string(), "--to", "json", "-o", "-"});
    ASSERT_EQ(back.exit_code, 0) << back.err;
    EXPECT_EQ(back.err, "");
    nlohmann::json doc = nlohmann::json::parse(back.out);
    ASSERT_EQ(doc["media"].size(), 1u);
    EXPECT_EQ(doc["media"][0]["name"], "media/padlock.png");
    EXPECT_EQ(doc["media"][0]["sha1"], deckport::sha1_hex(kPng));
}
