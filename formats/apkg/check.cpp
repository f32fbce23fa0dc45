#include "apkg/check.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "apkg/check_keys.hpp"
#include "apkg/collection.hpp"
#include "apkg/field_text.hpp"
#include "apkg/media.hpp"
#include "apkg/package.hpp"
#include "apkg/schema.hpp"
#include "deckport/error.hpp"
#include "deckport/notetypes.hpp"

namespace deckport::apkg {
namespace {

using nlohmann::json;

constexpr std::size_t kShownPerCode = 20;

// Reports at most kShownPerCode diagnostics per code (a broken 100 000-note package would
// otherwise print 100 000 lines), then one note with the count of the rest.
class Reporter {
  public:
    Reporter(Diagnostics& diagnostics, std::string display_name)
        : diagnostics_(diagnostics), display_name_(std::move(display_name)) {}

    void report(Severity severity, const std::string& code, SourceLocation at,
                std::string message) {
        if (++counts_[code] > kShownPerCode) return;
        diagnostics_.report({severity, code, std::move(message), std::move(at), {}});
    }

    void finish() {
        for (const auto& [code, count] : counts_) {
            if (count <= kShownPerCode) continue;
            diagnostics_.note(code, SourceLocation{display_name_},
                              std::to_string(count - kShownPerCode) + " more " + code +
                                  " problems are not shown");
        }
    }

  private:
    Diagnostics& diagnostics_;
    std::string display_name_;
    std::map<std::string, std::size_t> counts_;
};

struct NoteInfo {
    const json* note_type = nullptr;
    std::vector<int> cloze_numbers;  // cloze note types only
};

// Why Anki would rename (legacy) or refuse (latest) a media file name, or "".
std::string anki_media_name_problem(const std::string& name) {
    if (name.empty()) return "the name is empty";
    if (name.size() > 120) return "the name is longer than 120 bytes";
    for (unsigned char c : name) {
        if (c < 0x20 || c == 0x7f) return "the name has a control character";
        if (std::string_view("[]<>:\"/?*^\\|").find(static_cast<char>(c)) !=
            std::string_view::npos) {
            return std::string("the name has the character '") + static_cast<char>(c) + "'";
        }
    }
    if (name.back() == '.' || name.back() == ' ') return "the name ends in a dot or a space";
    std::string stem = name.substr(0, name.find('.'));
    std::transform(stem.begin(), stem.end(), stem.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    static const std::set<std::string> kDevices = {
        "CON",  "PRN",  "AUX",  "NUL",  "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7",
        "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9"};
    if (kDevices.count(stem)) return "the name is a Windows device name";
    utf8proc_uint8_t* nfc = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(name.c_str()));
    if (!nfc) return "the name is not valid UTF-8";
    bool normalized = name == reinterpret_cast<const char*>(nfc);
    std::free(nfc);
    if (!normalized) return "the name is not in Unicode NFC form";
    return {};
}

bool same_sort_value(const SqliteStatement& row, int column, const std::string& expected) {
    std::string stored = row.text(column);
    if (stored == expected) return true;
    // notes.sfld has integer affinity: "1.50" is stored as the number 1.5.
    char* end = nullptr;
    double number = std::strtod(expected.c_str(), &end);
    return !expected.empty() && end == expected.c_str() + expected.size() &&
           number == row.real(column);
}

class Checker {
  public:
    Checker(const Input& input, ReadContext& context)
        : input_(input),
          context_(context),
          report_(context.diagnostics, input.display_name),
          package_(open_package(input, context.limits)),
          db_(open_collection(package_, input.display_name, opening_)) {}

    void run() {
        bool tables_present = tables();
        col_rows();
        if (tables_present) {
            objects_ = read_schema_objects(db_, context_.limits, context_.diagnostics);
            note_type_keys();
            deck_keys();
            deck_config_keys();
            deck_tree();
            try {
                value_types();
                notes();
                cards();
            } catch (const SqliteError& e) {
                throw InputError("APKG010", db_.at("notes"),
                                 std::string("cannot read notes and cards: ") + e.what());
            }
        }
        media();
        report_.finish();
    }

  private:
    void error(const std::string& code, const std::string& where, std::string message) {
        report_.report(Severity::error, code, db_.at(where), std::move(message));
    }
    void warning(const std::string& code, const std::string& where, std::string message) {
        report_.report(Severity::warning, code, db_.at(where), std::move(message));
    }

    bool tables() {
        std::vector<std::string> required = {"col", "notes", "cards", "revlog", "graves"};
        if (db_.header.ver >= 15) {
            required.insert(required.end(),
                            {"notetypes", "fields", "templates", "decks", "deck_config"});
        }
        bool core_present = true;
        for (const std::string& table : required) {
            if (db_.db.has_table(table)) continue;
            error("APKG102", table, "the collection has no `" + table + "` table");
            if (table == "notes" || table == "cards") core_present = false;
        }
        return core_present;
    }

