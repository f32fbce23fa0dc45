// Decoding of one HTML character reference, as md4c reports them (`&amp;`, `&#35;`, `&#x23;`).
#pragma once

#include <string>
#include <string_view>

namespace deckport::content {

// Appends the characters `entity` stands for; unknown names are appended unchanged.
void append_decoded_entity(std::string& out, std::string_view entity);

// `text` with every character reference (`&name;`, `&#NN;`, `&#xHH;`) decoded; an `&` that
// starts none stays as written. For attribute values and other text outside a parser.
std::string decode_entities(std::string_view text);

}  // namespace deckport::content
