#include "deckport/json_value.hpp"

#include <utility>

#include <nlohmann/json.hpp>

namespace deckport {
namespace {

const nlohmann::json& empty_object() {
    static const nlohmann::json object = nlohmann::json::object();
    return object;
}

// Collects the scalar top-level members of an object whose keys are wanted; skips the rest
// without building it.
class MemberCollector : public nlohmann::json_sax<nlohmann::json> {
  public:
    MemberCollector(std::initializer_list<std::string_view> keys, nlohmann::json& out)
        : keys_(keys), out_(out) {}

    bool null() override { return take(nullptr); }
    bool boolean(bool value) override { return take(value); }
    bool number_integer(number_integer_t value) override { return take(value); }
    bool number_unsigned(number_unsigned_t value) override { return take(value); }
    bool number_float(number_float_t value, const string_t&) override { return take(value); }
    bool string(string_t& value) override { return take(std::move(value)); }
    bool binary(binary_t&) override { return take(nlohmann::json::object()); }
    bool start_object(std::size_t) override { return open(); }
    bool start_array(std::size_t) override { return open(); }
    bool end_object() override { return --depth_, true; }
    bool end_array() override { return --depth_, true; }
    bool key(string_t& name) override {
        if (depth_ == 1) {
            wanted_.clear();
            for (std::string_view key : keys_) {
                if (key == name) wanted_ = name;
            }
        }
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
        return false;
    }

  private:
    template <typename Value>
    bool take(Value&& value) {
        if (depth_ == 1 && !wanted_.empty()) out_[wanted_] = std::forward<Value>(value);
        return true;
    }
    bool open() {
        if (depth_ == 1 && !wanted_.empty()) out_[wanted_] = nlohmann::json::object();
        ++depth_;
        return true;
    }

    std::initializer_list<std::string_view> keys_;
    nlohmann::json& out_;
    std::string wanted_;  // the key of the member being read, when it is wanted
    int depth_ = 0;
};

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

nlohmann::json JsonValue::members(std::initializer_list<std::string_view> keys) const {
    nlohmann::json out = nlohmann::json::object();
    if (value_ || text_.empty()) {
        const nlohmann::json& value = value_ ? *value_ : empty_object();
        if (!value.is_object()) return out;
        for (std::string_view key : keys) {
            auto it = value.find(key);
            if (it == value.end()) continue;
            out[std::string(key)] =
                it->is_structured() ? nlohmann::json::object() : nlohmann::json(*it);
        }
        return out;
    }
    MemberCollector collector(keys, out);
    // Text is valid JSON (from_text); were it not, the full parse reports it as parsed() would.
    if (!nlohmann::json::sax_parse(text_, &collector)) {
        [[maybe_unused]] nlohmann::json throws = nlohmann::json::parse(text_);
    }
    return out;
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
