#include "apkg/revlog.hpp"

#include <array>
#include <nlohmann/json.hpp>
#include <optional>
#include <unordered_set>

namespace deckport::apkg {
namespace {

constexpr std::array<const char*, 9> kColumns = {"id",      "cid",    "usn",  "ease", "ivl",
                                                 "lastIvl", "factor", "time", "type"};

std::optional<std::array<std::int64_t, 9>> columns_of(const nlohmann::json& entry) {
    std::array<std::int64_t, 9> values{};
    for (std::size_t i = 0; i < kColumns.size(); ++i) {
        const nlohmann::json* value = nullptr;
        if (entry.is_object()) {
            auto it = entry.find(kColumns[i]);
            if (it != entry.end()) value = &*it;
        } else if (entry.is_array() && entry.size() == kColumns.size()) {
            value = &entry[i];
        }
        if (!value || !value->is_number_integer()) return std::nullopt;
        values[i] = value->get<std::int64_t>();
    }
    return values;
}

}  // namespace

std::vector<RevlogRow> revlog_rows(const nlohmann::json& log, const std::string& source_name,
                                   const std::unordered_map<std::int64_t, std::int64_t>& card_ids,
                                   WriteContext& context) {
    std::vector<RevlogRow> rows;
    if (!log.is_array()) return rows;
    std::unordered_set<std::int64_t> ids;
    std::size_t left_out = 0;
    for (const nlohmann::json& entry : log) {
        auto values = columns_of(entry);
        auto card = values ? card_ids.find((*values)[1]) : card_ids.end();
        if (!values || card == card_ids.end() || !ids.insert((*values)[0]).second) {
            ++left_out;
            continue;
        }
        const auto& v = *values;
        rows.push_back({v[0], card->second, v[2], v[3], v[4], v[5], v[6], v[7], v[8]});
    }
    if (left_out > 0) {
        context.diagnostics.warning(
            "APKG213", SourceLocation{source_name, 0, 0, "revlog"},
            std::to_string(left_out) +
                " review log entries are left out: malformed, repeated, or for cards that are "
                "not in the package");
    }
    return rows;
}

}  // namespace deckport::apkg
