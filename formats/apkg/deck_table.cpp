#include <nlohmann/json.hpp>

#include "apkg/deck_table.hpp"

#include "apkg/collection_json.hpp"
#include "deckport/identity.hpp"

namespace deckport::apkg {
namespace {

constexpr std::int64_t kDefaultDeckId = 1;
constexpr const char* kDefaultDeckName = "Default";

bool is_filtered(const Deck& deck) {
    auto it = deck.extras.json().find("dyn");
    return it != deck.extras.json().end() &&
           ((it->is_boolean() && it->get<bool>()) ||
            (it->is_number_integer() && it->get<std::int64_t>() == 1));
}

}  // namespace

DeckTable::DeckTable(const Collection& collection, const std::set<std::int64_t>& config_ids)
    : collection_(collection), config_ids_(config_ids) {
    add(kDefaultDeckName);
    for (const Deck& deck : collection.decks) {
        // A filtered deck is a search over other decks: its cards go home (CardBuilder), and it
        // is written only when something still names it.
        if (is_filtered(deck)) {
            filtered_.push_back(&deck);
        } else {
            id_for(deck.name);
        }
    }
}

std::int64_t DeckTable::id_for(std::string_view name) {
    if (name.empty()) return kDefaultDeckId;
    if (auto it = id_by_name_.find(std::string(name)); it != id_by_name_.end()) return it->second;
    std::int64_t id = 0;
    for (const std::string& path : deck_ancestry(name)) {
        auto it = id_by_name_.find(path);
        id = it != id_by_name_.end() ? it->second : add(path);
    }
    return id;
}

std::int64_t DeckTable::id_for_source(std::int64_t source_id) {
    for (const Deck& deck : collection_.decks) {
        if (deck.id == source_id && !deck.name.empty()) return id_for(deck.name);
    }
    return 0;
}

std::int64_t DeckTable::add(const std::string& name) {
    const Deck* deck = collection_.find_deck(name);
    std::int64_t id = 0;
    if (name == kDefaultDeckName) {
        id = kDefaultDeckId;
    } else {
        // The collection's id when it has one that is free; Anki only uses ids to link cards to
        // decks inside the package and matches decks by name.
        id = deck && deck->id > kDefaultDeckId ? deck->id : derive_id("deck", name);
        while (used_ids_.count(id) || id <= kDefaultDeckId)
            id = derive_id("deck", name + "\x1f" + std::to_string(id));
    }
    used_ids_.insert(id);
    id_by_name_.emplace(name, id);
    entries_.push_back({name, id, deck});
    return id;
}

nlohmann::json DeckTable::decks_json(std::int64_t modified, WriteContext& context) const {
    nlohmann::json decks = nlohmann::json::object();
    for (const Entry& entry : entries_) {
        Deck deck = entry.deck ? *entry.deck : Deck{entry.id, entry.name, {}, {}};
        deck.name = entry.name;
        std::int64_t config_id = 1;
        if (auto it = deck.extras.json().find("conf"); it != deck.extras.json().end() &&
                                                       it->is_number_integer() &&
                                                       config_ids_.count(it->get<std::int64_t>())) {
            config_id = it->get<std::int64_t>();
        }
        if (is_filtered(deck)) {
            context.diagnostics.warning(
                "APKG214",
                SourceLocation{collection_.meta.source_name, 0, 0, "decks[name=" + deck.name + "]"},
                "filtered deck '" + deck.name + "' is written as a normal deck holding its cards");
        }
        decks[std::to_string(entry.id)] = deck_json(deck, entry.id, config_id, modified);
    }
    for (const Deck* deck : filtered_) {
        if (id_by_name_.count(deck->name)) continue;
        context.diagnostics.warning(
            "APKG214",
            SourceLocation{collection_.meta.source_name, 0, 0, "decks[name=" + deck->name + "]"},
            "filtered deck '" + deck->name +
                "' is left out: its cards go back to their home decks");
    }
    return decks;
}

}  // namespace deckport::apkg