    void col_rows() {
        if (db_.header.rows != 1) {
            error("APKG101", "col",
                  "the `col` table has " + std::to_string(db_.header.rows) +
                      " rows; Anki needs exactly one");
        }
    }

    // Map keys must equal the inner ids: Anki's upgrade files children under the key and the
    // object under its id.
    void key_matches_id(const std::string& table, const std::string& key, const json& object) {
        if (!object.is_object() || !object.contains("id")) return;
        std::optional<std::int64_t> id = json_id(object["id"]);
        if (id && std::to_string(*id) != key) {
            error("APKG106", table + "[" + key + "]",
                  "the map key " + key + " differs from the inner id " + std::to_string(*id));
        }
    }

    static std::string joined(const std::vector<std::string>& problems) {
        std::string out;
        for (const std::string& p : problems) out += (out.empty() ? "" : "; ") + p;
        return out;
    }

    static std::string name_of(const json& object) {
        return object.is_object() && object.contains("name") && object["name"].is_string()
                   ? "'" + object["name"].get<std::string>() + "' "
                   : std::string{};
    }

    void note_type_keys() {
        if (!objects_.models_from_col) return;
        for (auto& [key, nt] : objects_.models.items()) {
            std::vector<std::string> problems = note_type_key_problems(nt);
            if (!problems.empty()) {
                error("APKG103", "col.models[" + key + "]",
                      "note type " + name_of(nt) + "breaks Anki's import: " + joined(problems));
            }
            key_matches_id("col.models", key, nt);
        }
    }

    void deck_keys() {
        if (!objects_.decks_from_col) return;
        for (auto& [key, deck] : objects_.decks.items()) {
            std::vector<std::string> problems = deck_key_problems(deck);
            if (!problems.empty()) {
                error("APKG104", "col.decks[" + key + "]",
                      "deck " + name_of(deck) + "breaks Anki's import: " + joined(problems));
            }
            if (deck.is_object() && !deck.contains("desc")) {
                warning("APKG124", "col.decks[" + key + "]",
                        "deck " + name_of(deck) +
                            "has no `desc`; Anki before 2.1.55 and AnkiDroid 2.16 need it");
            }
            key_matches_id("col.decks", key, deck);
        }
    }

    void deck_config_keys() {
        if (!objects_.dconf_from_col) return;
        for (auto& [key, options] : objects_.dconf.items()) {
            std::vector<std::string> problems = deck_config_key_problems(options);
            if (!problems.empty()) {
                error("APKG105", "col.dconf[" + key + "]",
                      "deck options " + name_of(options) +
                          "break Anki's import: " + joined(problems));
            }
            key_matches_id("col.dconf", key, options);
        }
    }

    void deck_tree() {
        const char* table = objects_.decks_from_col ? "col.decks" : "decks";
        std::set<std::string> names;
        for (auto& [key, deck] : objects_.decks.items()) {
            if (deck.is_object() && deck.contains("name") && deck["name"].is_string()) {
                names.insert(deck["name"].get<std::string>());
            }
        }
        for (auto& [key, deck] : objects_.decks.items()) {
            if (!deck.is_object()) continue;
            if (auto id = deck.contains("id") ? json_id(deck["id"]) : std::nullopt) {
                deck_ids_.insert(*id);
            }
            std::string where = std::string(table) + "[" + key + "]";
            if (deck.contains("name") && deck["name"].is_string()) {
                std::vector<std::string> ancestry = deck_ancestry(deck["name"].get<std::string>());
                ancestry.pop_back();
                for (const std::string& parent : ancestry) {
                    if (!names.count(parent)) {
                        warning("APKG108", where,
                                "deck " + name_of(deck) + "has no parent deck '" + parent +
                                    "' (AnkiDroid 2.16 and older crash on it)");
                    }
                }
            }
            bool filtered = deck.value("dyn", json(0)) == 1 || deck.value("dyn", json(0)) == true;
            if (filtered || !deck.contains("conf")) continue;
            std::optional<std::int64_t> conf = json_id(deck["conf"]);
            if (conf && !objects_.dconf.contains(std::to_string(*conf))) {
                error("APKG109", where,
                      "deck " + name_of(deck) + "uses deck options " + std::to_string(*conf) +
                          ", which do not exist");
            }
        }
    }

