// Transit-JSON decoding, following the Transit spec and the reading rules of transit-js (which
// Mochi, a ClojureScript app, uses): which strings enter the key cache, the 44-digit cache codes
// and the rewind after a two-element array that turns out not to be a tagged value.
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <nlohmann/json.hpp>

#include "common/bounded_json.hpp"
#include "deckport/error.hpp"
#include "mochi/decoders.hpp"

namespace deckport::mochi {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::size_t kMinCacheableLength = 4;  // strings longer than 3 characters
constexpr int kCacheCodeDigits = 44;
constexpr int kCacheCodeBase = 48;  // '0'
constexpr std::size_t kMaxCacheEntries = kCacheCodeDigits * kCacheCodeDigits;

bool is_cacheable(const std::string& s, bool as_map_key) {
    if (s.size() < kMinCacheableLength) return false;
    return as_map_key || (s[0] == '~' && (s[1] == ':' || s[1] == '$' || s[1] == '#'));
}

// A `~#tag` string read on its own: a tagged value with no value yet.
Value tag_marker(std::string tag) {
    Value value;
    value.kind = Value::Kind::tagged;
    value.text = std::move(tag);
    return value;
}

// "[3]" for a locator. (Built by appending: GCC 12 warns falsely on "[" + std::to_string(i).)
std::string index_part(std::size_t index) {
    std::string part = "[";
    part += std::to_string(index);
    part += ']';
    return part;
}

bool is_tag_marker(const Value& value) {
    return value.kind == Value::Kind::tagged && value.items.empty();
}

class TransitDecoder {
  public:
    // Cache references may repeat a string many times; what they add up to stays within a few
    // times the input (legitimate compact Transit replaces short keys, so it expands far less).
    TransitDecoder(std::string file, std::string member, std::size_t input_size)
        : file_(std::move(file)),
          member_(std::move(member)),
          cache_budget_(8 * input_size + (1u << 20)) {}

    Value decode(const Json& node, bool as_map_key, bool tag_value) {
        switch (node.type()) {
            case Json::value_t::null:
                return Value{};
            case Json::value_t::boolean: {
                Value value;
                value.kind = Value::Kind::boolean;
                value.boolean = node.get<bool>();
                return value;
            }
            case Json::value_t::number_integer:
                return integer(node.get<std::int64_t>());
            case Json::value_t::number_unsigned: {
                auto u = node.get<std::uint64_t>();
                if (u <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
                    return integer(static_cast<std::int64_t>(u));
                }
                return real(static_cast<double>(u));
            }
            case Json::value_t::number_float:
                return real(node.get<double>());
            case Json::value_t::string: {
                Value value = decode_string(node.get_ref<const std::string&>(), as_map_key);
                if (is_tag_marker(value)) {
                    fail("'~#" + value.text + "' is a Transit tag with no tagged value");
                }
                return value;
            }
            case Json::value_t::array:
                return decode_array(node, tag_value);
            case Json::value_t::object:
                return decode_object(node);
            default:
                fail("unsupported JSON value");
        }
    }

  private:
    static Value integer(std::int64_t n) {
        Value value;
        value.kind = Value::Kind::integer;
        value.integer = n;
        return value;
    }
    static Value real(double d) {
        Value value;
        value.kind = Value::Kind::real;
        value.real = d;
        return value;
    }

    [[noreturn]] void fail(const std::string& message) const {
        std::string locator = member_.empty() ? std::string{} : member_ + "!";
        for (const std::string& part : path_) {
            if (!part.empty() && part.front() == '[') {
                locator += part;
            } else {
                locator += (locator.back() == '!' ? "" : ".") + part;
            }
        }
        throw InputError("MOCHI014", SourceLocation{file_, 0, 0, locator},
                         "malformed Transit: " + message);
    }

    // Map keys as they read in a locator: `decks` for "~:decks".
    static std::string key_name(const std::string& key) {
        return key.rfind("~:", 0) == 0 ? key.substr(2) : key;
    }

