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

JsonValue::JsonValue(const JsonValue& other)
    : value_(other.value_ ? std::make_unique<nlohmann::json>(*other.value_) : nullptr) {}

JsonValue::JsonValue(JsonValue&& other) noexcept = default;

JsonValue& JsonValue::operator=(const JsonValue& other) {
    if (this != &other) {
        value_ = other.value_ ? std::make_unique<nlohmann::json>(*other.value_) : nullptr;
    }
    return *this;
}

JsonValue& JsonValue::operator=(JsonValue&& other) noexcept = default;
JsonValue::~JsonValue() = default;

nlohmann::json& JsonValue::json() {
    if (!value_) value_ = std::make_unique<nlohmann::json>(nlohmann::json::object());
    return *value_;
}

const nlohmann::json& JsonValue::json() const { return value_ ? *value_ : empty_object(); }

bool JsonValue::empty() const { return !value_ || value_->is_null() || value_->empty(); }

bool operator==(const JsonValue& a, const JsonValue& b) { return a.json() == b.json(); }

}  // namespace deckport
