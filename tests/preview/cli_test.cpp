// deckport preview as a user runs it: the page for the reference deck, the outputs it refuses,
// linked media, bad input.
#include <cstdlib>
#include <filesystem>

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace deckport {
namespace {

namespace fs = std::filesystem;

// Every reference the page makes points into the page: data: URIs or fragments. The one
// exception is <a href> in card content, which is navigation, not a fetch.
std::vector<std::string> outside_references(const std::string& html) {
    std::vector<std::string> found;
    for (std::string attr : {" src=\"", " href=\"", "url(", " poster=\"", " srcset=\""}) {
        for (std::size_t at = html.find(attr); at != std::string::npos;
             at = html.find(attr, at + 1)) {
            std::size_t start = at + attr.size();
            std::string value = html.substr(start, 40);
            if (attr == "url(" && (value[0] == '"' || value[0] == '\'')) value = value.substr(1);
            // `url()` with nothing in it fetches nothing (a diagnostic's text names the syntax).
            bool inside = value.rfind("data:", 0) == 0 || value.rfind("#", 0) == 0 ||
                          value.rfind("javascript:", 0) == 0 || value.rfind(")", 0) == 0;
            if (attr == " href=\"") {
                std::size_t tag = html.rfind('<', at);
                if (html.compare(tag, 3, "<a ") == 0) continue;
            }
            if (!inside) found.push_back(attr + value);
        }
    }
    return found;
}

class PreviewCli : public testing::Test {
  protected:
    void SetUp() override { setenv("DECKPORT_JAVASCRIPT_DIR", js_.path().c_str(), 1); }
    void TearDown() override { unsetenv("DECKPORT_JAVASCRIPT_DIR"); }
    test::TempDir js_;  // empty: no MathJax, no highlight.js (the browser tests use them)
    test::TempDir out_;
};

TEST_F(PreviewCli, WritesOnePageWithEveryCardOfTheReferenceDeck) {
    fs::path page = out_ / "preview.html";
    auto result = test::run_cli({"preview", "decks/rust-concurrency.md", "-o", page.string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    std::string html = test::read_text(page);
    EXPECT_EQ(test::count_occurrences(html, "<article class=\"dp-card\""), 5u);
    EXPECT_NE(result.err.find("wrote " + page.string() +
                              ": 5 cards of 5 notes from 1 deck, 0 problems shown"),
              std::string::npos)
        << result.err;
    EXPECT_NE(html.find("What is a <code>Mutex</code>?"), std::string::npos);
    EXPECT_EQ(outside_references(html), std::vector<std::string>{});
}

TEST_F(PreviewCli, SeveralDecksAndFoldersMakeOnePage) {
    fs::path page = out_ / "all.html";
    auto result = test::run_cli({"preview", "decks", "-o", page.string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    std::string html = test::read_text(page);
    std::size_t decks = 0;
    for (const auto& entry : fs::directory_iterator(test::source_dir() / "decks")) {
        if (entry.path().extension() == ".md") ++decks;
    }
    EXPECT_NE(result.err.find("from " + std::to_string(decks) + " decks"), std::string::npos)
        << result.err;
    // Without MathJax installed the page says so, and the math stays readable TeX.
    EXPECT_NE(result.err.find("[PREVIEW001]"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("[PREVIEW002]"), std::string::npos) << result.err;
    EXPECT_NE(html.find("data-mathjax=\"missing\""), std::string::npos);
    EXPECT_NE(html.find("<span class=\"cloze\" data-cloze="), std::string::npos);
    EXPECT_EQ(outside_references(html), std::vector<std::string>{});
}

TEST_F(PreviewCli, RefusesToReplaceAPageOrAnInput) {
    fs::path page = out_ / "p.html";
    test::write_text(page, "mine");
    auto result = test::run_cli({"preview", "decks/rust-concurrency.md", "-o", page.string()});
    EXPECT_EQ(result.exit_code, 4) << result.err;
    EXPECT_EQ(test::read_text(page), "mine");
    EXPECT_EQ(
        test::run_cli({"preview", "decks/rust-concurrency.md", "-o", page.string(), "--force"})
            .exit_code,
        0);
    fs::path deck = out_ / "deck.md";
    fs::copy_file(test::source_dir() / "decks" / "rust-concurrency.md", deck);
    result = test::run_cli({"preview", deck.string(), "-o", deck.string(), "--force"});
    EXPECT_EQ(result.exit_code, 2) << result.err;
    EXPECT_EQ(test::read_text(deck),
              test::read_text(test::source_dir() / "decks" / "rust-concurrency.md"));
}

TEST_F(PreviewCli, UsageErrors) {
    auto no_output = test::run_cli({"preview", "decks/rust-concurrency.md"});
    EXPECT_EQ(no_output.exit_code, 2);
    EXPECT_NE(no_output.err.find("no output given"), std::string::npos) << no_output.err;
    auto port_alone =
        test::run_cli({"preview", "decks/rust-concurrency.md", "-o", "x.html", "--port", "80"});
    EXPECT_EQ(port_alone.exit_code, 2) << port_alone.err;
    auto serve_and_output =
        test::run_cli({"preview", "decks/rust-concurrency.md", "--serve", "-o", "x.html"});
    EXPECT_EQ(serve_and_output.exit_code, 2);
    EXPECT_NE(serve_and_output.err.find("--serve shows the page in a browser: leave out -o"),
              std::string::npos);
    auto link_stdout =
        test::run_cli({"preview", "decks/rust-concurrency.md", "--link-media", "-o", "-"});
    EXPECT_EQ(link_stdout.exit_code, 2);
}

TEST_F(PreviewCli, ABrokenDeckIsAnErrorAndNoPage) {
    fs::path deck = out_ / "broken.md";
    test::write_text(deck, "---\nFlashcard Deck: x\n---\n\nQ?\n\n---\n```rust\nfn main() {\n");
    fs::path page = out_ / "p.html";
    auto result = test::run_cli({"preview", deck.string(), "-o", page.string()});
    EXPECT_EQ(result.exit_code, 1) << result.err;
    EXPECT_NE(result.err.find(deck.string() + ":"), std::string::npos) << result.err;
    EXPECT_FALSE(fs::exists(page));
    auto missing = test::run_cli({"preview", (out_ / "nope.md").string(), "-o", page.string()});
    EXPECT_EQ(missing.exit_code, 3) << missing.err;
    EXPECT_FALSE(fs::exists(page));
}

TEST_F(PreviewCli, LinkedMediaGoNextToThePage) {
    fs::path page = out_ / "p.html";
    auto result =
        test::run_cli({"preview", "decks/pictures.md", "--link-media", "-o", page.string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    std::string html = test::read_text(page);
    EXPECT_NE(html.find("<img src=\"p.media/"), std::string::npos);
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(out_ / "p.media"))
        files.push_back(entry.path());
    ASSERT_FALSE(files.empty());
    for (const fs::path& file : files) {
        EXPECT_NE(html.find("src=\"p.media/" + file.filename().string() + "\""), std::string::npos)
            << file;
    }
    EXPECT_EQ(html.find("src=\"data:image"), std::string::npos);
}

TEST_F(PreviewCli, StdinGivesTheDeck) {
    auto result =
        test::run_cli({"preview", "-", "--from", "md", "-o", "-"},
                      test::read_text(test::source_dir() / "decks" / "rust-concurrency.md"));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(test::count_occurrences(result.out, "<article class=\"dp-card\""), 5u);
    EXPECT_NE(result.out.find("<title>&lt;stdin&gt; — deckport preview</title>"),
              std::string::npos);
}

TEST_F(PreviewCli, StdoutGetsThePage) {
    auto result = test::run_cli({"preview", "decks/rust-concurrency.md", "-o", "-"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.out.rfind("<!doctype html>", 0), 0u);
    EXPECT_EQ(test::count_occurrences(result.out, "<article class=\"dp-card\""), 5u);
}

TEST_F(PreviewCli, AnkiPackagesWithTheirOwnTemplates) {
    DECKPORT_REQUIRE_FIXTURES();
    fs::path page = out_ / "anki.html";
    fs::path apkg = test::fixtures_dir() / "anki" / "ankidroid" / "templates.apkg";
    auto result = test::run_cli({"preview", apkg.string(), "-o", page.string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    std::string html = test::read_text(page);
    EXPECT_EQ(test::count_occurrences(html, "<article class=\"dp-card\""),
              146u);  // the package's own cards
    // Its note types' templates, errors included, as Anki shows them.
    EXPECT_NE(html.find("Found '{{/z}}', but expected '{{/Picture}}'"), std::string::npos);
    // Modern Anki reads the <% %> delimiters only at the very start of a template.
    EXPECT_NE(html.find("Found '{{=&lt;% %&gt;=}}', but there is no field called '=&lt;% %&gt;='"),
              std::string::npos);
    EXPECT_NE(html.find("Hint card"), std::string::npos);
    // Media the package lacks are marked, not fetched.
    EXPECT_NE(html.find("data-deckport-missing=\"Rhomboid major-OriginInsertion.jpg\""),
              std::string::npos);
    EXPECT_EQ(outside_references(html), std::vector<std::string>{});
}

}  // namespace
}  // namespace deckport
