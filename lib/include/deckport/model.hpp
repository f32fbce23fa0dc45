// The one model that every format reads into and writes from.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "deckport/diagnostics.hpp"
#include "deckport/json_value.hpp"
#include "deckport/limits.hpp"

namespace deckport {

// Field content keeps its markup: markdown stays markdown until a writer asks for HTML.
enum class Markup { markdown, html, text };

const char* markup_name(Markup markup);
std::optional<Markup> markup_from_name(std::string_view name);

struct Content {
    Markup kind = Markup::text;
    std::string source;

    friend bool operator==(const Content&, const Content&) = default;
};

struct CardTemplate {
    std::string name;
    std::string front;  // Anki qfmt
    std::string back;   // Anki afmt
    JsonValue extras;   // keys we don't model (bqfmt, ...)

    friend bool operator==(const CardTemplate&, const CardTemplate&) = default;
};

enum class NoteTypeKind { standard, cloze };

struct NoteType {
    std::int64_t id = 0;
    std::string name;
    NoteTypeKind kind = NoteTypeKind::standard;
    std::vector<std::string> fields;
    std::vector<CardTemplate> templates;
    std::string css;
    int sort_field = 0;
    JsonValue extras;  // per-field options, latex, req, ...

    int field_index(std::string_view field_name) const;  // -1 when absent
    friend bool operator==(const NoteType&, const NoteType&) = default;
};

// A card exists only when the input carries scheduling (apkg); writers generate cards otherwise.
struct Card {
    int ord = 0;
    std::string deck;      // full `::` path
    JsonValue scheduling;  // type, queue, due, ivl, factor, ...

    friend bool operator==(const Card&, const Card&) = default;
};

struct Note {
    std::string guid;
    std::int64_t note_type_id = 0;
    std::vector<Content> fields;    // exactly one per note type field
    std::vector<std::string> tags;  // sorted, unique; `::` for hierarchy
    std::string deck;               // full `::` path
    std::int64_t modified = 0;      // seconds since the epoch; 0 = take the collection's time
    std::vector<Card> cards;
    JsonValue extras;
    SourceLocation origin;  // not part of equality: where the note was read from
    // Not part of equality: where each field's text starts, when the reader knows (one per
    // field, or empty). A field origin without a file is in the file of `origin`: readers leave
    // it out, so that 100,000 notes do not hold 300,000 copies of one path. Read them through
    // field_origin(), which puts it back.
    std::vector<SourceLocation> field_origins;

    // Where field `field` starts, in the note's file; the note's origin when it is not known.
    SourceLocation field_origin(std::size_t field) const;

    void set_tags(std::vector<std::string> tags);  // sorts and removes duplicates
    friend bool operator==(const Note& a, const Note& b);
};

struct Deck {
    std::int64_t id = 0;
    std::string name;  // full `::` path
    std::string description;
    JsonValue extras;

    friend bool operator==(const Deck&, const Deck&) = default;
};

// A media file: its bytes in memory, or a reference to a file read when a writer needs it.
struct MediaFile {
    std::string name;  // the name fields refer to
    std::optional<std::string> data;
    std::filesystem::path source_path;  // when data is not loaded
    std::uint64_t max_bytes =
        Limits{}.max_input_bytes;  // read from source_path: Limits::max_input_bytes
    SourceLocation origin;         // where it was referenced or read

    // The bytes, read from source_path on first use. Throws IoError when unreadable.
    const std::string& bytes() const;
    friend bool operator==(const MediaFile& a, const MediaFile& b);

  private:
    mutable std::optional<std::string> cache_;
};

struct CollectionMeta {
    std::int64_t created = 0;   // seconds since the epoch
    std::int64_t modified = 0;  // seconds since the epoch
    std::string source_format;  // the format it was read from
    std::string source_name;    // the file it was read from

    friend bool operator==(const CollectionMeta&, const CollectionMeta&) = default;
};

struct Collection {
    std::vector<NoteType> note_types;
    std::vector<Deck> decks;
    std::vector<Note> notes;
    std::vector<MediaFile> media;
    CollectionMeta meta;
    JsonValue extras;  // unmodelled data kept for same-format writes

    const NoteType* find_note_type(std::int64_t id) const;
    const NoteType* find_note_type(std::string_view name) const;
    const Deck* find_deck(std::string_view name) const;
    const MediaFile* find_media(std::string_view name) const;

    // Adds a note type unless one with its id exists; returns the stored one.
    const NoteType& ensure_note_type(const NoteType& note_type);
    // Adds the deck and every `::` ancestor that is missing; returns the deck.
    const Deck& ensure_deck(std::string_view name);
};

// Splits `A::B::C` into its parts; empty parts are kept so that callers can report them.
std::vector<std::string> split_deck_path(std::string_view name);
// `A::B::C` -> {"A", "A::B", "A::B::C"}.
std::vector<std::string> deck_ancestry(std::string_view name);

}  // namespace deckport
