#include <nlohmann/json.hpp>

#include "apkg/check_keys.hpp"

#include "apkg/schema.hpp"

namespace deckport::apkg {
namespace {

using nlohmann::json;

// What serde accepts for each kind of field.
enum class Kind {
    any,             // the key must exist, any value (default_on_invalid)
    integer,         // a JSON integer
    id,              // an integer or a string of digits (deserialize_number_from_string)
    string,          // a JSON string
    boolean,         // a JSON boolean
    bool_or_number,  // deserialize_bool_from_anything and the `dyn` fix-up
    array,           // a JSON array
};

bool has_kind(const json& value, Kind kind) {
    switch (kind) {
        case Kind::any:
            return true;
        case Kind::integer:
            return value.is_number_integer();
        case Kind::id:
            return json_id(value).has_value();
        case Kind::string:
            return value.is_string();
        case Kind::boolean:
            return value.is_boolean();
        case Kind::bool_or_number:
            return value.is_boolean() || value.is_number();
        case Kind::array:
            return value.is_array();
    }
    return false;
}

const char* kind_name(Kind kind) {
    switch (kind) {
        case Kind::any:
            return "a value";
        case Kind::integer:
            return "an integer";
        case Kind::id:
            return "a numeric id";
        case Kind::string:
            return "a string";
        case Kind::boolean:
            return "true or false";
        case Kind::bool_or_number:
            return "a boolean or a number";
        case Kind::array:
            return "an array";
    }
    return "a value";
}

struct Rule {
    const char* key;
    Kind kind;
};

void apply(const json& object, std::initializer_list<Rule> rules, const std::string& prefix,
           std::vector<std::string>& problems) {
    for (const Rule& rule : rules) {
        auto it = object.find(rule.key);
        if (it == object.end()) {
            problems.push_back(prefix + "has no `" + rule.key + "`");
        } else if (!has_kind(*it, rule.kind)) {
            problems.push_back(prefix + "`" + rule.key + "` is not " + kind_name(rule.kind));
        }
    }
}

bool is_today_pair(const json& value) {
    return value.is_array() && value.size() == 2 && value[0].is_number_integer() &&
           value[1].is_number_integer();
}

}  // namespace

std::vector<std::string> note_type_key_problems(const json& nt) {
    std::vector<std::string> problems;
    if (!nt.is_object()) return {"it is not a JSON object"};
    apply(nt,
          {{"id", Kind::id},
           {"name", Kind::string},
           {"type", Kind::integer},
           {"mod", Kind::integer},
           {"usn", Kind::integer},
           {"sortf", Kind::integer},
           {"did", Kind::any},
           {"tmpls", Kind::array},
           {"flds", Kind::array},
           {"css", Kind::any}},
          "", problems);
    if (nt.contains("type") && nt["type"].is_number_integer() && nt["type"] != 0 &&
        nt["type"] != 1) {
        problems.push_back("`type` is neither 0 (standard) nor 1 (cloze)");
    }
    if (nt.contains("name") && nt["name"].is_string() && nt["name"].get<std::string>().empty()) {
        problems.push_back("`name` is empty");
    }
    if (nt.contains("flds") && nt["flds"].is_array()) {
        if (nt["flds"].empty()) problems.push_back("it has no fields");
        for (std::size_t i = 0; i < nt["flds"].size(); ++i) {
            const json& field = nt["flds"][i];
            std::string prefix = "field " + std::to_string(i) + " ";
            if (!field.is_object()) {
                problems.push_back(prefix + "is not a JSON object");
                continue;
            }
            apply(field,
                  {{"name", Kind::string},
                   {"sticky", Kind::bool_or_number},
                   {"rtl", Kind::bool_or_number},
                   {"font", Kind::string},
                   {"size", Kind::integer}},
                  prefix, problems);
            if (field.contains("name") && field["name"].is_string() &&
                field["name"].get<std::string>().empty()) {
                problems.push_back(prefix + "has an empty `name`");
            }
        }
    }
    if (nt.contains("tmpls") && nt["tmpls"].is_array()) {
        if (nt["tmpls"].empty()) problems.push_back("it has no templates");
        for (std::size_t i = 0; i < nt["tmpls"].size(); ++i) {
            const json& tmpl = nt["tmpls"][i];
            std::string prefix = "template " + std::to_string(i) + " ";
            if (!tmpl.is_object()) {
                problems.push_back(prefix + "is not a JSON object");
                continue;
            }
            apply(tmpl, {{"name", Kind::string}, {"qfmt", Kind::string}}, prefix, problems);
        }
    }
    return problems;
}

std::vector<std::string> deck_key_problems(const json& deck) {
    std::vector<std::string> problems;
    if (!deck.is_object()) return {"it is not a JSON object"};
    apply(deck,
          {{"id", Kind::id},
           {"name", Kind::string},
           {"usn", Kind::integer},
           {"collapsed", Kind::boolean},
           {"dyn", Kind::bool_or_number},
           {"lrnToday", Kind::array},
           {"revToday", Kind::array},
           {"newToday", Kind::array},
           {"timeToday", Kind::array}},
          "", problems);
    for (const char* key : {"lrnToday", "revToday", "newToday", "timeToday"}) {
        if (deck.contains(key) && deck[key].is_array() && !is_today_pair(deck[key])) {
            problems.push_back(std::string("`") + key + "` is not a [day, count] pair");
        }
    }
    bool filtered = deck.contains("dyn") && (deck["dyn"] == 1 || deck["dyn"] == true);
    if (filtered) {
        apply(deck, {{"resched", Kind::bool_or_number}, {"terms", Kind::array}}, "", problems);
    } else {
        apply(deck, {{"conf", Kind::id}}, "", problems);
    }
    return problems;
}

std::vector<std::string> deck_config_key_problems(const json& options) {
    std::vector<std::string> problems;
    if (!options.is_object()) return {"it is not a JSON object"};
    apply(options,
          {{"id", Kind::id},
           {"mod", Kind::id},
           {"name", Kind::string},
           {"usn", Kind::integer},
           {"maxTaken", Kind::integer},
           {"autoplay", Kind::boolean},
           {"timer", Kind::any},
           {"new", Kind::any},
           {"rev", Kind::any},
           {"lapse", Kind::any}},
          "", problems);
    return problems;
}

}  // namespace deckport::apkg