    Value decode_string(const std::string& s, bool as_map_key) {
        if (is_cacheable(s, as_map_key)) {
            Value value = parse_string(s);
            remember(value);
            return value;
        }
        if (!s.empty() && s[0] == '^') return recall(s);
        return parse_string(s);
    }

    void remember(const Value& value) {
        if (cache_index_ == kMaxCacheEntries) cache_index_ = 0;
        if (cache_index_ < cache_.size()) {
            cache_[cache_index_] = value;
        } else {
            cache_.push_back(value);
        }
        ++cache_index_;
    }

    Value recall(const std::string& code) {
        std::size_t index = 0;
        auto digit = [&](char c) {
            int d = static_cast<unsigned char>(c) - kCacheCodeBase;
            if (d < 0 || d >= kCacheCodeDigits) fail("bad cache reference '" + code + "'");
            return static_cast<std::size_t>(d);
        };
        if (code.size() == 2) {
            index = digit(code[1]);
        } else if (code.size() == 3) {
            index = digit(code[1]) * kCacheCodeDigits + digit(code[2]);
        } else {
            fail("bad cache reference '" + code + "'");
        }
        if (index >= cache_.size()) {
            fail("cache reference '" + code + "' comes before the value it refers to");
        }
        const Value& value = cache_[index];
        std::size_t size = value.text.size();
        if (size > cache_budget_) fail("cache references expand beyond the input's size bound");
        cache_budget_ -= size;
        return value;
    }

    Value parse_string(const std::string& s) {
        if (s.empty() || s[0] != '~') return Value::make_string(Value::Kind::string, s);
        if (s.size() == 1) fail("a lone '~' is not a Transit value");
        char c = s[1];
        std::string rest = s.substr(2);
        switch (c) {
            case '~':
            case '^':
            case '`':
                return Value::make_string(Value::Kind::string, s.substr(1));
            case '#':
                return tag_marker(std::move(rest));
            case ':':
                return Value::make_string(Value::Kind::keyword, std::move(rest));
            case '$':
                return Value::make_string(Value::Kind::symbol, std::move(rest));
            case '_':
                return Value{};
            case '?': {
                if (rest != "t" && rest != "f") fail("bad boolean '" + s + "'");
                Value value;
                value.kind = Value::Kind::boolean;
                value.boolean = rest == "t";
                return value;
            }
            case 'i':
            case 'n':
                return parse_integer(s, rest);
            case 'd':
            case 'f':
                return real(parse_double(s, rest));
            case 'z': {
                if (rest == "NaN") return real(std::numeric_limits<double>::quiet_NaN());
                if (rest == "INF") return real(std::numeric_limits<double>::infinity());
                if (rest == "-INF") return real(-std::numeric_limits<double>::infinity());
                fail("bad special number '" + s + "'");
            }
            case 'c':
                return Value::make_string(Value::Kind::string, std::move(rest));
            case 'm': {
                Value millis = parse_integer(s, rest);
                if (millis.kind != Value::Kind::integer) fail("bad time '" + s + "'");
                return Value::make_tagged("m", std::move(millis));
            }
            default:
                // `~t`, `~u`, `~r`, `~b` and tags this reader does not know: a tagged string,
                // as Transit's default handler makes.
                return Value::make_tagged(std::string(1, c),
                                          Value::make_string(Value::Kind::string, std::move(rest)));
        }
    }

    Value parse_integer(const std::string& whole, const std::string& digits) {
        std::int64_t n = 0;
        const char* end = digits.data() + digits.size();
        auto [ptr, ec] = std::from_chars(digits.data(), end, n);
        if (ec == std::errc() && ptr == end && !digits.empty()) return integer(n);
        if (ec == std::errc::result_out_of_range) return real(parse_double(whole, digits));
        fail("bad integer '" + whole + "'");
    }

    double parse_double(const std::string& whole, const std::string& digits) {
        if (digits.empty() || std::isspace(static_cast<unsigned char>(digits[0]))) {
            fail("bad number '" + whole + "'");
        }
        char* end = nullptr;
        double d = std::strtod(digits.c_str(), &end);
        if (end != digits.c_str() + digits.size()) fail("bad number '" + whole + "'");
        return d;
    }

