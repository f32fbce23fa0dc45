#include "apkg/schema18_rows.hpp"

#include <algorithm>
#include <span>
#include <string_view>
#include <unordered_set>

#include "apkg/anki.pb.h"
#include "apkg/schema.hpp"
#include "apkg/unicase.hpp"

namespace deckport::apkg {
namespace {

using nlohmann::json;
using Keys = std::span<const std::string_view>;

// The keys each message models; everything else goes to its `other` JSON (Anki's
// RESERVED_*_KEYS and the fields of its schema-11 structs).
constexpr std::string_view kNotetypeKeys[] = {
    "id",        "name",      "type",     "mod",  "usn",
    "sortf",     "did",       "tmpls",    "flds", "css",
    "latexPre",  "latexPost", "latexsvg", "req",  "originalStockKind",
    "originalId"};
constexpr std::string_view kFieldKeys[] = {
    "name", "ord",  "sticky",         "rtl",         "plainText",
    "font", "size", "collapsed",      "description", "excludeFromSearch",
    "id",   "tag",  "preventDeletion"};
constexpr std::string_view kTemplateKeys[] = {"name", "ord",   "did",   "afmt",  "bafmt",
                                              "qfmt", "bqfmt", "bfont", "bsize", "id"};
constexpr std::string_view kDeckKeys[] = {"id",
                                          "mod",
                                          "name",
                                          "usn",
                                          "lrnToday",
                                          "revToday",
                                          "newToday",
                                          "timeToday",
                                          "collapsed",
                                          "browserCollapsed",
                                          "desc",
                                          "md",
                                          "dyn",
                                          "conf",
                                          "extendNew",
                                          "extendRev",
                                          "reviewLimit",
                                          "newLimit",
                                          "reviewLimitToday",
                                          "newLimitToday",
                                          "return"};
constexpr std::string_view kDeckConfigKeys[] = {"id",
                                                "mod",
                                                "name",
                                                "usn",
                                                "maxTaken",
                                                "autoplay",
                                                "timer",
                                                "replayq",
                                                "new",
                                                "rev",
                                                "lapse",
                                                "dyn",
                                                "newMix",
                                                "newPerDayMinimum",
                                                "interdayLearningMix",
                                                "reviewOrder",
                                                "newSortOrder",
                                                "newGatherPriority",
                                                "buryInterdayLearning",
                                                "fsrsWeights",
                                                "desiredRetention",
                                                "stopTimerOnAnswer",
                                                "secondsToShowQuestion",
                                                "secondsToShowAnswer",
                                                "answerAction",
                                                "waitForAudio",
                                                "sm2Retention",
                                                "easyDaysPercentages",
                                                "weightSearch",
                                                "ignoreRevlogsBeforeDate"};
constexpr std::string_view kNewKeys[] = {"bury", "delays", "initialFactor",
                                         "ints", "order",  "perDay"};
constexpr std::string_view kReviewKeys[] = {"bury",   "ease4",  "ivlFct",
                                            "maxIvl", "perDay", "hardFactor"};
constexpr std::string_view kLapseKeys[] = {"delays", "leechAction", "leechFails", "minInt", "mult"};

bool listed(Keys keys, std::string_view key) {
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

json unmodelled(const json& object, Keys modelled) {
    json other = json::object();
    if (!object.is_object()) return other;
    for (const auto& [key, value] : object.items()) {
        if (!listed(modelled, key)) other[key] = value;
    }
    return other;
}

std::string other_bytes(const json& other) {
    return other.empty() ? std::string{}
                         : other.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::int64_t integer(const json& object, const char* key, std::int64_t fallback = 0) {
    if (!object.is_object()) return fallback;
    auto it = object.find(key);
    if (it == object.end()) return fallback;
    if (it->is_number_integer()) return it->get<std::int64_t>();
    if (it->is_number_float()) return static_cast<std::int64_t>(it->get<double>());
    if (it->is_boolean()) return it->get<bool>() ? 1 : 0;
    return fallback;
}

double number(const json& object, const char* key, double fallback) {
    if (!object.is_object()) return fallback;
    auto it = object.find(key);
    return it != object.end() && it->is_number() ? it->get<double>() : fallback;
}

bool boolean(const json& object, const char* key, bool fallback = false) {
    if (!object.is_object()) return fallback;
    auto it = object.find(key);
    if (it == object.end()) return fallback;
    if (it->is_boolean()) return it->get<bool>();
    if (it->is_number()) return it->get<double>() != 0;
    return fallback;
}

std::string string(const json& object, const char* key) {
    if (!object.is_object()) return {};
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

std::uint32_t unsigned32(std::int64_t value) {
    return static_cast<std::uint32_t>(std::clamp<std::int64_t>(value, 0, 0xFFFFFFFF));
}

std::int32_t signed32(std::int64_t value) {
    return static_cast<std::int32_t>(std::clamp<std::int64_t>(value, INT32_MIN, INT32_MAX));
}

template <typename Repeated>
void add_floats(Repeated& out, const json& object, const char* key) {
    if (!object.is_object()) return;
    auto it = object.find(key);
    if (it == object.end() || !it->is_array()) return;
    for (const json& value : *it) {
        if (value.is_number()) out.Add(static_cast<float>(value.get<double>()));
    }
}

// Objects of a JSON map (`{"id": {...}}`) in ascending id order.
std::vector<const json*> by_id(const json& map) {
    std::vector<std::pair<std::int64_t, const json*>> items;
    if (map.is_object()) {
        for (const auto& [key, value] : map.items()) {
            if (!value.is_object()) continue;
            items.emplace_back(json_id(value.value("id", json())).value_or(0), &value);
        }
    }
    std::stable_sort(items.begin(), items.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<const json*> out;
    for (const auto& item : items) out.push_back(item.second);
    return out;
}

// Names that must stay unique under the unicase collation: `+` until free, as Anki does.
class UniqueNames {
  public:
    UniqueNames(const char* what, const std::string& source_name, Diagnostics& diagnostics)
        : what_(what), source_name_(source_name), diagnostics_(diagnostics) {}

    std::string take(const std::string& name, const std::string& locator,
                     std::string_view display = {}) {
        std::string unique = name;
        while (!keys_.insert(unicase_key(unique)).second) unique += '+';
        if (unique != name) {
            std::string shown(display.empty() ? std::string_view(name) : display);
            diagnostics_.warning("APKG217", SourceLocation{source_name_, 0, 0, locator},
                                 std::string(what_) + " '" + shown +
                                     "' differs from another only in case; it is written as '" +
                                     shown + std::string(unique.size() - name.size(), '+') +
                                     "' (Anki's latest format ignores case in names)",
                                 "give it a name that differs in more than case");
        }
        return unique;
    }

  private:
    const char* what_;
    const std::string& source_name_;
    Diagnostics& diagnostics_;
    std::unordered_set<std::string> keys_;
};

std::string field_config(const json& field) {
    pb::FieldConfig c;
    c.set_sticky(boolean(field, "sticky"));
    c.set_rtl(boolean(field, "rtl"));
    c.set_font_name(string(field, "font"));
    c.set_font_size(unsigned32(integer(field, "size", 20)));
    c.set_description(string(field, "description"));
    c.set_plain_text(boolean(field, "plainText"));
    c.set_collapsed(boolean(field, "collapsed"));
    c.set_exclude_from_search(boolean(field, "excludeFromSearch"));
    if (field.contains("id") && field["id"].is_number_integer())
        c.set_id(field["id"].get<std::int64_t>());
    if (field.contains("tag") && field["tag"].is_number_integer()) {
        c.set_tag(unsigned32(field["tag"].get<std::int64_t>()));
    }
    c.set_prevent_deletion(boolean(field, "preventDeletion"));
    c.set_other(other_bytes(unmodelled(field, kFieldKeys)));
    return c.SerializeAsString();
}

std::string template_config(const json& tmpl) {
    pb::TemplateConfig c;
    c.set_q_format(string(tmpl, "qfmt"));
    c.set_a_format(string(tmpl, "afmt"));
    c.set_q_format_browser(string(tmpl, "bqfmt"));
    c.set_a_format_browser(string(tmpl, "bafmt"));
    c.set_target_deck_id(integer(tmpl, "did"));
    c.set_browser_font_name(string(tmpl, "bfont"));
    c.set_browser_font_size(unsigned32(integer(tmpl, "bsize")));
    if (tmpl.contains("id") && tmpl["id"].is_number_integer())
        c.set_id(tmpl["id"].get<std::int64_t>());
    c.set_other(other_bytes(unmodelled(tmpl, kTemplateKeys)));
    return c.SerializeAsString();
}

int requirement_kind(const json& kind) {
    if (kind == "any") return 1;
    if (kind == "all") return 2;
    return 0;
}

std::string notetype_config(const json& model) {
    pb::NotetypeConfig c;
    c.set_kind(integer(model, "type") == 1 ? 1 : 0);
    c.set_sort_field_idx(unsigned32(integer(model, "sortf")));
    c.set_css(string(model, "css"));
    c.set_target_deck_id_unused(integer(model, "did"));
    c.set_latex_pre(string(model, "latexPre"));
    c.set_latex_post(string(model, "latexPost"));
    c.set_latex_svg(boolean(model, "latexsvg"));
    for (const json& req : model.value("req", json::array())) {
        if (!req.is_array() || req.size() != 3 || !req[0].is_number_integer()) continue;
        auto* r = c.add_reqs();
        r->set_card_ord(unsigned32(req[0].get<std::int64_t>()));
        r->set_kind(requirement_kind(req[1]));
        if (!req[2].is_array()) continue;
        for (const json& ord : req[2]) {
            if (ord.is_number_integer()) r->add_field_ords(unsigned32(ord.get<std::int64_t>()));
        }
    }
    c.set_original_stock_kind(signed32(integer(model, "originalStockKind")));
    if (model.contains("originalId") && model["originalId"].is_number_integer()) {
        c.set_original_id(model["originalId"].get<std::int64_t>());
    }
    c.set_other(other_bytes(unmodelled(model, kNotetypeKeys)));
    return c.SerializeAsString();
}

// `[day, amount]` of a deck's daily counter.
std::pair<std::int64_t, std::int64_t> today(const json& deck, const char* key) {
    auto it = deck.find(key);
    if (it == deck.end() || !it->is_array() || it->size() != 2) return {0, 0};
    auto part = [](const json& v) { return v.is_number_integer() ? v.get<std::int64_t>() : 0; };
    return {part((*it)[0]), part((*it)[1])};
}

std::string deck_common(const json& deck) {
    auto lrn = today(deck, "lrnToday"), rev = today(deck, "revToday");
    auto fresh = today(deck, "newToday"), time = today(deck, "timeToday");
    // One day for all counters: those of an earlier day are reset, as Anki's conversion does.
    std::int64_t day = std::max({time.first, fresh.first, rev.first});
    pb::DeckCommon c;
    c.set_study_collapsed(boolean(deck, "collapsed"));
    c.set_browser_collapsed(boolean(deck, "browserCollapsed"));
    c.set_last_day_studied(unsigned32(day));
    c.set_new_studied(signed32(fresh.first == day ? fresh.second : 0));
    c.set_review_studied(signed32(rev.first == day ? rev.second : 0));
    c.set_learning_studied(signed32(lrn.first == day ? lrn.second : 0));
    c.set_milliseconds_studied(signed32(time.second));
    c.set_other(other_bytes(unmodelled(deck, kDeckKeys)));
    return c.SerializeAsString();
}

void set_day_limit(const json& deck, const char* key, pb::DayLimit* limit) {
    const json& value = deck[key];
    limit->set_limit(unsigned32(integer(value, "limit")));
    limit->set_today(unsigned32(integer(value, "today")));
}

// Every deck the writer makes is a normal one (filtered decks are written as normal decks).
std::string deck_kind(const json& deck) {
    pb::DeckKindContainer container;
    pb::NormalDeck* n = container.mutable_normal();
    n->set_config_id(integer(deck, "conf", 1));
    n->set_extend_new(unsigned32(integer(deck, "extendNew")));
    n->set_extend_review(unsigned32(integer(deck, "extendRev")));
    n->set_description(string(deck, "desc"));
    n->set_markdown_description(boolean(deck, "md"));
    if (deck.contains("reviewLimit") && deck["reviewLimit"].is_number_integer()) {
        n->set_review_limit(unsigned32(deck["reviewLimit"].get<std::int64_t>()));
    }
    if (deck.contains("newLimit") && deck["newLimit"].is_number_integer()) {
        n->set_new_limit(unsigned32(deck["newLimit"].get<std::int64_t>()));
    }
    if (deck.contains("reviewLimitToday") && deck["reviewLimitToday"].is_object()) {
        set_day_limit(deck, "reviewLimitToday", n->mutable_review_limit_today());
    }
    if (deck.contains("newLimitToday") && deck["newLimitToday"].is_object()) {
        set_day_limit(deck, "newLimitToday", n->mutable_new_limit_today());
    }
    return container.SerializeAsString();
}

std::string native_deck_name(const std::string& name) {
    std::string out;
    for (std::size_t i = 0; i < name.size(); ++i) {
        if (name.compare(i, 2, "::") == 0) {
            out += '\x1f';
            ++i;
        } else {
            out += name[i];
        }
    }
    return out;
}

std::string deck_config(const json& o) {
    const json& fresh = o.value("new", json::object());
    const json& review = o.value("rev", json::object());
    const json& lapse = o.value("lapse", json::object());
    pb::DeckConfigConfig c;
    add_floats(*c.mutable_learn_steps(), fresh, "delays");
    add_floats(*c.mutable_relearn_steps(), lapse, "delays");
    add_floats(*c.mutable_fsrs_weights(), o, "fsrsWeights");
    add_floats(*c.mutable_easy_days_percentages(), o, "easyDaysPercentages");
    c.set_new_per_day(unsigned32(integer(fresh, "perDay", 20)));
    c.set_reviews_per_day(unsigned32(integer(review, "perDay", 200)));
    c.set_new_per_day_minimum(unsigned32(integer(o, "newPerDayMinimum")));
    c.set_initial_ease(static_cast<float>(integer(fresh, "initialFactor", 2500)) / 1000.0f);
    c.set_easy_multiplier(static_cast<float>(number(review, "ease4", 1.3)));
    c.set_hard_multiplier(static_cast<float>(number(review, "hardFactor", 1.2)));
    c.set_lapse_multiplier(static_cast<float>(number(lapse, "mult", 0.0)));
    c.set_interval_multiplier(static_cast<float>(number(review, "ivlFct", 1.0)));
    c.set_maximum_review_interval(unsigned32(integer(review, "maxIvl", 36500)));
    c.set_minimum_lapse_interval(unsigned32(integer(lapse, "minInt", 1)));
    const json& ints = fresh.value("ints", json::array());
    auto interval = [&ints](std::size_t i, std::int64_t fallback) {
        return ints.is_array() && ints.size() > i && ints[i].is_number_integer()
                   ? ints[i].get<std::int64_t>()
                   : fallback;
    };
    c.set_graduating_interval_good(unsigned32(interval(0, 1)));
    c.set_graduating_interval_easy(unsigned32(interval(1, 4)));
    // Schema 11 `order` 0 = random, 1 = due; the protobuf's insert order 0 = due, 1 = random.
    c.set_new_card_insert_order(integer(fresh, "order", 1) == 0 ? 1 : 0);
    c.set_new_card_gather_priority(signed32(integer(o, "newGatherPriority")));
    c.set_new_card_sort_order(signed32(integer(o, "newSortOrder")));
    c.set_review_order(signed32(integer(o, "reviewOrder")));
    c.set_new_mix(signed32(integer(o, "newMix")));
    c.set_interday_learning_mix(signed32(integer(o, "interdayLearningMix")));
    c.set_leech_action(integer(lapse, "leechAction", 1) == 1 ? 1 : 0);
    c.set_leech_threshold(unsigned32(integer(lapse, "leechFails", 8)));
    c.set_disable_autoplay(!boolean(o, "autoplay", true));
    c.set_cap_answer_time_to_secs(unsigned32(integer(o, "maxTaken", 60)));
    c.set_show_timer(integer(o, "timer") != 0);
    c.set_stop_timer_on_answer(boolean(o, "stopTimerOnAnswer"));
    c.set_seconds_to_show_question(static_cast<float>(number(o, "secondsToShowQuestion", 0)));
    c.set_seconds_to_show_answer(static_cast<float>(number(o, "secondsToShowAnswer", 0)));
    c.set_answer_action(signed32(integer(o, "answerAction")));
    c.set_wait_for_audio(boolean(o, "waitForAudio", true));
    c.set_skip_question_when_replaying_answer(!boolean(o, "replayq", true));
    c.set_bury_new(boolean(fresh, "bury"));
    c.set_bury_reviews(boolean(review, "bury"));
    c.set_bury_interday_learning(boolean(o, "buryInterdayLearning"));
    c.set_desired_retention(static_cast<float>(number(o, "desiredRetention", 0.9)));
    c.set_historical_retention(static_cast<float>(number(o, "sm2Retention", 0.9)));
    c.set_weight_search(string(o, "weightSearch"));
    c.set_ignore_revlogs_before_date(string(o, "ignoreRevlogsBeforeDate"));
    // Keys of new/rev/lapse that have no field go under their group's name, as in Anki.
    json other = unmodelled(o, kDeckConfigKeys);
    for (auto [group, keys] : {std::pair<const char*, Keys>{"new", kNewKeys},
                               std::pair<const char*, Keys>{"rev", kReviewKeys},
                               std::pair<const char*, Keys>{"lapse", kLapseKeys}}) {
        json rest = unmodelled(o.value(group, json::object()), keys);
        if (!rest.empty()) other[group] = std::move(rest);
    }
    c.set_other(other_bytes(other));
    return c.SerializeAsString();
}

}  // namespace

Schema18Rows schema18_rows(const json& models, const json& decks, const json& dconf,
                           const json& conf, const json& tags, const std::string& source_name,
                           Diagnostics& diagnostics) {
    Schema18Rows rows;
    UniqueNames notetype_names("note type", source_name, diagnostics);
    for (const json* model : by_id(models)) {
        NotetypeRow row;
        row.id = integer(*model, "id");
        std::string locator = "notetypes[id=" + std::to_string(row.id) + "]";
        row.name = notetype_names.take(string(*model, "name"), locator);
        row.mtime = integer(*model, "mod");
        row.usn = integer(*model, "usn");
        row.config = notetype_config(*model);
        UniqueNames field_names("field", source_name, diagnostics);
        std::int64_t ord = 0;
        for (const json& field : model->value("flds", json::array())) {
            row.fields.push_back(
                {ord++, field_names.take(string(field, "name"), locator), field_config(field)});
        }
        UniqueNames template_names("card template", source_name, diagnostics);
        ord = 0;
        for (const json& tmpl : model->value("tmpls", json::array())) {
            row.templates.push_back({ord++, template_names.take(string(tmpl, "name"), locator), 0,
                                     0, template_config(tmpl)});
        }
        rows.notetypes.push_back(std::move(row));
    }
    UniqueNames deck_names("deck", source_name, diagnostics);
    for (const json* deck : by_id(decks)) {
        DeckRow row;
        row.id = integer(*deck, "id");
        std::string human = string(*deck, "name");
        std::string native = native_deck_name(human);
        row.name = deck_names.take(native, "decks[id=" + std::to_string(row.id) + "]", human);
        row.mtime = integer(*deck, "mod");
        row.usn = integer(*deck, "usn");
        row.common = deck_common(*deck);
        row.kind = deck_kind(*deck);
        rows.decks.push_back(std::move(row));
    }
    for (const json* options : by_id(dconf)) {
        rows.deck_configs.push_back({integer(*options, "id"), string(*options, "name"),
                                     integer(*options, "mod"), integer(*options, "usn"),
                                     deck_config(*options)});
    }
    if (conf.is_object()) {
        for (const auto& [key, value] : conf.items()) {
            rows.config.push_back(
                {key, 0, 0, value.dump(-1, ' ', false, json::error_handler_t::replace)});
        }
    }
    if (tags.is_object()) {
        for (const auto& [tag, usn] : tags.items()) rows.tags.push_back(tag);
    }
    return rows;
}

}  // namespace deckport::apkg
