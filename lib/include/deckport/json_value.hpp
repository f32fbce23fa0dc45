// A JSON value held by the model (extras, card scheduling) without making every user of the
// model parse <nlohmann/json.hpp>: only code that reads or writes the value includes it.
#pragma once

#include <functional>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace deckport {

class JsonValue {
  public:
    JsonValue();  // an empty object
    explicit JsonValue(const nlohmann::json& value);
    // A value given as compact JSON text, kept as text until something asks for the tree: a
    // card's scheduling read from an .apkg is one string instead of a tree of 15 allocations.
    // `text` must be valid JSON as nlohmann's dump() writes it (the reader that makes it
    // serialises it itself): writers copy it as it is.
    static JsonValue from_text(std::string text);
    JsonValue(const JsonValue& other);
    JsonValue(JsonValue&& other) noexcept;
    JsonValue& operator=(const JsonValue& other);
    JsonValue& operator=(JsonValue&& other) noexcept;
    ~JsonValue();

    // The value; an empty object until something is stored. A value held as text is parsed
    // once, and kept as a tree from then on: the const overload writes that cache, so one
    // value must not be read through it from several threads at once (parsed() may be).
    nlohmann::json& json();
    const nlohmann::json& json() const;
    // The value as a tree made for the caller, leaving a value held as text as it is: for code
    // that reads every card's value once and should not leave a tree behind for each.
    nlohmann::json parsed() const;
    nlohmann::ordered_json parsed_ordered() const;
    // Calls `found(key, value)` for the value's top-level members named in `keys`, in the
    // value's order, until it returns true; returns whether it did. An object or array member
    // is given as an empty object. Read from text without building a tree: for code that looks
    // at a few keys of every card's value.
    using MemberTest = std::function<bool(std::string_view key, const nlohmann::json& value)>;
    bool any_member(std::initializer_list<std::string_view> keys, const MemberTest& found) const;
    // The compact JSON text of a value held as text (nlohmann's dump() of it), or null when
    // it is held as a tree: a writer can copy the text instead of parsing it.
    const std::string* compact_text() const { return value_ || text_.empty() ? nullptr : &text_; }
    // True for an empty object (or null, or an empty array): nothing worth keeping.
    bool empty() const;

    friend bool operator==(const JsonValue& a, const JsonValue& b);

  private:
    // At most one of the two is set; neither: an empty object, allocated on first write.
    mutable std::unique_ptr<nlohmann::json> value_;
    mutable std::string text_;
};

}  // namespace deckport
