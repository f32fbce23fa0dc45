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
// Diagnostics name `file` (the package) with locators `member`!decks[0].cards[1]. (References
// to attachments the archive lacks are reported after reading, as MEDIA001.)
Collection build_collection(const Value& data, const std::string& file, const std::string& member,
                            Diagnostics& diagnostics);
}  // namespace mochi

FormatInfo mochi_format_info();
std::unique_ptr<Reader> make_mochi_reader();  // formats/mochi/reader.cpp
std::unique_ptr<Writer> make_mochi_writer();  // formats/mochi/writer.cpp
Format make_mochi_format();

}  // namespace deckport
