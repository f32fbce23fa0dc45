// Finding the decks under a folder: every file with an extension a readable format claims,
// and every folder that a folder format (CrowdAnki) recognises, in a deterministic order.
#pragma once

#include <string>
#include <vector>

#include "deckport/format.hpp"

namespace deckport {

// Expands command-line inputs: a file or `-` stays as given; a folder that a folder format
// recognises is one deck; any other folder is walked (hidden entries skipped) and yields its
// decks sorted by path. Throws IoError for an input that does not exist.
std::vector<std::string> expand_deck_inputs(const std::vector<std::string>& inputs,
                                            const FormatRegistry& registry);

}  // namespace deckport
