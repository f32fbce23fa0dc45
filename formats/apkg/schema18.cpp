// Schema 15 to 18: note types, decks and options live in their own tables with protobuf
// configs. Each row becomes the JSON object that Anki's legacy export would write for it
// (rslib/src/{notetype,decks,deckconfig}/schema11.rs), so one mapping serves both schemas.
#include <charconv>
#include <nlohmann/json.hpp>

#include "apkg/anki.pb.h"
#include "apkg/schema.hpp"
#include "apkg/text_util.hpp"
#include "common/utf8.hpp"

namespace deckport::apkg {
namespace {

using nlohmann::json;

std::string text(const std::string& bytes) {
    return utf8::is_valid(bytes) ? bytes : utf8::repaired(bytes);
}

// A float as JSON the way Anki writes an f32: its shortest decimal form (1.3, not 1.2999999).
json float_json(float value) {
    char buffer[32];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    if (ec != std::errc()) return static_cast<double>(value);
    double shortest = 0;
    std::from_chars(buffer, end, shortest);
    return shortest;
}

json float_array(const google::protobuf::RepeatedField<float>& values) {
    json out = json::array();
    for (float v : values) out.push_back(float_json(v));
    return out;
}

// Adds the keys of the protobuf `other` field (JSON of keys Anki does not model) that the
// typed fields have not set. A deck options group keeps the unknown keys of its `new`, `rev`
// and `lapse` groups there under the group's name: they go back into the group.
void merge_other(json& object, const std::string& other, const Limits& limits) {
    if (other.empty()) return;
    std::string error;
    std::optional<json> parsed = parse_bounded_json(text(other), limits.max_nesting, error);
    if (!parsed || !parsed->is_object()) return;
    for (auto& [key, value] : parsed->items()) {
        auto it = object.find(key);
        if (it == object.end()) {
            object[key] = value;
        } else if (it->is_object() && value.is_object()) {
            for (auto& [inner, inner_value] : value.items()) {
                if (!it->contains(inner)) (*it)[inner] = inner_value;
            }
        }
    }
}

template <typename Message>
bool parse_config(Message& message, const std::string& blob, OpenCollection& collection,
                  const std::string& where, Diagnostics& diagnostics) {
    if (message.ParseFromString(blob)) return true;
    diagnostics.error("APKG012", collection.at(where),
                      "damaged protobuf config; the row is skipped");
    return false;
}

json null_or(bool present, json value) {
    return present ? std::move(value) : json(nullptr);
}

const char* requirement_kind(int kind) {
    switch (kind) {
        case 1:
            return "any";
        case 2:
            return "all";
        default:
            return "none";
    }
}

json notetype_json(std::int64_t id, const std::string& name, std::int64_t mtime, std::int64_t usn,
                   const pb::NotetypeConfig& c, const Limits& limits) {
    json nt = json::object();
    nt["id"] = id;
    nt["name"] = name;
    nt["type"] = c.kind() == 1 ? 1 : 0;
    nt["mod"] = mtime;
    nt["usn"] = usn;
    nt["sortf"] = c.sort_field_idx();
    nt["did"] = null_or(c.target_deck_id_unused() != 0, c.target_deck_id_unused());
    nt["tmpls"] = json::array();
    nt["flds"] = json::array();
    nt["css"] = text(c.css());
    nt["latexPre"] = text(c.latex_pre());
    nt["latexPost"] = text(c.latex_post());
    nt["latexsvg"] = c.latex_svg();
    json req = json::array();
    for (const auto& r : c.reqs()) {
        json ords = json::array();
        for (auto ord : r.field_ords()) ords.push_back(ord);
        req.push_back(json::array({r.card_ord(), requirement_kind(r.kind()), ords}));
    }
    nt["req"] = std::move(req);
    if (c.original_stock_kind() != 0) nt["originalStockKind"] = c.original_stock_kind();
    if (c.has_original_id()) nt["originalId"] = c.original_id();
    merge_other(nt, c.other(), limits);
    return nt;
}

json field_json(const std::string& name, std::int64_t ord, const pb::FieldConfig& c,
                const Limits& limits) {
    json f = json::object();
    f["name"] = name;
    f["ord"] = ord;
    f["sticky"] = c.sticky();
    f["rtl"] = c.rtl();
    f["font"] = text(c.font_name());
    f["size"] = c.font_size();
    f["description"] = text(c.description());
    f["plainText"] = c.plain_text();
    f["collapsed"] = c.collapsed();
    f["excludeFromSearch"] = c.exclude_from_search();
    f["id"] = null_or(c.has_id(), c.id());
    f["tag"] = null_or(c.has_tag(), c.tag());
    f["preventDeletion"] = c.prevent_deletion();
    merge_other(f, c.other(), limits);
    return f;
}

json template_json(const std::string& name, std::int64_t ord, const pb::TemplateConfig& c,
                   const Limits& limits) {
    json t = json::object();
    t["name"] = name;
    t["ord"] = ord;
    t["qfmt"] = text(c.q_format());
    t["afmt"] = text(c.a_format());
    t["bqfmt"] = text(c.q_format_browser());
    t["bafmt"] = text(c.a_format_browser());
    t["did"] = null_or(c.target_deck_id() > 0, c.target_deck_id());
    t["bfont"] = text(c.browser_font_name());
    t["bsize"] = c.browser_font_size();
    t["id"] = null_or(c.has_id(), c.id());
    merge_other(t, c.other(), limits);
    return t;
}

// Schema 18 separates deck levels with U+001F; the model (and schema 11) use `::`.
std::string human_deck_name(const std::string& native) {
    std::string out;
    for (char c : native) {
        if (c == '\x1f') {
            out += "::";
        } else {
            out += c;
        }
    }
    return out;
}

json day_limit(bool present, const pb::DayLimit& limit) {
    if (!present) return nullptr;
    return json{{"limit", limit.limit()}, {"today", limit.today()}};
}

json deck_json(std::int64_t id, const std::string& name, std::int64_t mtime, std::int64_t usn,
               const pb::DeckCommon& common, const pb::DeckKindContainer& kind,
               const Limits& limits) {
    json d = json::object();
    std::int64_t day = common.last_day_studied();
    d["id"] = id;
    d["mod"] = mtime;
    d["name"] = human_deck_name(name);
    d["usn"] = usn;
    d["lrnToday"] = json::array({day, common.learning_studied()});
    d["revToday"] = json::array({day, common.review_studied()});
    d["newToday"] = json::array({day, common.new_studied()});
    d["timeToday"] = json::array({day, common.milliseconds_studied()});
    d["collapsed"] = common.study_collapsed();
    d["browserCollapsed"] = common.browser_collapsed();
    if (kind.has_filtered()) {
        const pb::FilteredDeck& f = kind.filtered();
        d["desc"] = "";
        d["dyn"] = 1;
        d["resched"] = f.reschedule();
        json terms = json::array();
        for (const auto& term : f.search_terms()) {
            terms.push_back(json::array({text(term.search()), term.limit(), term.order()}));
        }
        d["terms"] = std::move(terms);
        d["separate"] = true;
        d["delays"] = f.delays().empty() ? json(nullptr) : float_array(f.delays());
        d["previewDelay"] = f.preview_delay();
        d["previewAgainSecs"] = f.preview_again_secs();
        d["previewHardSecs"] = f.preview_hard_secs();
        d["previewGoodSecs"] = f.preview_good_secs();
    } else {
        const pb::NormalDeck& n = kind.normal();
        d["desc"] = text(n.description());
        d["dyn"] = 0;
        if (n.markdown_description()) d["md"] = true;
        d["conf"] = kind.has_normal() ? n.config_id() : 1;
        d["extendNew"] = n.extend_new();
        d["extendRev"] = n.extend_review();
        d["reviewLimit"] = null_or(n.has_review_limit(), n.review_limit());
        d["newLimit"] = null_or(n.has_new_limit(), n.new_limit());
        d["reviewLimitToday"] = day_limit(n.has_review_limit_today(), n.review_limit_today());
        d["newLimitToday"] = day_limit(n.has_new_limit_today(), n.new_limit_today());
    }
    merge_other(d, common.other(), limits);
    return d;
}

json deck_config_json(std::int64_t id, const std::string& name, std::int64_t mtime,
                      std::int64_t usn, const pb::DeckConfigConfig& c, const Limits& limits) {
    json o = json::object();
    o["id"] = id;
    o["mod"] = mtime;
    o["name"] = name;
    o["usn"] = usn;
    o["maxTaken"] = c.cap_answer_time_to_secs();
    o["autoplay"] = !c.disable_autoplay();
    o["timer"] = c.show_timer() ? 1 : 0;
    o["replayq"] = !c.skip_question_when_replaying_answer();
    o["dyn"] = false;
    o["new"] =
        json{{"bury", c.bury_new()},
             {"delays", float_array(c.learn_steps())},
             {"initialFactor", static_cast<std::int64_t>(c.initial_ease() * 1000.0f)},
             {"ints", json::array({c.graduating_interval_good(), c.graduating_interval_easy(), 0})},
             {"order", c.new_card_insert_order() == 1 ? 0 : 1},
             {"perDay", c.new_per_day()}};
    o["rev"] = json{{"bury", c.bury_reviews()},
                    {"ease4", float_json(c.easy_multiplier())},
                    {"ivlFct", float_json(c.interval_multiplier())},
                    {"maxIvl", c.maximum_review_interval()},
                    {"perDay", c.reviews_per_day()},
                    {"hardFactor", float_json(c.hard_multiplier())}};
    o["lapse"] = json{{"delays", float_array(c.relearn_steps())},
                      {"leechAction", c.leech_action() == 1 ? 1 : 0},
                      {"leechFails", c.leech_threshold()},
                      {"minInt", c.minimum_lapse_interval()},
                      {"mult", float_json(c.lapse_multiplier())}};
    o["newMix"] = c.new_mix();
    o["newPerDayMinimum"] = c.new_per_day_minimum();
    o["interdayLearningMix"] = c.interday_learning_mix();
    o["reviewOrder"] = c.review_order();
    o["newSortOrder"] = c.new_card_sort_order();
    o["newGatherPriority"] = c.new_card_gather_priority();
    o["buryInterdayLearning"] = c.bury_interday_learning();
    o["fsrsWeights"] = float_array(c.fsrs_weights());
    o["desiredRetention"] = float_json(c.desired_retention());
    o["stopTimerOnAnswer"] = c.stop_timer_on_answer();
    o["secondsToShowQuestion"] = float_json(c.seconds_to_show_question());
    o["secondsToShowAnswer"] = float_json(c.seconds_to_show_answer());
    o["answerAction"] = c.answer_action();
    o["waitForAudio"] = c.wait_for_audio();
    o["sm2Retention"] = float_json(c.historical_retention());
    o["easyDaysPercentages"] = float_array(c.easy_days_percentages());
    o["weightSearch"] = text(c.weight_search());
    o["ignoreRevlogsBeforeDate"] = text(c.ignore_revlogs_before_date());
    merge_other(o, c.other(), limits);
    return o;
}

}  // namespace

json read_notetype_tables(OpenCollection& collection, const Limits& limits,
                          Diagnostics& diagnostics) {
    json models = json::object();
    SqliteStatement notetypes = collection.db.prepare(
        "SELECT id, name, mtime_secs, usn, config FROM notetypes ORDER BY id");
    while (notetypes.step()) {
        std::int64_t id = notetypes.int64(0);
        std::string where = "notetypes[id=" + std::to_string(id) + "]";
        pb::NotetypeConfig config;
        if (!parse_config(config, notetypes.blob(4), collection, where, diagnostics)) continue;
        models[std::to_string(id)] = notetype_json(id, text(notetypes.text(1)), notetypes.int64(2),
                                                   notetypes.int64(3), config, limits);
    }
    // Rows of note types that are gone occur in real exports; they are ignored.
    SqliteStatement fields =
        collection.db.prepare("SELECT ntid, ord, name, config FROM fields ORDER BY ntid, ord");
    while (fields.step()) {
        auto it = models.find(std::to_string(fields.int64(0)));
        if (it == models.end()) continue;
        std::string where = "fields[ntid=" + std::to_string(fields.int64(0)) +
                            ",ord=" + std::to_string(fields.int64(1)) + "]";
        pb::FieldConfig config;
        if (!parse_config(config, fields.blob(3), collection, where, diagnostics)) continue;
        (*it)["flds"].push_back(field_json(text(fields.text(2)), fields.int64(1), config, limits));
    }
    SqliteStatement templates =
        collection.db.prepare("SELECT ntid, ord, name, config FROM templates ORDER BY ntid, ord");
    while (templates.step()) {
        auto it = models.find(std::to_string(templates.int64(0)));
        if (it == models.end()) continue;
        std::string where = "templates[ntid=" + std::to_string(templates.int64(0)) +
                            ",ord=" + std::to_string(templates.int64(1)) + "]";
        pb::TemplateConfig config;
        if (!parse_config(config, templates.blob(3), collection, where, diagnostics)) continue;
        (*it)["tmpls"].push_back(
            template_json(text(templates.text(2)), templates.int64(1), config, limits));
    }
    return models;
}

json read_deck_table(OpenCollection& collection, const Limits& limits, Diagnostics& diagnostics) {
    json decks = json::object();
    SqliteStatement rows = collection.db.prepare(
        "SELECT id, name, mtime_secs, usn, common, kind FROM decks ORDER BY id");
    while (rows.step()) {
        std::int64_t id = rows.int64(0);
        std::string where = "decks[id=" + std::to_string(id) + "]";
        pb::DeckCommon common;
        pb::DeckKindContainer kind;
        if (!parse_config(common, rows.blob(4), collection, where, diagnostics) ||
            !parse_config(kind, rows.blob(5), collection, where, diagnostics)) {
            continue;
        }
        decks[std::to_string(id)] =
            deck_json(id, text(rows.text(1)), rows.int64(2), rows.int64(3), common, kind, limits);
    }
    return decks;
}

json read_deck_config_table(OpenCollection& collection, const Limits& limits,
                            Diagnostics& diagnostics) {
    json dconf = json::object();
    SqliteStatement rows = collection.db.prepare(
        "SELECT id, name, mtime_secs, usn, config FROM deck_config ORDER BY id");
    while (rows.step()) {
        std::int64_t id = rows.int64(0);
        std::string where = "deck_config[id=" + std::to_string(id) + "]";
        std::string blob = rows.blob(4);
        // Schema 14 kept each group as JSON; 15 and later as protobuf.
        if (!blob.empty() && blob.front() == '{') {
            std::string error;
            std::optional<json> parsed = parse_bounded_json(text(blob), limits.max_nesting, error);
            if (parsed && parsed->is_object()) {
                dconf[std::to_string(id)] = std::move(*parsed);
                continue;
            }
        }
        pb::DeckConfigConfig config;
        if (!parse_config(config, blob, collection, where, diagnostics)) continue;
        dconf[std::to_string(id)] =
            deck_config_json(id, text(rows.text(1)), rows.int64(2), rows.int64(3), config, limits);
    }
    return dconf;
}

json read_config_table(OpenCollection& collection, const Limits& limits, Diagnostics& diagnostics) {
    json conf = json::object();
    SqliteStatement rows = collection.db.prepare("SELECT KEY, val FROM config ORDER BY KEY");
    while (rows.step()) {
        std::string key = text(rows.text(0));
        std::string error;
        std::optional<json> value =
            parse_bounded_json(text(rows.blob(1)), limits.max_nesting, error);
        if (!value) {
            diagnostics.warning("APKG011", collection.at("config[" + key + "]"),
                                "setting is not valid JSON (" + error + "); it is dropped");
            continue;
        }
        conf[key] = std::move(*value);
    }
    return conf;
}

}  // namespace deckport::apkg
