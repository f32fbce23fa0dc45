// Real decks from ../shared/fixtures: every field round-trips.
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "deckport/content.hpp"
#include "test_support.hpp"

using namespace deckport;
namespace fs = std::filesystem;

namespace {

void collect_fields(const nlohmann::json& deck, std::vector<std::string>& fields) {
    for (const auto& note : deck.value("notes", nlohmann::json::array()))
        for (const auto& field : note.value("fields", nlohmann::json::array()))
            fields.push_back(field.get<std::string>());
    for (const auto& child : deck.value("children", nlohmann::json::array()))
        collect_fields(child, fields);
}

}  // namespace

// CrowdAnki exports carry note fields as Anki stores them: HTML from Anki's editor.
TEST(ContentFixtures, CrowdAnkiFieldsRoundTripThroughMarkdown) {
    DECKPORT_REQUIRE_FIXTURES();
    std::vector<std::string> fields;
    for (const auto& entry : fs::recursive_directory_iterator(test::fixtures_dir() / "crowdanki")) {
        if (entry.path().filename() != "deck.json") continue;
        collect_fields(nlohmann::json::parse(test::read_text(entry.path())), fields);
    }
    ASSERT_GE(fields.size(), 90u);
    for (const std::string& html : fields) {
        std::string markdown = html_to_markdown(html);
        EXPECT_EQ(normalize_html_for_compare(markdown_to_html(markdown)),
                  normalize_html_for_compare(html))
            << html << "\nmarkdown: " << markdown;
        EXPECT_EQ(html_to_markdown(markdown_to_html(markdown)), markdown) << html;
        EXPECT_EQ(to_text({Markup::markdown, markdown}), html_to_text(html)) << html;
    }
}

TEST(ContentFixtures, CrowdAnkiSampleField) {
    DECKPORT_REQUIRE_FIXTURES();
    const char* html =
        "The year {{c1::46 BC}} is the {{c2::longest}} calendar year (AT&amp;T).<br>";
    EXPECT_EQ(html_to_markdown(html),
              "The year {{c1::46 BC}} is the {{c2::longest}} calendar year (AT&T).<br>");
}

// Markdown decks made by other tools: markdown -> html -> markdown -> html is a fixpoint.
TEST(ContentFixtures, MarkdownDecksAreAFixpoint) {
    DECKPORT_REQUIRE_FIXTURES();
    int files = 0;
    for (const auto& entry : fs::directory_iterator(test::fixtures_dir() / "markdown")) {
        if (entry.path().extension() != ".md") continue;
        ++files;
        std::string html = markdown_to_html(test::read_text(entry.path()));
        std::string markdown = html_to_markdown(html);
        EXPECT_EQ(normalize_html_for_compare(markdown_to_html(markdown)),
                  normalize_html_for_compare(html))
            << entry.path();
        EXPECT_EQ(html_to_markdown(markdown_to_html(markdown)), markdown) << entry.path();
    }
    EXPECT_GE(files, 10);
}

TEST(ContentFixtures, ReferenceDeckRendersItsCards) {
    DECKPORT_REQUIRE_FIXTURES();
    std::string deck =
        test::read_text(test::fixtures_dir() / "markdown" / "project-seed-rust-concurrency.md");
    std::string html = markdown_to_html(deck);
    EXPECT_NE(html.find("<p>What is a <code>Mutex</code>?</p>"), std::string::npos);
    EXPECT_NE(html.find("<p>What is <code>mpsc</code>?</p>"), std::string::npos);
    EXPECT_NE(html.find("<p>What is <strong>Mutex Poisoning</strong>?</p>"), std::string::npos);
    EXPECT_NE(html.find("<blockquote>\n<p>Rust's Mutex type from the standard library provides "
                        "this essential synchronization tool.</p>\n</blockquote>"),
              std::string::npos);
}