    // Anki reads with typed getters: a REAL or BLOB where it expects INTEGER or TEXT aborts.
    void value_types() {
        struct TableTypes {
            const char* table;
            const char* condition;
        };
        const TableTypes checks[] = {
            {"notes",
             "typeof(id)!='integer' OR typeof(guid)!='text' OR typeof(mid)!='integer' OR "
             "typeof(mod)!='integer' OR typeof(usn)!='integer' OR typeof(tags)!='text' OR "
             "typeof(flds)!='text' OR typeof(sfld) NOT IN ('text','integer','real') OR "
             "typeof(csum)!='integer' OR typeof(flags)!='integer' OR typeof(data)!='text'"},
            {"cards",
             "typeof(id)!='integer' OR typeof(nid)!='integer' OR typeof(did)!='integer' OR "
             "typeof(ord)!='integer' OR typeof(mod)!='integer' OR typeof(usn)!='integer' OR "
             "typeof(type)!='integer' OR typeof(queue)!='integer' OR typeof(due)!='integer' OR "
             "typeof(ivl)!='integer' OR typeof(factor)!='integer' OR typeof(reps)!='integer' "
             "OR typeof(lapses)!='integer' OR typeof(left)!='integer' OR typeof(odue)!='integer' "
             "OR typeof(odid)!='integer' OR typeof(flags)!='integer' OR typeof(data)!='text'"},
            {"revlog",
             "typeof(id)!='integer' OR typeof(cid)!='integer' OR typeof(usn)!='integer' OR "
             "typeof(ease)!='integer' OR typeof(ivl)!='integer' OR typeof(lastIvl)!='integer' "
             "OR typeof(factor)!='integer' OR typeof(time)!='integer' OR "
             "typeof(type)!='integer'"},
        };
        for (const TableTypes& check : checks) {
            if (!db_.db.has_table(check.table)) continue;
            SqliteStatement query =
                db_.db.prepare(std::string("SELECT count(*), min(rowid) FROM ") + check.table +
                               " WHERE " + check.condition);
            query.step();
            if (query.int64(0) == 0) continue;
            error("APKG117", check.table,
                  std::to_string(query.int64(0)) + " rows of `" + check.table +
                      "` hold a value of the wrong SQLite type (the first at rowid " +
                      query.text(1) + "); Anki expects INTEGER and TEXT");
        }
    }

    void notes() {
        std::unordered_map<std::int64_t, const json*> note_types;
        for (auto& [key, nt] : objects_.models.items()) {
            if (auto id = json_id(json(key))) note_types.emplace(*id, &nt);
        }
        SqliteStatement rows =
            db_.db.prepare("SELECT id, mid, flds, sfld, csum FROM notes ORDER BY id");
        while (rows.step()) {
            std::int64_t id = rows.int64(0);
            std::string where = "notes[id=" + std::to_string(id) + "]";
            auto nt = note_types.find(rows.int64(1));
            if (nt == note_types.end()) {
                error("APKG110", where,
                      "the note's note type " + rows.text(1) + " is not in the collection");
                continue;
            }
            const json& note_type = *nt->second;
            std::vector<std::string> fields = split(rows.text(2));
            std::size_t expected = note_type.contains("flds") && note_type["flds"].is_array()
                                       ? note_type["flds"].size()
                                       : 0;
            if (fields.size() != expected) {
                error("APKG111", where,
                      "the note has " + std::to_string(fields.size()) + " fields, its note type " +
                          name_of(note_type) + "has " + std::to_string(expected));
                continue;
            }
            derived_columns(rows, where, note_type, fields);
            NoteInfo info{&note_type, {}};
            if (note_type.value("type", json(0)) == 1) {
                std::string all;
                for (const std::string& f : fields) all += f + "\n";
                info.cloze_numbers = cloze_numbers(all);
            }
            notes_.emplace(id, std::move(info));
        }
    }

    static std::vector<std::string> split(const std::string& flds) {
        std::vector<std::string> out;
        std::size_t start = 0;
        while (true) {
            std::size_t end = flds.find('\x1f', start);
            out.push_back(flds.substr(start, end == std::string::npos ? end : end - start));
            if (end == std::string::npos) return out;
            start = end + 1;
        }
    }

    // sfld and csum as Anki computes them (both are recomputed by the current importer, but
    // other readers and the duplicate check use them).
    void derived_columns(const SqliteStatement& row, const std::string& where,
                         const json& note_type, const std::vector<std::string>& fields) {
        std::int64_t expected =
            writing::field_checksum(writing::strip_html_preserving_media_filenames(fields[0]));
        if (row.int64(4) != expected) {
            warning("APKG112", where,
                    "csum is " + row.text(4) + ", the first field's checksum is " +
                        std::to_string(expected));
        }
        std::size_t sort_index = 0;
        if (note_type.contains("sortf") && note_type["sortf"].is_number_unsigned()) {
            sort_index = note_type["sortf"].get<std::size_t>();
        }
        if (sort_index >= fields.size()) return;
        std::string sort = writing::strip_html_preserving_media_filenames(fields[sort_index]);
        if (!same_sort_value(row, 3, sort)) {
            warning(
                "APKG113", where,
                "sfld is not the sort field without HTML (expected '" + sort.substr(0, 60) + "')");
        }
    }

