// A collection that uses every feature the JSON format carries, and helpers to run the JSON
// reader and writer on it.
#pragma once

#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "deckport/format.hpp"
#include "deckport/identity.hpp"
#include "deckport/notetypes.hpp"

namespace deckport::test {

inline std::string every_byte() {
    std::string bytes;
    for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
    return bytes;
}

inline Collection sample_collection() {
    Collection c;
    c.meta = {1700000000, 1700000500, "markdown", "/tmp/somewhere/sample.md"};
    c.extras.json() = {{"conf", {{"curModel", 1}, {"schedVer", 2}}}, {"tags", {{"rust", 0}}}};

    NoteType basic = basic_note_type();
    NoteType cloze = cloze_note_type();
    NoteType vocab;
    vocab.id = derive_id("notetype", "Vocab");
    vocab.name = "Vocab";
    vocab.fields = {"Word", "Meaning", "Example"};
    vocab.sort_field = 1;
    vocab.templates = {{"Recognise", "{{Word}}", "{{FrontSide}}<hr id=answer>{{Meaning}}",
                        JsonValue(nlohmann::json{{"bqfmt", ""}, {"did", nullptr}})},
                       {"Recall", "{{Meaning}}",
                        "{{FrontSide}}<hr id=answer>{{Word}}<br>{{Example}}", JsonValue()}};
    vocab.css = ".card { font-family: serif; }\n";
    vocab.extras.json() = {{"latexPre", "\\documentclass{article}"},
                           {"req", {{0, "any", {0}}, {1, "any", {1}}}},
                           {"flds", {{{"name", "Word"}, {"rtl", false}, {"size", 20}}}}};
    c.note_types = {basic, cloze, vocab};

    c.ensure_deck("Lang::Rust::Sync");
    c.decks[0].description = "Everything about languages";
    c.decks[0].extras.json() = {{"collapsed", false}, {"conf", 1}};

    Note mutex;
    mutex.guid = "g-mutex";
    mutex.note_type_id = basic.id;
    mutex.deck = "Lang::Rust::Sync";
    mutex.fields = {{Markup::markdown, "What is a `Mutex`?"},
                    {Markup::markdown, "A lock.\n\n> \"quoted\" \\ back\\slash, tab\t, é, 🦀"}};
    mutex.set_tags({"sync::mutex", "rust"});
    mutex.origin = {"sample.md", 3, 1, {}};

    Note cloze_note;
    cloze_note.guid = "g-cloze";
    cloze_note.note_type_id = cloze.id;
    cloze_note.deck = "Lang::Rust";
    cloze_note.modified = 1690000000;
    cloze_note.fields = {{Markup::html, "<b>{{c1::Arc}}</b> is {{c2::atomically}} counted"},
                         {Markup::html, ""}};
    cloze_note.extras.json() = {{"flags", 0}, {"usn", -1}};

    Note word;
    word.guid = "g-word";
    word.note_type_id = vocab.id;
    word.deck = "Lang";
    word.fields = {{Markup::text, "Sperre"},
                   {Markup::text, std::string("lock\x01 with a NUL \0 inside", 25)},
                   {Markup::text, "Die Sperre hält."}};
    word.cards = {{0, "Lang",
                   JsonValue(nlohmann::json{{"type", 2},
                                            {"queue", 2},
                                            {"due", 400},
                                            {"ivl", 12},
                                            {"factor", 2500},
                                            {"reps", 5},
                                            {"lapses", 1},
                                            {"fsrs", {{"d", 5.25}, {"s", 3.5}}}})},
                  {1, "Lang::Rust", JsonValue()}};
    c.notes = {mutex, cloze_note, word};

    MediaFile blob;
    blob.name = "blob.bin";
    blob.data = every_byte();
    MediaFile empty;
    empty.name = "empty.txt";
    empty.data = "";
    MediaFile accented;
    accented.name = "café one.png";
    accented.data = std::string("\x89PNG\r\n\x1a\n\0\0", 10);
    c.media = {blob, empty, accented};
    return c;
}

inline const Format& json_deck_format() {
    const Format* format = builtin_formats().find("json");
    if (!format) throw std::runtime_error("json format is not registered");
    return *format;
}

inline std::string write_json(const Collection& collection, FormatOptions options = {},
                              Diagnostics* diagnostics = nullptr) {
    Diagnostics local;
    Diagnostics& sink = diagnostics ? *diagnostics : local;
    WriteContext context{sink, std::move(options), Limits{}, 1700000000, "out.json"};
    Output output = write_to_memory(*json_deck_format().writer, collection, context);
    return output.files.at(0).bytes;
}

// The reader alone (no normalisation): what the file says, nothing added.
inline Collection read_json(const std::string& text, Diagnostics& diagnostics, Limits limits = {}) {
    ReadContext context{diagnostics, {}, limits, 1700000000};
    return json_deck_format().reader->read(input_from_memory("deck.json", text), context);
}

// Compares part by part, so that a failure names the part.
inline void expect_same_collection(const Collection& expected, const Collection& actual) {
    EXPECT_EQ(expected.note_types, actual.note_types);
    EXPECT_EQ(expected.decks, actual.decks);
    ASSERT_EQ(expected.notes.size(), actual.notes.size());
    for (std::size_t i = 0; i < expected.notes.size(); ++i) {
        EXPECT_TRUE(expected.notes[i] == actual.notes[i]) << "note " << i;
    }
    EXPECT_EQ(expected.media, actual.media);
    EXPECT_EQ(expected.meta, actual.meta);
    EXPECT_EQ(expected.extras.json(), actual.extras.json());
}

}  // namespace deckport::test
