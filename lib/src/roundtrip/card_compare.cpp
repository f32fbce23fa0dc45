// Cards and their scheduling after a round trip, key by key, with what the format sets by rule
// (usn, filtered decks) taken out first.
#include <nlohmann/json.hpp>
#include <set>

#include "roundtrip/roundtrip_internal.hpp"

namespace deckport::roundtrip_detail {
namespace {

std::string shown(const nlohmann::json& value) {
    if (value.is_null()) return {};
    return value.is_string() ? value.get<std::string>() : value.dump();
}

std::int64_t integer(const nlohmann::json& object, const char* key) {
    auto it = object.find(key);
    return it != object.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
}

// The scheduling the format is expected to give back: the original with the keys the format
// sets itself removed from both sides, and filtered cards sent home when the format does so.
void apply_rules(nlohmann::json& before, nlohmann::json& after, Comparison& c) {
    for (const std::string& key : c.normalises().card_keys) {
        if (before.contains(key) && after.contains(key) && before[key] != after[key]) {
            c.normalise("card '" + key + "' set by the writer");
        }
        before.erase(key);
        after.erase(key);
    }
    if (c.normalises().filtered_cards_go_home && integer(before, "odid") != 0) {
        if (integer(before, "odue") != 0) before["due"] = before["odue"];
        before["odue"] = 0;
        before["odid"] = 0;
        c.normalise("cards in filtered decks sent back to their home deck");
    }
}

// The deck a card is expected in after the trip: its home deck when the format sends cards in
// filtered decks home (the scheduling's `odid` names it).
std::string expected_deck(const Collection& original, const Card& before, Comparison& c) {
    if (!c.normalises().filtered_cards_go_home) return before.deck;
    nlohmann::json scheduling = before.scheduling.parsed();
    if (!scheduling.is_object()) return before.deck;
    std::int64_t home = integer(scheduling, "odid");
    if (home == 0) return before.deck;
    for (const Deck& deck : original.decks) {
        if (deck.id == home) return deck.name;
    }
    return before.deck;
}

void compare_card(const Collection& original, const NoteType* type, const Note& o,
                  const Card& before, const Card& after, Comparison& c) {
    std::string label = card_label(type, before.ord);
    std::string deck = c.without_root(after.deck);
    if (!same_deck(expected_deck(original, before, c), deck)) {
        c.unexpected("RT005", c.at(o),
                     note_label(o) + ": " + label + " moved from deck '" + before.deck +
                         "' to deck '" + after.deck + "'");
    }
    nlohmann::json expected = before.scheduling.parsed();
    nlohmann::json actual = after.scheduling.parsed();
    if (!expected.is_object() || !actual.is_object()) {
        if (expected != actual) {
            c.unexpected("RT005", c.at(o), note_label(o) + ": " + label + ": scheduling changed");
        }
        return;
    }
    apply_rules(expected, actual, c);
    std::set<std::string> keys;
    for (const auto& [key, value] : expected.items()) keys.insert(key);
    for (const auto& [key, value] : actual.items()) keys.insert(key);
    std::string changes;
    for (const std::string& key : keys) {
        nlohmann::json was = expected.contains(key) ? expected[key] : nlohmann::json();
        nlohmann::json is = actual.contains(key) ? actual[key] : nlohmann::json();
        if (was == is) continue;
        changes += (changes.empty() ? "" : "; ") + scheduling_change(key, shown(was), shown(is));
    }
    if (!changes.empty()) {
        c.unexpected("RT005", c.at(o), note_label(o) + ": " + label + ": " + changes);
    }
}

}  // namespace

void compare_cards(const Collection& original, const Note& o, const Note& r, Comparison& c) {
    if (o.cards.empty()) return;
    if (!c.carries().scheduling) {
        c.lost("scheduling", "cards", o.cards.size());
        return;
    }
    const NoteType* type = original.find_note_type(o.note_type_id);
    std::set<int> original_ords;
    for (const Card& before : o.cards) {
        original_ords.insert(before.ord);
        auto after = std::find_if(r.cards.begin(), r.cards.end(),
                                  [&](const Card& card) { return card.ord == before.ord; });
        if (after == r.cards.end()) {
            c.unexpected("RT005", c.at(o),
                         note_label(o) + ": " + card_label(type, before.ord) +
                             " is missing after the round trip");
            continue;
        }
        compare_card(original, type, o, before, *after, c);
    }
    for (const Card& after : r.cards) {
        if (original_ords.contains(after.ord)) continue;
        c.unexpected(
            "RT005", c.at(o),
            note_label(o) + ": " + card_label(type, after.ord) + " appeared in the round trip");
    }
}

}  // namespace deckport::roundtrip_detail
