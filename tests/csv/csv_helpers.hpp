// Helpers shared by the csv tests: reading through the registry, and notes described compactly.
#pragma once

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

}  // namespace deckport::test
