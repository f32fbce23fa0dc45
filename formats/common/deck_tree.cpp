#include "common/deck_tree.hpp"

#include <set>

namespace deckport {
namespace {

constexpr const char* kDefaultDeck = "Default";

bool holds_notes(const Collection& collection, const std::string& path) {
    for (const Note& note : collection.notes) {
        std::string deck = deck_of(note);
        if (deck == path || deck.starts_with(path + "::")) return true;
    }
    return false;
}

}  // namespace

std::string deck_of(const Note& note) {
    return note.deck.empty() ? kDefaultDeck : note.deck;
}

std::vector<std::string> written_deck_paths(const Collection& collection) {
    std::vector<std::string> named;
    for (const Deck& deck : collection.decks) named.push_back(deck.name);
    for (const Note& note : collection.notes) named.push_back(deck_of(note));
    std::vector<std::string> paths;
    std::set<std::string> seen;
    for (const std::string& name : named) {
        for (const std::string& path : deck_ancestry(name)) {
            if (seen.insert(path).second) paths.push_back(path);
        }
    }
    if (seen.contains(kDefaultDeck) && !holds_notes(collection, kDefaultDeck)) {
        std::erase(paths, std::string(kDefaultDeck));
    }
    return paths;
}

std::string parent_deck_path(const std::string& path) {
    std::size_t pos = path.rfind("::");
    return pos == std::string::npos ? std::string{} : path.substr(0, pos);
}

std::string last_deck_component(const std::string& path) {
    std::size_t pos = path.rfind("::");
    return pos == std::string::npos ? path : path.substr(pos + 2);
}

}  // namespace deckport