    Value decode_array(const Json& node, bool tag_value) {
        if (!node.empty() && node[0].is_string() && node[0].get_ref<const std::string&>() == "^ ") {
            return decode_map_as_array(node);
        }
        if (!tag_value && node.size() == 2 && node[0].is_string()) {
            std::size_t saved_index = cache_index_;
            Value head = decode_string(node[0].get_ref<const std::string&>(), false);
            if (is_tag_marker(head)) {
                path_.push_back("#" + head.text);
                Value tagged = apply_tag(head.text, decode(node[1], false, true));
                path_.pop_back();
                return tagged;
            }
            cache_index_ = saved_index;
        }
        Value vector;
        vector.kind = Value::Kind::vector;
        vector.items.reserve(node.size());
        for (std::size_t i = 0; i < node.size(); ++i) {
            path_.push_back(index_part(i));
            vector.items.push_back(decode(node[i], false, false));
            path_.pop_back();
        }
        return vector;
    }

    Value decode_map_as_array(const Json& node) {
        if (node.size() % 2 != 1) fail("a [\"^ \", ...] map has a key without a value");
        Value map;
        map.kind = Value::Kind::map;
        map.items.reserve(node.size() - 1);
        for (std::size_t i = 1; i < node.size(); i += 2) {
            Value key = decode(node[i], true, false);
            path_.push_back(key.is_text() ? key.text : index_part(i / 2));
            Value value = decode(node[i + 1], false, false);
            path_.pop_back();
            map.items.push_back(std::move(key));
            map.items.push_back(std::move(value));
        }
        return map;
    }

    Value decode_object(const Json& node) {
        if (node.size() == 1) {
            const std::string& key = node.begin().key();
            // transit-js decodes a lone key first as a possible tag, then (if it is none)
            // again as a map key; both passes may enter the cache.
            Value head = decode_string(key, false);
            if (is_tag_marker(head)) {
                path_.push_back("#" + head.text);
                Value tagged = apply_tag(head.text, decode(node.begin().value(), false, true));
                path_.pop_back();
                return tagged;
            }
        }
        Value map;
        map.kind = Value::Kind::map;
        map.items.reserve(node.size() * 2);
        for (auto it = node.begin(); it != node.end(); ++it) {
            Value key = decode_string(it.key(), true);
            if (is_tag_marker(key)) fail("'" + it.key() + "' is a Transit tag used as a map key");
            path_.push_back(key_name(it.key()));
            Value value = decode(it.value(), false, false);
            path_.pop_back();
            map.items.push_back(std::move(key));
            map.items.push_back(std::move(value));
        }
        return map;
    }

    Value apply_tag(const std::string& tag, Value rep) {
        if (tag == "'") return rep;
        if (tag == "set" || tag == "list") {
            if (rep.kind != Value::Kind::vector) {
                fail("'~#" + tag + "' needs an array, found " + describe(rep));
            }
            rep.kind = tag == "set" ? Value::Kind::set : Value::Kind::list;
            return rep;
        }
        if (tag == "cmap") {
            if (rep.kind != Value::Kind::vector || rep.items.size() % 2 != 0) {
                fail("'~#cmap' needs an array of keys and values");
            }
            rep.kind = Value::Kind::map;
            return rep;
        }
        return Value::make_tagged(tag, std::move(rep));
    }

    std::string file_;
    std::string member_;
    std::vector<Value> cache_;
    std::size_t cache_index_ = 0;
    std::size_t cache_budget_;
    std::vector<std::string> path_;
};

}  // namespace

Value decode_transit_json(std::string_view text, const std::string& file, const std::string& member,
                          const Limits& limits) {
    Json document = parse_bounded_ordered_json(text, member.empty() ? file : file + "!" + member,
                                               {"MOCHI011", "MOCHI013"}, limits);
    TransitDecoder decoder(file, member, text.size());
    return decoder.decode(document, false, false);
}

}  // namespace deckport::mochi
