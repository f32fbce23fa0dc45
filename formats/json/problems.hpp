// Collects the reader's diagnostics against JSON pointers; their line:col are looked up in one
// pass over the text at the end (see json_scan.hpp), so validation itself needs no positions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "deckport/diagnostics.hpp"

namespace deckport::json_format {

struct PendingDiagnostic {
    Severity severity = Severity::error;
    std::string code;
    std::string pointer;
    std::string message;
    std::string hint;
};

class Problems {
  public:
    // Keys a newer minor version may have added are warnings then, errors otherwise.
    explicit Problems(bool unknown_keys_are_warnings) : lenient_keys_(unknown_keys_are_warnings) {}

    void error(std::string code, std::string pointer, std::string message, std::string hint = {});
    void warning(std::string code, std::string pointer, std::string message, std::string hint = {});
    void unknown_key(const std::string& pointer, std::string_view key);
    void wrong_type(const std::string& pointer, std::string_view expected,
                    const nlohmann::json& found);
    void missing_key(const std::string& pointer, std::string_view key);

    const std::vector<PendingDiagnostic>& items() const { return items_; }
    // Adds what `other` found, after what this found.
    void append(const Problems& other) {
        items_.insert(items_.end(), other.items_.begin(), other.items_.end());
    }

  private:
    bool lenient_keys_;
    std::vector<PendingDiagnostic> items_;
};

// Reads the members of one JSON object, reporting missing keys, wrong types and (on finish)
// keys nobody asked for.
class Members {
  public:
    // `object` must be a JSON object.
    Members(const nlohmann::json& object, std::string pointer, Problems& problems);

    const std::string& pointer() const { return pointer_; }
    std::string pointer_of(std::string_view key) const;

    // The member, or null when absent (then reported when `required`).
    const nlohmann::json* get(std::string_view key, bool required);
    std::optional<std::string> string(std::string_view key, bool required);
    std::optional<std::int64_t> integer(std::string_view key, bool required);
    const nlohmann::json* array(std::string_view key, bool required);
    const nlohmann::json* object(std::string_view key, bool required);

    // Reports every member that no accessor asked for.
    void finish();

  private:
    const nlohmann::json& object_;
    std::string pointer_;
    Problems& problems_;
    std::unordered_set<std::string> asked_;
};

// True when `value` is an object; reports it otherwise.
bool expect_object(const nlohmann::json& value, const std::string& pointer, Problems& problems);
// The integer value of `value`, or nullopt (reported) when it is no integer that fits int64.
std::optional<std::int64_t> as_integer(const nlohmann::json& value, const std::string& pointer,
                                       Problems& problems);

// `text` between double quotes, for messages that name a value.
inline std::string in_quotes(const std::string& text) {
    return "\"" + text + "\"";
}

}  // namespace deckport::json_format
