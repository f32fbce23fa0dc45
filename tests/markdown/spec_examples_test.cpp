// Every numbered example of docs/deck-format.md is checked here, so the spec cannot go stale:
// a ```deck example-N block is read as `deck.md`, and its notes and diagnostics must be those of
// the ```expect example-N block (JSON); a ```written example-N block is the writer's output. A
// ```file example-N PATH block is a file beside the deck (the deck is then read from a
// temporary folder that holds them).
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "deckport/content.hpp"
#include "deckport/identity.hpp"
#include "markdown_helpers.hpp"

using namespace deckport;
using namespace deckport::test;

namespace {

struct Example {
    std::string deck, expect, written;
    std::map<std::string, std::string> files;  // path -> text
    int line = 0;                              // of the deck block in the doc
};

struct OpenFence {
    char marker;
    std::size_t length;
    std::string kind, id, path;
    int line;
    std::string body;
};

std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> words;
    std::istringstream in(text);
    for (std::string word; in >> word;) words.push_back(word);
    return words;
}

// The fenced blocks of the doc, by CommonMark's fence rules (fences at the start of a line).
std::map<std::string, Example> extract_examples(const std::string& doc) {
    std::map<std::string, Example> examples;
    std::optional<OpenFence> fence;
    std::istringstream in(doc);
    int number = 0;
    for (std::string line; std::getline(in, line);) {
        ++number;
        std::size_t run = 0;
        char marker = line.empty() ? '\0' : line[0];
        while (run < line.size() && line[run] == marker && (marker == '`' || marker == '~')) ++run;
        if (fence) {
            bool closes = marker == fence->marker && run >= fence->length &&
                          line.find_first_not_of(" \t", run) == std::string::npos;
            if (!closes) {
                fence->body += line + "\n";
                continue;
            }
            if (!fence->kind.empty()) {
                Example& example = examples[fence->id];
                if (fence->kind == "deck") {
                    example.deck = fence->body;
                    example.line = fence->line;
                } else if (fence->kind == "expect") {
                    example.expect = fence->body;
                } else if (fence->kind == "file") {
                    example.files[fence->path] = fence->body;
                } else {
                    example.written = fence->body;
                }
            }
            fence.reset();
            continue;
        }
        if (run < 3) continue;
        std::vector<std::string> info = words_of(line.substr(run));
        fence = OpenFence{marker, run, {}, {}, {}, number, {}};
        if (info.size() >= 2 && info[1].starts_with("example-") &&
            (info[0] == "deck" || info[0] == "expect" || info[0] == "written" ||
             (info[0] == "file" && info.size() == 3))) {
            fence->kind = info[0];
            fence->id = info[1];
            if (info[0] == "file") fence->path = info[2];
        }
    }
    EXPECT_FALSE(fence) << "the doc ends inside a fence opened on line " << fence->line;
    return examples;
}

// The deck as `deck.md`, beside its files when it has some.
ReadResult read_example(const Example& example) {
    if (example.files.empty()) return read_markdown(example.deck);
    TempDir dir;
    for (const auto& [path, text] : example.files) {
        std::filesystem::create_directories((dir.path() / path).parent_path());
        write_text(dir.path() / path, text);
    }
    Input input = input_from_memory("deck.md", example.deck);
    input.path = dir.path() / "deck.md";
    return read_markdown_input(input);
}

void check_note_types(const Collection& c, const nlohmann::json& wanted) {
    ASSERT_EQ(c.note_types.size(), wanted.size());
    for (std::size_t i = 0; i < wanted.size(); ++i) {
        const NoteType& nt = c.note_types[i];
        const auto& want = wanted[i];
        SCOPED_TRACE("note type " + nt.name);
        EXPECT_EQ(nt.name, want.at("name").get<std::string>());
        EXPECT_EQ(nt.kind == NoteTypeKind::cloze ? "cloze" : "standard",
                  want.value("kind", std::string("standard")));
        EXPECT_EQ(nt.fields, want.at("fields").get<std::vector<std::string>>());
        ASSERT_EQ(nt.templates.size(), want.at("templates").size());
        for (std::size_t t = 0; t < nt.templates.size(); ++t) {
            EXPECT_EQ(nt.templates[t].name, want["templates"][t].at("name").get<std::string>());
            EXPECT_EQ(nt.templates[t].front, want["templates"][t].at("front").get<std::string>());
            EXPECT_EQ(nt.templates[t].back, want["templates"][t].at("back").get<std::string>());
        }
        EXPECT_EQ(nt.css, want.value("css", std::string()));
        EXPECT_EQ(nt.sort_field, want.value("sort_field", 0));
        if (want.contains("id")) {
            EXPECT_EQ(nt.id, want["id"].get<std::int64_t>());
        }
    }
}

