// Anki packages (.apkg, .colpkg) and bare collections (.anki2, .anki21).
#pragma once

#include <memory>

#include "deckport/format.hpp"

namespace deckport {

FormatInfo apkg_format_info();
std::unique_ptr<Reader> make_apkg_reader();  // formats/apkg/reader.cpp
std::unique_ptr<Writer> make_apkg_writer();  // formats/apkg/writer.cpp
Format make_apkg_format();

}  // namespace deckport
