#include "mochi/edn_value.hpp"

namespace deckport::mochi {

Value Value::make_string(Kind kind, std::string text) {
    Value value;
    value.kind = kind;
    value.text = std::move(text);
    return value;
}

Value Value::make_tagged(std::string tag, Value tagged) {
    Value value;
    value.kind = Kind::tagged;
    value.text = std::move(tag);
    value.items.push_back(std::move(tagged));
    return value;
}

const Value* Value::get(std::string_view key) const {
    if (kind != Kind::map) return nullptr;
    for (std::size_t i = 0; i + 1 < items.size(); i += 2) {
        const Value& k = items[i];
        if (k.is_text() && k.text == key) return &items[i + 1];
    }
    return nullptr;
}

std::optional<std::string> Value::get_text(std::string_view key) const {
    const Value* value = get(key);
    if (!value || !value->is_text()) return std::nullopt;
    return value->text;
}

std::string describe(const Value& value) {
    switch (value.kind) {
        case Value::Kind::nil:
            return "nil";
        case Value::Kind::boolean:
            return "a boolean";
        case Value::Kind::integer:
            return "an integer";
        case Value::Kind::real:
            return "a number";
        case Value::Kind::string:
            return "a string";
        case Value::Kind::keyword:
            return "a keyword";
        case Value::Kind::symbol:
            return "a symbol";
        case Value::Kind::vector:
            return "a vector";
        case Value::Kind::list:
            return "a list";
        case Value::Kind::set:
            return "a set";
        case Value::Kind::map:
            return "a map";
        case Value::Kind::tagged:
            return "a value tagged #" + value.text;
    }
    return "a value";
}

}  // namespace deckport::mochi
