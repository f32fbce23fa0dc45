// Reading markdown decks from memory or files in tests, with their rendered diagnostics.
#pragma once

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

inline WriteResult write_markdown(const Collection& collection) {
    Diagnostics diagnostics;
    WriteContext context{diagnostics, {}, {}, 1700000000, "out.md"};
    Output output = write_to_memory(*markdown_format().writer, collection, context);
    return {output.files.at(0).bytes, rendered(diagnostics.all())};
}

}  // namespace deckport::test
