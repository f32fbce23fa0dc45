// A JSON value held by the model (extras, card scheduling) without making every user of the
// model parse <nlohmann/json.hpp>: only code that reads or writes the value includes it.
#pragma once

#include <memory>

#include <nlohmann/json_fwd.hpp>

namespace deckport {

class JsonValue {
  public:
    JsonValue();  // an empty object
    explicit JsonValue(const nlohmann::json& value);
    JsonValue(const JsonValue& other);
    JsonValue(JsonValue&& other) noexcept;
    JsonValue& operator=(const JsonValue& other);
    JsonValue& operator=(JsonValue&& other) noexcept;
    ~JsonValue();

    // The value; an empty object until something is stored.
    nlohmann::json& json();
    const nlohmann::json& json() const;
    // True for an empty object (or null, or an empty array): nothing worth keeping.
    bool empty() const;

    friend bool operator==(const JsonValue& a, const JsonValue& b);

  private:
    std::unique_ptr<nlohmann::json> value_;  // null: an empty object, allocated on first write
};

}  // namespace deckport
