// Helpers shared by the csv tests: reading through the registry, and notes described compactly.
#pragma once

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "deckport/format.hpp"
#include "test_support.hpp"

namespace deckport::test {

struct ReadResult {
    Collection collection;
    std::vector<std::string> diagnostics;  // rendered, one per line
};

inline ReadResult read_as(const std::string& format_name, const std::string& display_name,
                          const std::string& bytes, FormatOptions options = {}) {
    const Format* format = builtin_formats().find(format_name);
    EXPECT_NE(format, nullptr);
    Diagnostics diagnostics;
    ReadContext context{diagnostics, std::move(options), Limits{}, 0};
    Input input = input_from_memory(display_name, bytes);
    ReadResult result{read_collection(*format, input, context), {}};
    result.diagnostics = rendered(diagnostics.all());
    return result;
}

inline ReadResult read_csv(const std::string& display_name, const std::string& bytes,
                           FormatOptions options = {}) {
    return read_as("csv", display_name, bytes, std::move(options));
}

// A note as the tests spell it: note type name, field sources, deck, tags.
struct ExpectedNote {
    std::string note_type;
    std::vector<std::string> fields;
    std::string deck;
    std::vector<std::string> tags;
};

inline std::vector<std::string> sources(const Note& note) {
    std::vector<std::string> out;
    for (const Content& field : note.fields) out.push_back(field.source);
    return out;
}

inline void expect_notes(const Collection& collection, const std::vector<ExpectedNote>& expected,
                         Markup kind) {
    ASSERT_EQ(collection.notes.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        SCOPED_TRACE("note " + std::to_string(i + 1));
        const Note& note = collection.notes[i];
        const NoteType* nt = collection.find_note_type(note.note_type_id);
        ASSERT_NE(nt, nullptr);
        EXPECT_EQ(nt->name, expected[i].note_type);
        EXPECT_EQ(sources(note), expected[i].fields);
        EXPECT_EQ(note.deck, expected[i].deck);
        EXPECT_EQ(note.tags, expected[i].tags);
        EXPECT_FALSE(note.guid.empty());
        for (const Content& field : note.fields) EXPECT_EQ(field.kind, kind);
    }
}

inline std::string fixture(const std::string& folder, const std::string& name) {
    return read_text(fixtures_dir() / folder / name);
}

// The markdown decks of the repository (decks/*.md), sorted.
inline std::vector<std::filesystem::path> deck_files() {
    std::vector<std::filesystem::path> out;
    for (const auto& entry : std::filesystem::directory_iterator(source_dir() / "decks")) {
        if (entry.path().extension() == ".md") out.push_back(entry.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

constexpr std::int64_t kDeckTimestamp = 1700000000;

// Reads `bytes` as `format_name`, as if it were the file `path` (relative media resolve there).
inline Collection read_text_as(const std::string& format_name, const std::filesystem::path& path,
                               const std::string& bytes, FormatOptions options = {},
                               std::vector<std::string>* diagnostics = nullptr) {
    const Format* format = builtin_formats().find(format_name);
    EXPECT_NE(format, nullptr);
    Diagnostics d;
    ReadContext context{d, std::move(options), Limits{}, kDeckTimestamp};
    Input input = input_from_memory(path.filename().string(), bytes);
    input.path = path;
    Collection collection = read_collection(*format, input, context);
    if (diagnostics) *diagnostics = rendered(d.all());
    EXPECT_FALSE(d.has_errors()) << ::testing::PrintToString(rendered(d.all()));
    return collection;
}

inline Collection read_deck(const std::filesystem::path& path) {
    return read_text_as("markdown", path, read_text(path));
}

// The single file `format_name` writes for `collection`, as the output `output_name`.
inline std::string write_as(const std::string& format_name, const Collection& collection,
                            const std::string& output_name, FormatOptions options = {},
                            std::vector<std::string>* diagnostics = nullptr) {
    const Format* format = builtin_formats().find(format_name);
    EXPECT_NE(format, nullptr);
    EXPECT_NE(format->writer, nullptr);
    Diagnostics d;
    WriteContext context{d, std::move(options), Limits{}, kDeckTimestamp, output_name};
    Output output = write_to_memory(*format->writer, collection, context);
    if (diagnostics) *diagnostics = rendered(d.all());
    EXPECT_EQ(output.files.size(), 1u);
    return output.files.empty() ? std::string{} : output.files.front().bytes;
}

inline std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

}  // namespace deckport::test
