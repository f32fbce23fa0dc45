#include "json/problems.hpp"

#include <limits>
#include <nlohmann/json.hpp>

#include "json/json_scan.hpp"

namespace deckport::json_format {
namespace {

std::string described_type(const nlohmann::json& value) {
    switch (value.type()) {
        case nlohmann::json::value_t::object:
            return "an object";
        case nlohmann::json::value_t::array:
            return "an array";
        case nlohmann::json::value_t::string:
            return "a string";
        case nlohmann::json::value_t::boolean:
            return "a boolean";
        case nlohmann::json::value_t::null:
            return "null";
        case nlohmann::json::value_t::number_float:
            return "a fractional number";
        case nlohmann::json::value_t::number_integer:
        case nlohmann::json::value_t::number_unsigned:
            return "an integer";
        default:
            return "an unsupported value";
    }
}

}  // namespace

void Problems::error(std::string code, std::string pointer, std::string message, std::string hint) {
    items_.push_back({Severity::error, std::move(code), std::move(pointer), std::move(message),
                      std::move(hint)});
}

void Problems::warning(std::string code, std::string pointer, std::string message,
                       std::string hint) {
    items_.push_back({Severity::warning, std::move(code), std::move(pointer), std::move(message),
                      std::move(hint)});
}

void Problems::unknown_key(const std::string& pointer, std::string_view key) {
    std::string message = "unknown key \"" + std::string(key) + "\"";
    if (lenient_keys_) {
        warning("JSON012", pointer, message + " ignored (added by a newer version?)");
    } else {
        error("JSON012", pointer, message, "see docs/json-format.md for the keys of each object");
    }
}

void Problems::wrong_type(const std::string& pointer, std::string_view expected,
                          const nlohmann::json& found) {
    error("JSON011", pointer,
          "expected " + std::string(expected) + ", found " + described_type(found));
}

void Problems::missing_key(const std::string& pointer, std::string_view key) {
    error("JSON010", pointer, "missing required key \"" + std::string(key) + "\"");
}

Members::Members(const nlohmann::json& object, std::string pointer, Problems& problems)
    : object_(object), pointer_(std::move(pointer)), problems_(problems) {}

std::string Members::pointer_of(std::string_view key) const {
    return pointer_ + "/" + pointer_token(key);
}

const nlohmann::json* Members::get(std::string_view key, bool required) {
    asked_.emplace(key);
    auto it = object_.find(key);
    if (it == object_.end()) {
        if (required) problems_.missing_key(pointer_, key);
        return nullptr;
    }
    return &*it;
}

std::optional<std::string> Members::string(std::string_view key, bool required) {
    const nlohmann::json* value = get(key, required);
    if (!value) return std::nullopt;
    if (!value->is_string()) {
        problems_.wrong_type(pointer_of(key), "a string", *value);
        return std::nullopt;
    }
    return value->get<std::string>();
}

std::optional<std::int64_t> Members::integer(std::string_view key, bool required) {
    const nlohmann::json* value = get(key, required);
    if (!value) return std::nullopt;
    return as_integer(*value, pointer_of(key), problems_);
}

const nlohmann::json* Members::array(std::string_view key, bool required) {
    const nlohmann::json* value = get(key, required);
    if (value && !value->is_array()) {
        problems_.wrong_type(pointer_of(key), "an array", *value);
        return nullptr;
    }
    return value;
}

const nlohmann::json* Members::object(std::string_view key, bool required) {
    const nlohmann::json* value = get(key, required);
    if (value && !expect_object(*value, pointer_of(key), problems_)) return nullptr;
    return value;
}

void Members::finish() {
    for (const auto& [key, value] : object_.items()) {
        if (!asked_.count(key)) problems_.unknown_key(pointer_of(key), key);
    }
}

bool expect_object(const nlohmann::json& value, const std::string& pointer, Problems& problems) {
    if (value.is_object()) return true;
    problems.wrong_type(pointer, "an object", value);
    return false;
}

std::optional<std::int64_t> as_integer(const nlohmann::json& value, const std::string& pointer,
                                       Problems& problems) {
    if (value.is_number_integer() && !value.is_number_unsigned()) return value.get<std::int64_t>();
    if (value.is_number_unsigned()) {
        auto number = value.get<std::uint64_t>();
        if (number <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            return static_cast<std::int64_t>(number);
        }
        problems.error("JSON013", pointer,
                       "integer " + std::to_string(number) + " is out of range");
        return std::nullopt;
    }
    problems.wrong_type(pointer, "an integer", value);
    return std::nullopt;
}

}  // namespace deckport::json_format