void check_example(const Example& example) {
    ASSERT_FALSE(example.deck.empty()) << "no ```deck block";
    ASSERT_FALSE(example.expect.empty()) << "no ```expect block";
    nlohmann::json expect = nlohmann::json::parse(example.expect);
    ReadResult result = read_example(example);
    const Collection& c = result.collection;

    EXPECT_EQ(result.diagnostics, expect.value("diagnostics", std::vector<std::string>{}));
    const auto& notes = expect.at("notes");
    ASSERT_EQ(c.notes.size(), notes.size());
    for (std::size_t i = 0; i < notes.size(); ++i) {
        SCOPED_TRACE("note " + std::to_string(i + 1));
        const Note& note = c.notes[i];
        const auto& want = notes[i];
        EXPECT_EQ(type_name(c, note), want.at("type").get<std::string>());
        EXPECT_EQ(note.deck, want.at("deck").get<std::string>());
        std::vector<std::string> fields;
        for (const Content& field : note.fields) fields.push_back(field.source);
        EXPECT_EQ(fields, want.at("fields").get<std::vector<std::string>>());
        if (want.contains("html")) {
            std::vector<std::string> html;
            for (const Content& field : note.fields) html.push_back(to_html(field));
            EXPECT_EQ(html, want["html"].get<std::vector<std::string>>());
        }
        EXPECT_EQ(note.tags, want.value("tags", std::vector<std::string>{}));
        std::string guid = want.contains("id")
                               ? want["id"].get<std::string>()
                               : derive_guid(note.deck, type_name(c, note), fields.at(0));
        EXPECT_EQ(note.guid, guid);
    }
    if (expect.contains("decks")) {
        std::vector<std::string> decks;
        for (const Deck& deck : c.decks) decks.push_back(deck.name);
        EXPECT_EQ(decks, expect["decks"].get<std::vector<std::string>>());
    }
    if (expect.contains("descriptions")) {
        std::map<std::string, std::string> descriptions;
        for (const Deck& deck : c.decks) {
            if (!deck.description.empty()) descriptions[deck.name] = deck.description;
        }
        EXPECT_EQ(descriptions, (expect["descriptions"].get<std::map<std::string, std::string>>()));
    }
    if (expect.contains("note_types")) check_note_types(c, expect["note_types"]);
    if (!example.written.empty()) {
        WriteResult written = write_markdown(c);
        EXPECT_EQ(written.text, example.written);
        ReadResult back = read_markdown(written.text);
        EXPECT_TRUE(back.diagnostics.empty()) << ::testing::PrintToString(back.diagnostics);
        EXPECT_EQ(back.collection.notes, c.notes);
        EXPECT_EQ(back.collection.note_types, c.note_types);
    }
}

}  // namespace

TEST(MarkdownSpec, EveryExampleInTheDocHolds) {
    std::map<std::string, Example> examples =
        extract_examples(read_text(source_dir() / "docs" / "deck-format.md"));
    ASSERT_GE(examples.size(), 15u);
    for (std::size_t n = 1; n <= examples.size(); ++n) {
        std::string id = "example-" + std::to_string(n);
        ASSERT_TRUE(examples.count(id)) << "examples are numbered from 1 without gaps: no " << id;
        SCOPED_TRACE(id + " (docs/deck-format.md:" + std::to_string(examples[id].line) + ")");
        check_example(examples[id]);
    }
}
