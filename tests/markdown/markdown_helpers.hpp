// Reading markdown decks from memory or files in tests, with their rendered diagnostics.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "deckport/format.hpp"
#include "deckport/io.hpp"
#include "test_support.hpp"

namespace deckport::test {

struct ReadResult {
    Collection collection;
    std::vector<std::string> diagnostics;  // rendered, in order
};

inline const Format& markdown_format() {
    const Format* format = builtin_formats().find("markdown");
    if (!format) throw std::runtime_error("the markdown format is not registered");
    return *format;
}

// Reads through read_collection, so GUIDs are set and DUP001 checks run, as in the CLI.
inline ReadResult read_markdown_input(const Input& input) {
    Diagnostics diagnostics;
    ReadContext context{diagnostics, {}, {}, 1700000000};
    ReadResult result;
    result.collection = read_collection(markdown_format(), input, context);
    result.diagnostics = rendered(diagnostics.all());
    return result;
}

inline ReadResult read_markdown(const std::string& text, const std::string& name = "deck.md") {
    return read_markdown_input(input_from_memory(name, text));
}

inline ReadResult read_markdown_file(const std::filesystem::path& path) {
    return read_markdown_input(read_input(path.string()));
}

}  // namespace deckport::test

namespace deckport::test {

struct WriteResult {
    std::string text;
    std::vector<std::string> diagnostics;
};

// Whether any rendered diagnostic is an error.
inline bool has_error(const std::vector<std::string>& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(), [](const std::string& line) {
        return line.find(": error: ") != std::string::npos;
    });
}

// The name of the note's type, "?" when the collection has none of that id.
inline std::string type_name(const Collection& collection, const Note& note) {
    const NoteType* note_type = collection.find_note_type(note.note_type_id);
    return note_type ? note_type->name : "?";
}

inline WriteResult write_markdown(const Collection& collection) {
    Diagnostics diagnostics;
    WriteContext context{diagnostics, {}, {}, 1700000000, "out.md"};
    Output output = write_to_memory(*markdown_format().writer, collection, context);
    return {output.files.at(0).bytes, rendered(diagnostics.all())};
}

}  // namespace deckport::test
