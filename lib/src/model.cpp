#include "deckport/model.hpp"

#include <algorithm>

#include "deckport/error.hpp"
#include "deckport/identity.hpp"
#include "deckport/io.hpp"

namespace deckport {

const char* markup_name(Markup markup) {
    switch (markup) {
        case Markup::markdown:
            return "markdown";
        case Markup::html:
            return "html";
        case Markup::text:
            return "text";
    }
    return "text";
}

std::optional<Markup> markup_from_name(std::string_view name) {
    if (name == "markdown") return Markup::markdown;
    if (name == "html") return Markup::html;
    if (name == "text") return Markup::text;
    return std::nullopt;
}

int NoteType::field_index(std::string_view field_name) const {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (fields[i] == field_name) return static_cast<int>(i);
    }
    return -1;
}

void Note::set_tags(std::vector<std::string> new_tags) {
    // Tags a reader already sorted (most) are strictly increasing: nothing to sort or drop.
    bool increasing = std::adjacent_find(new_tags.begin(), new_tags.end(),
                                         [](const std::string& a, const std::string& b) {
                                             return !(a < b);
                                         }) == new_tags.end();
    if (increasing && (new_tags.empty() || !new_tags.front().empty())) {
        tags = std::move(new_tags);
        return;
    }
    std::sort(new_tags.begin(), new_tags.end());
    new_tags.erase(std::unique(new_tags.begin(), new_tags.end()), new_tags.end());
    new_tags.erase(std::remove(new_tags.begin(), new_tags.end(), std::string{}), new_tags.end());
    tags = std::move(new_tags);
}

SourceLocation Note::field_origin(std::size_t field) const {
    if (field >= field_origins.size()) return origin;
    SourceLocation at = field_origins[field];
    if (at.file.empty()) at.file = origin.file;
    return at;
}

bool operator==(const Note& a, const Note& b) {
    return a.guid == b.guid && a.note_type_id == b.note_type_id && a.fields == b.fields &&
           a.tags == b.tags && a.deck == b.deck && a.modified == b.modified && a.cards == b.cards &&
           a.extras == b.extras;
}

const std::string& MediaFile::bytes() const {
    if (data) return *data;
    if (!cache_) cache_ = read_file(source_path, max_bytes);
    return *cache_;
}

bool operator==(const MediaFile& a, const MediaFile& b) {
    return a.name == b.name && a.bytes() == b.bytes();
}

const NoteType* Collection::find_note_type(std::int64_t id) const {
    for (const auto& nt : note_types) {
        if (nt.id == id) return &nt;
    }
    return nullptr;
}

const NoteType* Collection::find_note_type(std::string_view name) const {
    for (const auto& nt : note_types) {
        if (nt.name == name) return &nt;
    }
    return nullptr;
}

const Deck* Collection::find_deck(std::string_view name) const {
    for (const auto& deck : decks) {
        if (deck.name == name) return &deck;
    }
    return nullptr;
}

const MediaFile* Collection::find_media(std::string_view name) const {
    for (const auto& file : media) {
        if (file.name == name) return &file;
    }
    return nullptr;
}

const NoteType& Collection::ensure_note_type(const NoteType& note_type) {
    if (const NoteType* existing = find_note_type(note_type.id)) return *existing;
    note_types.push_back(note_type);
    return note_types.back();
}

const Deck& Collection::ensure_deck(std::string_view name) {
    for (const std::string& path : deck_ancestry(name)) {
        if (find_deck(path)) continue;
        Deck deck;  // keeps the default (empty object) extras; `{}` would make them null
        deck.id = derive_id("deck", path);
        // Another deck may already hold that id (ids are read from the input): take the next
        // free one, so that deck ids stay unique.
        while (std::any_of(decks.begin(), decks.end(),
                           [&](const Deck& other) { return other.id == deck.id; })) {
            ++deck.id;
        }
        deck.name = path;
        decks.push_back(std::move(deck));
    }
    return *find_deck(name);
}

std::vector<std::string> split_deck_path(std::string_view name) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        std::size_t pos = name.find("::", start);
        if (pos == std::string_view::npos) {
            parts.emplace_back(name.substr(start));
            return parts;
        }
        parts.emplace_back(name.substr(start, pos - start));
        start = pos + 2;
    }
}

std::vector<std::string> deck_ancestry(std::string_view name) {
    std::vector<std::string> paths;
    std::string path;
    for (const std::string& part : split_deck_path(name)) {
        path = path.empty() && paths.empty() ? part : path + "::" + part;
        paths.push_back(path);
    }
    return paths;
}

}  // namespace deckport
