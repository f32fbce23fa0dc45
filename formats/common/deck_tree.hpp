// Which decks a writer writes, shared by the formats that write a deck tree (Mochi, CrowdAnki).
#pragma once

#include <string>
#include <vector>

#include "deckport/model.hpp"

namespace deckport {

// The deck a note goes to: its own, or "Default" when it has none.
std::string deck_of(const Note& note);

// Every deck path to write, in the collection's order, each after its ancestors' first
// appearance: the collection's decks plus any deck a note names, with their ancestors. Anki's
// built-in "Default" deck is left out when no note is in it or below it.
std::vector<std::string> written_deck_paths(const Collection& collection);

// "A::B::C" -> "A::B"; "A" -> "".
std::string parent_deck_path(const std::string& path);
// "A::B::C" -> "C".
std::string last_deck_component(const std::string& path);

}  // namespace deckport
