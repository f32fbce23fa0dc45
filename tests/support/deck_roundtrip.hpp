// Round trips of the markdown decks in decks/ through another format and back to markdown.
#pragma once

#include "deckport/media_refs.hpp"

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "deckport/format.hpp"
#include "deckport/io.hpp"
#include "deckport/roundtrip.hpp"
#include "test_support.hpp"

namespace deckport::test {

// Every decks/*.md, sorted.
inline std::vector<std::filesystem::path> markdown_decks() {
    std::vector<std::filesystem::path> decks;
    for (const auto& entry : std::filesystem::directory_iterator(source_dir() / "decks")) {
        if (entry.path().extension() == ".md") decks.push_back(entry.path());
    }
    std::sort(decks.begin(), decks.end());
    return decks;
}

inline const Format& registered(const std::string& name) {
    const Format* format = builtin_formats().find(name);
    if (!format) throw std::runtime_error("format " + name + " is not registered");
    return *format;
}

inline Collection read_with(const std::string& format, const Input& input,
                            std::vector<std::string>* diagnostics = nullptr) {
    Diagnostics sink;
    ReadContext context{sink, {}, {}, 1700000000};
    Collection collection = read_collection(registered(format), input, context);
    if (diagnostics) *diagnostics = rendered(sink.all());
    return collection;
}

inline Output write_with(const std::string& format, const Collection& collection,
                         const std::string& output_name,
                         std::vector<std::string>* diagnostics = nullptr) {
    Diagnostics sink;
    WriteContext context{sink, {}, {}, 1700000000, output_name};
    Output output = write_to_memory(*registered(format).writer, collection, context);
    if (diagnostics) *diagnostics = rendered(sink.all());
    return output;
}

// Writes `collection` as a markdown deck into `dir` with its media files beside it (the way a
// user keeps a deck), and reads it back.
inline Collection markdown_round(const Collection& collection, const std::filesystem::path& dir,
                                 std::vector<std::string>* diagnostics = nullptr) {
    Output markdown = write_with("markdown", collection, (dir / "deck.md").string());
    write_text(dir / "deck.md", markdown.files.at(0).bytes);
    for (const MediaFile& file : collection.media) write_text(dir / file.name, file.bytes());
    return read_with("markdown", read_input((dir / "deck.md").string()), diagnostics);
}

// `text` with every media path (`media/padlock.png`) as the flat name a one-folder format gives
// it (`padlock.png`).
inline std::string with_flat_media_names(std::string text, const Collection& collection,
                                         Markup markup = Markup::html) {
    // Only media references are renamed: a path in a code block is text.
    return rewrite_media_refs(text, find_media_refs(text, markup),
                              [&](const MediaRef& ref) -> std::optional<std::string> {
                                  for (const MediaFile& file : collection.media) {
                                      std::size_t slash = file.name.rfind('/');
                                      if (slash != std::string::npos && ref.target == file.name) {
                                          return file.name.substr(slash + 1);
                                      }
                                  }
                                  return std::nullopt;
                              });
}

// What `deckport roundtrip DECK --via FORMAT` does: the markdown deck through the round-trip
// engine (lib/src/roundtrip) with one format.
inline FormatRoundtrip engine_roundtrip(const std::filesystem::path& deck,
                                        const std::string& format) {
    Input input = read_input(deck.string());
    Collection collection = read_with("markdown", input);
    RoundtripSettings settings;
    settings.via = {format};
    settings.timestamp = 1700000000;
    RoundtripResult result =
        roundtrip({collection, input.display_name, input.bytes, input.base_dir()},
                  builtin_formats(), settings);
    return result.formats.at(0);
}

}  // namespace deckport::test
