// Mochi's two data encodings, decoded into EDN values. Both throw InputError on malformed input:
// MOCHI011 (JSON syntax), MOCHI012 (EDN syntax), MOCHI013 (nesting deeper than
// Limits::max_nesting), MOCHI014 (malformed Transit).
#pragma once

#include <string>
#include <string_view>

#include "deckport/io.hpp"
#include "mochi/edn_value.hpp"

namespace deckport::mochi {

// data.json: Transit-JSON in its verbose form (maps as objects, `{"~#tag": value}`) or its
// compact form (`["^ ", k, v...]` maps, `["~#tag", value]`, `^0`-style cache references).
// JSON syntax errors name `file`!`member` with a line and column; Transit errors name `file` with
// the locator `member`!path. An empty `member` (a data.json read on its own) leaves it out.
Value decode_transit_json(std::string_view text, const std::string& file, const std::string& member,
                          const Limits& limits);

// data.edn: maps, vectors, lists, sets, keywords, symbols, strings, characters, numbers,
// nil/true/false, tagged literals (`#inst "..."`), `#_` discards and `;` comments. Errors name
// `file` (e.g. `deck.mochi!data.edn`) with a line and column.
Value parse_edn(std::string_view text, const std::string& file, const Limits& limits);

}  // namespace deckport::mochi
