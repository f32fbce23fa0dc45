#include "deckport/json_value.hpp"

#include <optional>
#include <utility>
#include <vector>

#include <simdjson.h>
#include <nlohmann/json.hpp>

namespace deckport {
namespace {

const nlohmann::json& empty_object() {
    static const nlohmann::json object = nlohmann::json::object();
    return object;
}

// The members `keys` names, shown to `found` as in JsonValue::any_member.
bool any_member_of_tree(const nlohmann::json& value, std::initializer_list<std::string_view> keys,
                        const JsonValue::MemberTest& found) {
    if (!value.is_object()) return false;
    for (const auto& [key, member] : value.items()) {
        for (std::string_view wanted : keys) {
            if (wanted != key) continue;
            if (found(wanted, member.is_structured() ? nlohmann::json::object() : member))
                return true;
        }
    }
    return false;
}

// any_member read from text with simdjson, without building a tree: nothing when simdjson
// cannot tell (numbers too big for 64 bits, or text that is not JSON), and the tree decides.
std::optional<bool> any_member_fast(const std::string& text,
                                    std::initializer_list<std::string_view> keys,
                                    const JsonValue::MemberTest& found) {
    thread_local simdjson::ondemand::parser parser;
    thread_local std::string padded;  // simdjson reads a little past the text's end
    padded.assign(text);
    padded.resize(text.size() + simdjson::SIMDJSON_PADDING);
    thread_local std::vector<std::pair<std::string_view, nlohmann::json>> members;
    members.clear();
    simdjson::ondemand::document document;
    simdjson::ondemand::object object;
    if (parser.iterate(padded.data(), text.size(), padded.size()).get(document) ||
        document.get_object().get(object)) {
        return std::nullopt;
    }
    for (auto field : object) {
        std::string_view key;
        if (field.unescaped_key().get(key)) return std::nullopt;
        std::string_view wanted;
        for (std::string_view candidate : keys) {
            if (candidate == key) wanted = candidate;
        }
        if (wanted.empty()) continue;  // the value is skipped unread
        simdjson::ondemand::value value;
        simdjson::ondemand::json_type type;
        if (field.value().get(value) || value.type().get(type)) return std::nullopt;
        nlohmann::json member;
        switch (type) {
            case simdjson::ondemand::json_type::object:
            case simdjson::ondemand::json_type::array:
                member = nlohmann::json::object();
                break;
            case simdjson::ondemand::json_type::string: {
                std::string_view string;
                if (value.get_string().get(string)) return std::nullopt;
                member = std::string(string);
                break;
            }
            case simdjson::ondemand::json_type::boolean: {
                bool boolean = false;
                if (value.get_bool().get(boolean)) return std::nullopt;
                member = boolean;
                break;
            }
            case simdjson::ondemand::json_type::null:
                member = nullptr;
                break;
            case simdjson::ondemand::json_type::number: {
                simdjson::ondemand::number number;
                if (value.get_number().get(number)) return std::nullopt;
                switch (number.get_number_type()) {
                    case simdjson::ondemand::number_type::signed_integer:
                        member = number.get_int64();
                        break;
                    case simdjson::ondemand::number_type::unsigned_integer:
                        member = number.get_uint64();
                        break;
                    default:
                        member = number.get_double();
                        break;
                }
                break;
            }
        }
        members.emplace_back(wanted, std::move(member));
    }
    // Shown only once the whole text is read: `found` sees each member once, even when the
    // tree must take over.
    for (const auto& [key, member] : members) {
        if (found(key, member)) return true;
    }
    return false;
}

}  // namespace

JsonValue::JsonValue() = default;

JsonValue::JsonValue(const nlohmann::json& value)
    : value_(std::make_unique<nlohmann::json>(value)) {}

JsonValue JsonValue::from_text(std::string text) {
    JsonValue value;
    value.text_ = std::move(text);
    value.text_.shrink_to_fit();  // held for the life of the collection: no spare capacity
    return value;
}

JsonValue::JsonValue(const JsonValue& other)
    : value_(other.value_ ? std::make_unique<nlohmann::json>(*other.value_) : nullptr),
      text_(other.text_) {}

JsonValue::JsonValue(JsonValue&& other) noexcept = default;

JsonValue& JsonValue::operator=(const JsonValue& other) {
    if (this != &other) {
        value_ = other.value_ ? std::make_unique<nlohmann::json>(*other.value_) : nullptr;
        text_ = other.text_;
    }
    return *this;
}

JsonValue& JsonValue::operator=(JsonValue&& other) noexcept = default;
JsonValue::~JsonValue() = default;

nlohmann::json& JsonValue::json() {
    if (!value_) value_ = std::make_unique<nlohmann::json>(parsed());
    std::string().swap(text_);
    return *value_;
}

const nlohmann::json& JsonValue::json() const {
    if (!value_ && !text_.empty()) {
        value_ = std::make_unique<nlohmann::json>(nlohmann::json::parse(text_));
        std::string().swap(text_);
    }
    return value_ ? *value_ : empty_object();
}

nlohmann::json JsonValue::parsed() const {
    if (value_) return *value_;
    if (!text_.empty()) return nlohmann::json::parse(text_);
    return nlohmann::json::object();
}

nlohmann::ordered_json JsonValue::parsed_ordered() const {
    if (value_) return nlohmann::ordered_json(*value_);
    if (!text_.empty()) return nlohmann::ordered_json::parse(text_);
    return nlohmann::ordered_json::object();
}

bool JsonValue::any_member(std::initializer_list<std::string_view> keys,
                           const MemberTest& found) const {
    if (value_ || text_.empty())
        return any_member_of_tree(value_ ? *value_ : empty_object(), keys, found);
    if (std::optional<bool> passed = any_member_fast(text_, keys, found)) return *passed;
    // Rare (a number past 64 bits): the whole tree, which also reports text that is not JSON.
    return any_member_of_tree(parsed(), keys, found);
}

bool JsonValue::empty() const {
    if (value_) return value_->is_null() || value_->empty();
    // Text is compact JSON: an empty container or null is spelt exactly so.
    // The length first: it is at hand, while the text is elsewhere in memory.
    if (text_.size() > 4) return false;
    return text_.empty() || text_ == "{}" || text_ == "[]" || text_ == "null";
}

// Compares without caching a tree on either side (a round trip compares every note).
bool operator==(const JsonValue& a, const JsonValue& b) {
    if (!a.value_ && !b.value_ && a.text_ == b.text_) return true;
    if (a.value_ && b.value_) return *a.value_ == *b.value_;
    return a.parsed() == b.parsed();
}

}  // namespace deckport
