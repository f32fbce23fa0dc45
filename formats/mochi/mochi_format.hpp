// Mochi (mochi.cards) `.mochi` packages: a zip with data.json (Transit-JSON) or data.edn, plus
// media at the archive root.
#pragma once

#include <memory>
#include <set>
#include <string>

#include "deckport/format.hpp"

namespace deckport {

namespace mochi {
struct Value;
// Builds the collection from decoded Mochi data (formats/mochi/collection_builder.cpp).
// `media_names` are the attachments in the archive. Diagnostics name `file` (the package) with
// locators `member`!decks[0].cards[1] (decks[0].cards[1] when `member` is empty: a data file
// read on its own).
Collection build_collection(const Value& data, const std::set<std::string>& media_names,
                            const std::string& file, const std::string& member,
                            Diagnostics& diagnostics);
}  // namespace mochi

FormatInfo mochi_format_info();
std::unique_ptr<Reader> make_mochi_reader();  // formats/mochi/reader.cpp
std::unique_ptr<Writer> make_mochi_writer();  // formats/mochi/writer.cpp
Format make_mochi_format();

}  // namespace deckport
