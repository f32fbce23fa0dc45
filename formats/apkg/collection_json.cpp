#include "apkg/collection_json.hpp"

#include <algorithm>
#include <initializer_list>
#include <limits>
#include <nlohmann/json.hpp>

namespace deckport::apkg {
namespace {

using json = nlohmann::json;

constexpr const char* kLatexPre =
    "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n"
    "\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n"
    "\\setlength{\\parindent}{0in}\n\\begin{document}\n";
constexpr const char* kLatexPost = "\\end{document}";

// Copies the keys of `extras` into `target`, except those the writer decides itself.
void overlay(json& target, const json& extras, std::initializer_list<std::string_view> reserved) {
    if (!extras.is_object()) return;
    for (const auto& [key, value] : extras.items()) {
        if (std::find(reserved.begin(), reserved.end(), key) == reserved.end()) {
            target[key] = value;
        }
    }
}

// Each `require_*` keeps a value of the type (and range) Anki parses, or puts the fallback.
void require_integer(json& object, const char* key, std::int64_t fallback,
                     std::int64_t low = std::numeric_limits<std::int64_t>::min(),
                     std::int64_t high = std::numeric_limits<std::int64_t>::max()) {
    auto it = object.find(key);
    if (it != object.end() && it->is_number_integer()) {
        if (it->is_number_unsigned() &&
            it->get<std::uint64_t>() > static_cast<std::uint64_t>(high)) {
            *it = fallback;
            return;
        }
        std::int64_t value = it->get<std::int64_t>();
        if (value >= low && value <= high) return;
    }
    object[key] = fallback;
}

void require_number(json& object, const char* key, double fallback) {
    auto it = object.find(key);
    if (it == object.end() || !it->is_number()) object[key] = fallback;
}

void require_bool(json& object, const char* key, bool fallback) {
    auto it = object.find(key);
    if (it == object.end() || !it->is_boolean()) object[key] = fallback;
}

void require_string(json& object, const char* key, const std::string& fallback) {
    auto it = object.find(key);
    if (it == object.end() || !it->is_string()) object[key] = fallback;
}

void require_array(json& object, const char* key, const json& fallback) {
    auto it = object.find(key);
    if (it == object.end() || !it->is_array()) object[key] = fallback;
}

// A key that may be absent, but when present must be an integer (or null when allowed).
void optional_integer(json& object, const char* key, bool null_allowed) {
    auto it = object.find(key);
    if (it == object.end() || it->is_number_integer() || (null_allowed && it->is_null())) return;
    object.erase(it);
}

void require_deck_id_or_null(json& object, const char* key, const json& fallback) {
    auto it = object.find(key);
    if (it != object.end() && (it->is_null() || it->is_number_integer())) return;
    object[key] = fallback;
}

// `[day, count]` pairs of a deck's daily counters.
void require_today(json& deck, const char* key) {
    auto it = deck.find(key);
    if (it != deck.end() && it->is_array() && it->size() == 2 && (*it)[0].is_number_integer() &&
        (*it)[1].is_number_integer()) {
        return;
    }
    deck[key] = json::array({0, 0});
}

std::string trim(std::string_view text) {
    std::size_t begin = text.find_first_not_of(" \t\n\r");
    if (begin == std::string_view::npos) return {};
    std::size_t end = text.find_last_not_of(" \t\n\r");
    return std::string(text.substr(begin, end - begin + 1));
}

struct TemplateTag {
    char kind = 0;  // 0 = replacement, '#' / '^' = section opens, '/' = section closes
    std::string field;
    std::string filters;  // "cloze:", "type:" ... before the field name
};

// The {{...}} tags of a card template, in order.
std::vector<TemplateTag> template_tags(std::string_view text) {
    std::vector<TemplateTag> tags;
    std::size_t pos = 0;
    while ((pos = text.find("{{", pos)) != std::string_view::npos) {
        std::size_t close = text.find("}}", pos + 2);
        if (close == std::string_view::npos) break;
        std::string inner = trim(text.substr(pos + 2, close - pos - 2));
        pos = close + 2;
        if (inner.empty() || inner[0] == '!' || inner[0] == '=') continue;
        TemplateTag tag;
        if (inner[0] == '#' || inner[0] == '^' || inner[0] == '/') {
            tag.kind = inner[0];
            tag.field = trim(std::string_view(inner).substr(1));
        } else {
            std::size_t colon = inner.rfind(':');
            tag.field = colon == std::string::npos ? inner : trim(inner.substr(colon + 1));
            tag.filters = colon == std::string::npos ? std::string{} : inner.substr(0, colon + 1);
        }
        tags.push_back(std::move(tag));
    }
    return tags;
}

void add_unique(json& list, int value) {
    for (const auto& item : list) {
        if (item == value) return;
    }
    list.push_back(value);
}

// Which fields the front of a template needs to be non-empty, the way Anki 2.0 stored it:
// fields shown outside any section are enough on their own ("any"); a front that shows
// something only inside {{#Section}} needs the section's field and what it shows ("all").
json template_requirement(const NoteType& note_type, int ord, std::string_view front) {
    json outside = json::array();
    json within = json::array();
    int depth = 0;
    for (const TemplateTag& tag : template_tags(front)) {
        int field = note_type.field_index(tag.field);
        if (tag.kind == '#' || tag.kind == '^') {
            if (tag.kind == '#' && field >= 0) add_unique(within, field);
            ++depth;
        } else if (tag.kind == '/') {
            depth = std::max(0, depth - 1);
        } else if (field >= 0) {
            add_unique(depth == 0 ? outside : within, field);
        }
    }
    if (!outside.empty()) return json::array({ord, "any", outside});
    if (!within.empty()) {
        std::vector<int> sorted = within.get<std::vector<int>>();
        std::sort(sorted.begin(), sorted.end());
        return json::array({ord, "all", sorted});
    }
    return json::array({ord, "none", json::array()});
}

bool valid_requirements(const json& req, std::size_t templates) {
    if (!req.is_array() || req.size() != templates) return false;
    for (const auto& item : req) {
        if (!item.is_array() || item.size() != 3 || !item[0].is_number_unsigned() ||
            !item[1].is_string() || !item[2].is_array()) {
            return false;
        }
        std::string kind = item[1].get<std::string>();
        if (kind != "any" && kind != "all" && kind != "none") return false;
        for (const auto& ord : item[2]) {
            if (!ord.is_number_unsigned() || ord.get<std::uint64_t>() > 65535) return false;
        }
    }
    return true;
}

json field_json(const std::string& name, int ord, const json& extras) {
    json field = {{"name", name},
                  {"ord", ord},
                  {"sticky", false},
                  {"rtl", false},
                  {"font", "Arial"},
                  {"size", 20},
                  {"media", json::array()},
                  {"description", ""},
                  {"plainText", false},
                  {"collapsed", false},
                  {"excludeFromSearch", false}};
    overlay(field, extras, {"name", "ord"});
    require_bool(field, "sticky", false);
    require_bool(field, "rtl", false);
    require_string(field, "font", "Arial");
    require_integer(field, "size", 20, 0, 65535);
    require_array(field, "media", json::array());
    require_string(field, "description", "");
    require_bool(field, "plainText", false);
    require_bool(field, "collapsed", false);
    require_bool(field, "excludeFromSearch", false);
    optional_integer(field, "id", true);
    optional_integer(field, "tag", true);
    return field;
}

json template_json(const CardTemplate& card, int ord) {
    json tmpl = {{"name", card.name}, {"ord", ord},  {"qfmt", card.front},
                 {"afmt", card.back}, {"bqfmt", ""}, {"bafmt", ""},
                 {"did", nullptr},    {"bfont", ""}, {"bsize", 0}};
    overlay(tmpl, card.extras.json(), {"name", "ord", "qfmt", "afmt"});
    require_string(tmpl, "bqfmt", "");
    require_string(tmpl, "bafmt", "");
    require_deck_id_or_null(tmpl, "did", nullptr);
    require_string(tmpl, "bfont", "");
    require_integer(tmpl, "bsize", 0, 0, 255);
    optional_integer(tmpl, "id", true);
    return tmpl;
}

}  // namespace

json card_requirements(const NoteType& note_type) {
    json req = json::array();
    if (note_type.kind == NoteTypeKind::cloze) {
        json fields = json::array();
        for (const CardTemplate& card : note_type.templates) {
            for (const TemplateTag& tag : template_tags(card.front)) {
                int field = note_type.field_index(tag.field);
                if (tag.kind == 0 && field >= 0 &&
                    tag.filters.find("cloze:") != std::string::npos) {
                    add_unique(fields, field);
                }
            }
        }
        req.push_back(json::array({0, "any", fields}));
        return req;
    }
    for (std::size_t i = 0; i < note_type.templates.size(); ++i) {
        req.push_back(
            template_requirement(note_type, static_cast<int>(i), note_type.templates[i].front));
    }
    return req;
}

json note_type_json(const NoteType& note_type, std::string_view name, std::int64_t deck_id,
                    std::int64_t modified) {
    int field_count = static_cast<int>(note_type.fields.size());
    int sort_field = std::clamp(note_type.sort_field, 0, std::max(0, field_count - 1));
    json model = {{"id", note_type.id},
                  {"name", name},
                  {"type", note_type.kind == NoteTypeKind::cloze ? 1 : 0},
                  {"mod", modified},
                  {"usn", -1},
                  {"sortf", sort_field},
                  {"did", deck_id},
                  {"css", note_type.css},
                  {"latexPre", kLatexPre},
                  {"latexPost", kLatexPost},
                  {"latexsvg", false},
                  {"tags", json::array()},
                  {"vers", json::array()}};
    overlay(model, note_type.extras.json(),
            {"id", "name", "type", "sortf", "css", "flds", "tmpls"});
    require_integer(model, "mod", modified, 0);
    require_integer(model, "usn", -1, std::numeric_limits<std::int32_t>::min(),
                    std::numeric_limits<std::int32_t>::max());
    require_deck_id_or_null(model, "did", deck_id);
    require_string(model, "latexPre", kLatexPre);
    require_string(model, "latexPost", kLatexPost);
    require_bool(model, "latexsvg", false);
    require_array(model, "tags", json::array());
    require_array(model, "vers", json::array());
    if (!valid_requirements(model.value("req", json()), note_type.templates.size())) {
        model["req"] = card_requirements(note_type);
    }
    optional_integer(model, "originalStockKind", false);
    optional_integer(model, "originalId", true);
    if (model.contains("loadBalancerDisperseSiblings")) {
        require_bool(model, "loadBalancerDisperseSiblings", true);
    }

    const json& field_extras = note_type.extras.json().is_object()
                                   ? note_type.extras.json().value("flds", json())
                                   : json();
    json fields = json::array();
    for (int i = 0; i < field_count; ++i) {
        json extras = field_extras.is_array() && static_cast<std::size_t>(i) < field_extras.size()
                          ? field_extras[static_cast<std::size_t>(i)]
                          : json();
        fields.push_back(field_json(note_type.fields[static_cast<std::size_t>(i)], i, extras));
    }
    model["flds"] = std::move(fields);
    json templates = json::array();
    for (std::size_t i = 0; i < note_type.templates.size(); ++i) {
        templates.push_back(template_json(note_type.templates[i], static_cast<int>(i)));
    }
    model["tmpls"] = std::move(templates);
    return model;
}

json deck_json(const Deck& deck, std::int64_t id, std::int64_t config_id, std::int64_t modified) {
    json object = {{"id", id},
                   {"name", deck.name},
                   {"desc", deck.description},
                   {"mod", modified},
                   {"usn", -1},
                   {"collapsed", false},
                   {"browserCollapsed", false},
                   {"dyn", 0},
                   {"conf", config_id},
                   {"extendNew", 0},
                   {"extendRev", 0},
                   {"lrnToday", json::array({0, 0})},
                   {"revToday", json::array({0, 0})},
                   {"newToday", json::array({0, 0})},
                   {"timeToday", json::array({0, 0})}};
    // A filtered deck's keys are left out: the deck is written as a normal deck.
    overlay(object, deck.extras.json(),
            {"id", "name", "desc", "dyn", "conf", "resched", "terms", "separate", "delays",
             "previewDelay", "return"});
    require_integer(object, "mod", modified, 0);
    require_integer(object, "usn", -1, std::numeric_limits<std::int32_t>::min(),
                    std::numeric_limits<std::int32_t>::max());
    require_bool(object, "collapsed", false);
    require_bool(object, "browserCollapsed", false);
    require_integer(object, "extendNew", 0, std::numeric_limits<std::int32_t>::min(),
                    std::numeric_limits<std::int32_t>::max());
    require_integer(object, "extendRev", 0, std::numeric_limits<std::int32_t>::min(),
                    std::numeric_limits<std::int32_t>::max());
    for (const char* key : {"lrnToday", "revToday", "newToday", "timeToday"}) {
        require_today(object, key);
    }
    if (object.contains("md")) require_bool(object, "md", false);
    return object;
}

json deck_config_json(std::int64_t id, const json& extras) {
    json config = {
        {"id", id},
        {"mod", 0},
        {"name", "Default"},
        {"usn", 0},
        {"maxTaken", 60},
        {"autoplay", true},
        {"timer", 0},
        {"replayq", true},
        {"dyn", false},
        {"new",
         {{"bury", false},
          {"delays", {1.0, 10.0}},
          {"initialFactor", 2500},
          {"ints", {1, 4, 0}},
          {"order", 1},
          {"perDay", 20},
          {"separate", true}}},
        {"rev",
         {{"bury", false},
          {"ease4", 1.3},
          {"ivlFct", 1.0},
          {"maxIvl", 36500},
          {"perDay", 200},
          {"hardFactor", 1.2},
          {"fuzz", 0.05},
          {"minSpace", 1}}},
        {"lapse",
         {{"delays", {10.0}}, {"leechAction", 1}, {"leechFails", 8}, {"minInt", 1}, {"mult", 0.0}}},
    };
    overlay(config, extras, {"id", "new", "rev", "lapse", "dyn"});
    if (extras.is_object()) {
        for (const char* group : {"new", "rev", "lapse"}) {
            overlay(config[group], extras.value(group, json()), {});
        }
    }
    constexpr std::int64_t u16 = 65535, u32 = 4294967295, i32 = 2147483647;
    require_integer(config, "mod", 0, 0);
    require_string(config, "name", "Default");
    require_integer(config, "usn", 0, -i32 - 1, i32);
    require_integer(config, "maxTaken", 60, -i32 - 1, i32);
    require_bool(config, "autoplay", true);
    require_integer(config, "timer", 0, 0, 255);
    require_bool(config, "replayq", true);
    json& fresh = config["new"];
    require_array(fresh, "delays", {1.0, 10.0});
    require_integer(fresh, "initialFactor", 2500, 0, u16);
    require_array(fresh, "ints", {1, 4, 0});
    require_integer(fresh, "order", 1, 0, 1);
    require_integer(fresh, "perDay", 20, 0, u32);
    json& review = config["rev"];
    require_number(review, "ease4", 1.3);
    require_number(review, "ivlFct", 1.0);
    require_integer(review, "maxIvl", 36500, 0, u32);
    require_integer(review, "perDay", 200, 0, u32);
    json& lapse = config["lapse"];
    require_array(lapse, "delays", {10.0});
    require_integer(lapse, "leechAction", 1, 0, 1);
    require_integer(lapse, "leechFails", 8, 0, u32);
    require_integer(lapse, "minInt", 1, 0, u32);
    require_number(lapse, "mult", 0.0);
    return config;
}

json collection_conf_json(const json& extras, std::int64_t current_model,
                          std::int64_t next_position) {
    json conf = {{"activeDecks", {1}},
                 {"addToCur", true},
                 {"collapseTime", 1200},
                 {"creationOffset", 0},
                 {"curDeck", 1},
                 {"curModel", current_model},
                 {"dayLearnFirst", false},
                 {"dueCounts", true},
                 {"estTimes", true},
                 {"newSpread", 0},
                 {"nextPos", next_position},
                 {"schedVer", 2},
                 {"sched2021", true},
                 {"sortBackwards", false},
                 {"sortType", "noteFld"},
                 {"timeLim", 0}};
    if (extras.is_object() && !extras.empty()) {
        overlay(conf, extras, {"nextPos"});
        // A collection without schedVer is on Anki's v1 scheduler: its cards must say so.
        if (!extras.contains("schedVer")) {
            conf.erase("schedVer");
            conf.erase("sched2021");
        }
    }
    return conf;
}

}  // namespace deckport::apkg