    void cards() {
        SqliteStatement rows =
            db_.db.prepare("SELECT id, nid, did, ord, type, queue FROM cards ORDER BY id");
        while (rows.step()) {
            std::string where = "cards[id=" + rows.text(0) + "]";
            if (!deck_ids_.count(rows.int64(2))) {
                error("APKG107", where, "the card's deck " + rows.text(2) + " does not exist");
            }
            std::int64_t type = rows.int64(4);
            std::int64_t queue = rows.int64(5);
            if (type < 0 || type > 3 || queue < -3 || queue > 4) {
                error("APKG118", where,
                      "card type " + std::to_string(type) + " / queue " + std::to_string(queue) +
                          " is outside what Anki knows (type 0-3, queue -3 to 4)");
            }
            auto note = notes_.find(rows.int64(1));
            if (note == notes_.end()) {
                if (!note_ids_with_problems(rows.int64(1))) {
                    error("APKG119", where, "the card's note " + rows.text(1) + " does not exist");
                }
                continue;
            }
            card_ord(where, rows.int64(3), note->second);
        }
    }

    // Notes already reported (missing note type, field count) are not in notes_ but exist.
    bool note_ids_with_problems(std::int64_t nid) {
        SqliteStatement exists = db_.db.prepare("SELECT 1 FROM notes WHERE id = ?");
        exists.bind(1, nid);
        return exists.step();
    }

    void card_ord(const std::string& where, std::int64_t ord, const NoteInfo& note) {
        const json& nt = *note.note_type;
        if (nt.value("type", json(0)) != 1) {
            std::size_t templates =
                nt.contains("tmpls") && nt["tmpls"].is_array() ? nt["tmpls"].size() : 0;
            if (ord < 0 || static_cast<std::size_t>(ord) >= templates) {
                error("APKG116", where,
                      "card ord " + std::to_string(ord) + " has no template (the note type " +
                          name_of(nt) + "has " + std::to_string(templates) + ")");
            }
            return;
        }
        const std::vector<int>& numbers = note.cloze_numbers;
        bool matches = std::find(numbers.begin(), numbers.end(), ord + 1) != numbers.end() ||
                       (numbers.empty() && ord == 0);
        if (!matches) {
            warning("APKG115", where,
                    "cloze card ord " + std::to_string(ord) + " has no {{c" +
                        std::to_string(ord + 1) + "::...}} in its note (an empty card)");
        }
    }

    void media() {
        if (!package_.zip) return;
        const std::string& display = input_.display_name;
        if (!package_.zip->contains("media")) {
            report_.report(Severity::warning, "APKG120", SourceLocation{display},
                           "the package has no `media` member; Anki 2.1.49 and older and "
                           "AnkiDroid 2.16 refuse it");
            return;
        }
        bool latest = package_.kind == PackageKind::latest;
        for (const MediaEntry& entry :
             read_media_map(package_, display, context_.limits, context_.diagnostics)) {
            SourceLocation at{display, 0, 0, "media[" + entry.member + "]"};
            if (!entry.key_is_number) {
                report_.report(Severity::error, "APKG123", at,
                               "media map key '" + entry.member +
                                   "' is not a number; Anki cannot import the package");
            }
            if (!package_.zip->contains(entry.member)) {
                report_.report(Severity::error, "APKG114", at,
                               "media file '" + entry.name + "' has no member '" + entry.member +
                                   "' in the package");
            }
            if (std::string why = anki_media_name_problem(entry.name); !why.empty()) {
                report_.report(latest ? Severity::error : Severity::warning, "APKG121", at,
                               "media name '" + entry.name + "': " + why +
                                   (latest ? "; Anki refuses the package"
                                           : "; Anki renames the file and its references"));
            }
            if (latest && entry.sha1.size() != 20) {
                report_.report(Severity::error, "APKG122", at,
                               "media entry '" + entry.name +
                                   "' has no 20-byte SHA-1; Anki refuses the package");
            }
        }
    }

    const Input& input_;
    ReadContext& context_;
    Reporter report_;
    Package package_;
    Diagnostics opening_;  // what opening reports: the reader reports it too (APKG015)
    OpenCollection db_;
    SchemaObjects objects_;
    std::set<std::int64_t> deck_ids_;
    std::unordered_map<std::int64_t, NoteInfo> notes_;
};

}  // namespace

void check_package(const Input& input, ReadContext& context) {
    Checker(input, context).run();
}

}  // namespace deckport::apkg
