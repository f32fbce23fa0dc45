// The data model shared by Mochi's two encodings: Transit-JSON (data.json) and EDN (data.edn)
// both decode into this tree of EDN values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace deckport::mochi {

struct Value {
    enum class Kind {
        nil,
        boolean,
        integer,
        real,
        string,
        keyword,  // text without the leading ':'
        symbol,
        vector,
        list,
        set,
        map,     // items hold key, value, key, value...
        tagged,  // text is the tag (`inst`, `dt`, `t`...), items[0] the tagged value
    };

    Kind kind = Kind::nil;
    bool boolean = false;
    std::int64_t integer = 0;
    double real = 0;
    std::string text;
    std::vector<Value> items;

    static Value make_string(Kind kind, std::string text);
    static Value make_tagged(std::string tag, Value value);

    bool is_sequence() const {
        return kind == Kind::vector || kind == Kind::list || kind == Kind::set;
    }
    // A string or a keyword (Mochi uses both for names and ids).
    bool is_text() const { return kind == Kind::string || kind == Kind::keyword; }
    // The value for a keyword (or string) key of a map; null when absent or not a map.
    const Value* get(std::string_view key) const;
    // The text of a string or keyword value under `key`, if it has one.
    std::optional<std::string> get_text(std::string_view key) const;
    std::size_t map_size() const { return kind == Kind::map ? items.size() / 2 : 0; }
};

// "a map", "a string", "tag #dt"...: for messages that say what was found instead.
std::string describe(const Value& value);

}  // namespace deckport::mochi
