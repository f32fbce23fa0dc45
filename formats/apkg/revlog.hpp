// The review log carried from an Anki input (Collection::extras["apkg"]["revlog"]).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <vector>

#include "apkg/package_content.hpp"
#include "deckport/format.hpp"
#include "deckport/model.hpp"

namespace deckport::apkg {

// The entries whose card is in the package, with card ids mapped to the written ones. Entries
// are objects with Anki's column names (id, cid, usn, ease, ivl, lastIvl, factor, time, type)
// or arrays of the nine columns in that order. Reports the entries left out (APKG213).
std::vector<RevlogRow> revlog_rows(const nlohmann::json& log, const std::string& source_name,
                                   const std::unordered_map<std::int64_t, std::int64_t>& card_ids,
                                   WriteContext& context);

}  // namespace deckport::apkg
