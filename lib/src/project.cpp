// deckport.toml, read with toml++ (Debian's libtomlplusplus-dev).
#include "deckport/project.hpp"

#include <toml++/toml.h>

#include <set>

#include "deckport/error.hpp"
#include "deckport/suggest.hpp"

namespace deckport {
namespace {
namespace fs = std::filesystem;

class ProjectReader {
  public:
    ProjectReader(const fs::path& file, const FormatRegistry& registry)
        : file_(file), registry_(registry) {}

    ProjectSettings read() {
        toml::table root;
        try {
            root = toml::parse_file(file_.string());
        } catch (const toml::parse_error& e) {
            fail("CFG001", e.source(), "TOML syntax error: " + std::string(e.description()));
        }
        ProjectSettings settings;
        settings.file = file_;
        settings.root = file_.parent_path();
        for (auto&& [key, node] : root) {
            std::string name(key.str());
            const toml::table* table = node.as_table();
            if (!table) {
                fail("CFG003", node.source(), "'" + name + "' must be a table ([" + name + "])");
            }
            if (name == "decks") {
                read_decks(*table, settings.decks);
            } else if (name == "options") {
                read_options(*table, settings.options);
            } else if (name == "check") {
                read_check(*table, settings.check);
            } else if (name == "roundtrip") {
                read_roundtrip(*table, settings.roundtrip);
            } else {
                unknown(key, "table", {"decks", "options", "check", "roundtrip"});
            }
        }
        return settings;
    }

  private:
    [[noreturn]] void fail(const char* code, const toml::source_region& at, std::string message,
                           std::string hint = {}) const {
        SourceLocation where{file_.string(), static_cast<int>(at.begin.line),
                             static_cast<int>(at.begin.column)};
        throw Error(ExitCode::usage,
                    Diagnostic{Severity::error, code, std::move(message), where, std::move(hint)});
    }

    [[noreturn]] void unknown(const toml::key& key, const std::string& what,
                              const std::vector<std::string>& known) const {
        std::string hint;
        if (auto meant = closest_word(key.str(), known)) {
            hint = "did you mean '" + *meant + "'?";
        } else {
            for (const std::string& k : known) hint += (hint.empty() ? "known: " : ", ") + k;
        }
        fail("CFG002", key.source(), "unknown " + what + " '" + std::string(key.str()) + "'", hint);
    }

    std::string text(const toml::node& node, const std::string& name) const {
        if (const auto* value = node.as_string()) return value->get();
        fail("CFG003", node.source(), "'" + name + "' must be a string");
    }

    std::vector<std::string> texts(const toml::node& node, const std::string& name) const {
        const toml::array* array = node.as_array();
        if (!array) fail("CFG003", node.source(), "'" + name + "' must be an array of strings");
        std::vector<std::string> out;
        for (const toml::node& item : *array) out.push_back(text(item, name));
        return out;
    }

    void read_decks(const toml::table& table, DeckSearch& decks) const {
        for (auto&& [key, node] : table) {
            if (key.str() == "include") {
                decks.include = texts(node, "include");
            } else if (key.str() == "exclude") {
                decks.exclude = texts(node, "exclude");
            } else {
                unknown(key, "key in [decks]", {"include", "exclude"});
            }
        }
    }

    void read_options(const toml::table& table, FormatOptions& options) const {
        std::vector<std::string> known;
        std::set<std::string> names;
        for (const Format* format : registry_.all()) {
            for (const OptionInfo& option : format->info.options) {
                if (names.insert(option.name).second) known.push_back(option.name);
            }
        }
        for (auto&& [key, node] : table) {
            std::string name(key.str());
            if (!names.contains(name)) unknown(key, "format option", known);
            if (const auto* s = node.as_string()) {
                options[name] = s->get();
            } else if (const auto* b = node.as_boolean()) {
                options[name] = b->get() ? "true" : "false";
            } else if (const auto* i = node.as_integer()) {
                options[name] = std::to_string(i->get());
            } else {
                fail("CFG003", node.source(),
                     "option '" + name + "' must be a string, a boolean or an integer");
            }
        }
    }

    void read_check(const toml::table& table, ProjectSettings::Check& check) const {
        for (auto&& [key, node] : table) {
            std::string name(key.str());
            if (name == "fail-on") {
                std::string value = text(node, name);
                if (value != "error" && value != "warning") {
                    fail("CFG003", node.source(), "'fail-on' is \"error\" or \"warning\"");
                }
                check.fail_on = value;
            } else if (name == "enable") {
                check.enable = texts(node, name);
            } else if (name == "disable") {
                check.disable = texts(node, name);
            } else if (name == "max-field-bytes") {
                const auto* value = node.as_integer();
                if (!value || value->get() <= 0) {
                    fail("CFG003", node.source(), "'max-field-bytes' must be a positive integer");
                }
                check.max_field_bytes = static_cast<std::size_t>(value->get());
            } else {
                unknown(key, "key in [check]", {"fail-on", "enable", "disable", "max-field-bytes"});
            }
        }
    }

    void read_roundtrip(const toml::table& table, ProjectSettings::Roundtrip& roundtrip) const {
        for (auto&& [key, node] : table) {
            std::string name(key.str());
            if (name == "strict") {
                const auto* value = node.as_boolean();
                if (!value) fail("CFG003", node.source(), "'strict' must be true or false");
                roundtrip.strict = value->get();
            } else if (name == "via") {
                roundtrip.via = texts(node, name);
                for (const std::string& format : roundtrip.via) {
                    if (!registry_.find(format)) {
                        fail("CFG003", node.source(),
                             "'via' names the unknown format '" + format + "'");
                    }
                }
            } else {
                unknown(key, "key in [roundtrip]", {"strict", "via"});
            }
        }
    }

    fs::path file_;
    const FormatRegistry& registry_;
};

}  // namespace

std::optional<fs::path> find_project_file(const fs::path& start) {
    std::error_code ec;
    fs::path dir = fs::absolute(start, ec);
    if (ec) return std::nullopt;
    dir = dir.lexically_normal();
    while (true) {
        fs::path candidate = dir / kProjectFileName;
        if (fs::is_regular_file(candidate, ec)) return candidate;
        if (fs::exists(dir / ".git", ec)) return std::nullopt;  // the repository root
        if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
        dir = dir.parent_path();
    }
}

ProjectSettings read_project_file(const fs::path& file, const FormatRegistry& registry) {
    return ProjectReader(file, registry).read();
}

std::vector<CodeInfo> project_codes() {
    using enum Severity;
    return {
        {"CFG001", error, "deckport.toml is not valid TOML",
         "The project file could not be parsed; the message gives the line and column. See "
         "docs/ci.md for an example file."},
        {"CFG002", error, "deckport.toml has an unknown table or key",
         "The project file knows the tables [decks] (include, exclude), [options] (any format "
         "option, see `deckport formats`), [check] (fail-on, enable, disable, max-field-bytes) "
         "and [roundtrip] (strict, via). A misspelt key would otherwise be ignored silently."},
        {"CFG003", error, "a value in deckport.toml has the wrong type",
         "Globs and code lists are arrays of strings, fail-on is \"error\" or \"warning\", "
         "strict is a boolean, via lists format names."},
    };
}

}  // namespace deckport
