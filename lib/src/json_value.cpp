#include "deckport/json_value.hpp"

#include <nlohmann/json.hpp>

namespace deckport {
namespace {

const nlohmann::json& empty_object() {
    static const nlohmann::json object = nlohmann::json::object();
    return object;
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

bool JsonValue::empty() const {
    if (value_) return value_->is_null() || value_->empty();
    // Text is compact JSON: an empty container or null is spelt exactly so.
    return text_.empty() || text_ == "{}" || text_ == "[]" || text_ == "null";
}

// Compares without caching a tree on either side (a round trip compares every note).
bool operator==(const JsonValue& a, const JsonValue& b) {
    if (!a.value_ && !b.value_ && a.text_ == b.text_) return true;
    if (a.value_ && b.value_) return *a.value_ == *b.value_;
    return a.parsed() == b.parsed();
}

}  // namespace deckport
