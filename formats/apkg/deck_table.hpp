// The decks of a package: Default (id 1), every deck of the collection, and every deck that a
// note or card names, each with all its `::` ancestors.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "deckport/format.hpp"
#include "deckport/model.hpp"

namespace deckport::apkg {

class DeckTable {
  public:
    DeckTable(const Collection& collection, const std::set<std::int64_t>& config_ids);

    // The id of deck `name` (empty: Default), adding it and its ancestors when new.
    std::int64_t id_for(std::string_view name);
    // The written id of the collection's deck whose own (source) id is `source_id`, or 0 when
    // the collection has no such deck.
    std::int64_t id_for_source(std::int64_t source_id);

    // The `decks` JSON; reports filtered decks that are left out or written as normal ones
    // (APKG214).
    nlohmann::json decks_json(std::int64_t modified, WriteContext& context) const;

  private:
    struct Entry {
        std::string name;
        std::int64_t id = 0;
        const Deck* deck = nullptr;  // the collection's deck, when it has one
    };
    std::int64_t add(const std::string& name);

    const Collection& collection_;
    std::set<std::int64_t> config_ids_;
    std::vector<Entry> entries_;
    std::unordered_map<std::string, std::int64_t> id_by_name_;
    std::set<std::int64_t> used_ids_;
    std::vector<const Deck*> filtered_;  // the collection's filtered decks
};

}  // namespace deckport::apkg
