#include "markdown/note_type_yaml.hpp"

#include <charconv>
#include <nlohmann/json.hpp>
#include <set>

#include "deckport/notetypes.hpp"
#include "markdown/note_type_catalog.hpp"
#include "markdown/syntax.hpp"
#include "markdown/yaml_text.hpp"

namespace deckport::markdown {
namespace {

constexpr const char* kKeys = "name, id, kind, fields, sort field, templates, css";

class DefinitionReader {
  public:
    DefinitionReader(const YamlLocator& locate, Diagnostics& diagnostics)
        : locate_(locate), diagnostics_(diagnostics) {}

    std::optional<NoteType> read(const YAML::Node& node) {
        if (!node.IsMap()) {
            return fail(node,
                        "a note type definition is a mapping of keys (" + std::string(kKeys) + ")");
        }
        std::map<std::string, std::pair<YAML::Node, YAML::Node>> entries;
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (!it->first.IsScalar()) return fail(it->first, "a key must be text");
            std::string key = normalized_key(it->first.Scalar());
            static const std::set<std::string> kKnown = {
                "name", "id", "kind", "fields", "sort field", "templates", "css"};
            if (!kKnown.count(key)) {
                return fail(it->first, "unknown key '" + it->first.Scalar() +
                                           "' in a note type definition (keys: " + kKeys + ")");
            }
            if (!entries.emplace(key, std::make_pair(it->first, it->second)).second)
                return fail(it->first, "`" + key + ":` is given twice");
        }
        auto name_entry = entries.find("name");
        if (name_entry == entries.end())
            return fail(node, "a note type definition needs a `name:`");
        auto name = text(name_entry->second.second, "`name:`");
        if (!name) return std::nullopt;
        if (trim(*name).empty()) return fail(name_entry->second.second, "the name is empty");

        NoteType nt;
        nt.name = *name;
        const NoteType* builtin = builtin_named(*name);
        int shape_keys = static_cast<int>(entries.count("kind") + entries.count("fields") +
                                          entries.count("templates"));
        if (shape_keys == 0) {
            if (!builtin) {
                return fail(
                    name_entry->second.first,
                    "note type '" + *name + "' needs `fields:` and `templates:`",
                    "only a built-in (" + builtin_names() + ") may leave them out to keep its own");
            }
            nt.kind = builtin->kind;
            nt.fields = builtin->fields;
            nt.templates = builtin->templates;
            nt.css = builtin->css;
            nt.id = builtin->id;
        } else {
            if (!entries.count("fields") || !entries.count("templates")) {
                const YAML::Node& at = entries.count("fields")      ? entries["fields"].first
                                       : entries.count("templates") ? entries["templates"].first
                                                                    : entries["kind"].first;
                return fail(at, "note type '" + *name + "' needs both `fields:` and `templates:`");
            }
            if (entries.count("kind") && !read_kind(entries["kind"].second, nt))
                return std::nullopt;
            if (!read_fields(entries["fields"].second, nt)) return std::nullopt;
            if (!read_templates(entries["templates"].second, nt)) return std::nullopt;
            nt.id = derived_note_type_id(nt);
        }
        if (auto css = entries.find("css"); css != entries.end()) {
            auto value = text(css->second.second, "`css:`");
            if (!value) return std::nullopt;
            nt.css = *value;
        }
        if (auto sort = entries.find("sort field"); sort != entries.end()) {
            if (!read_sort_field(sort->second.second, nt)) return std::nullopt;
        }
        if (auto id = entries.find("id"); id != entries.end()) {
            if (!read_id(id->second.second, nt)) return std::nullopt;
        }
        for (CardTemplate& card_template : nt.templates) {
            if (card_template.extras.json().is_null())
                card_template.extras.json() = nlohmann::json::object();
        }
        return nt;
    }

  private:
    std::nullopt_t fail(const YAML::Node& at, const std::string& message,
                        const std::string& hint = {}) {
        diagnostics_.error("MD024", locate_(at.Mark()), message, hint);
        return std::nullopt;
    }

    // A scalar as text; null is empty.
    std::optional<std::string> text(const YAML::Node& node, const std::string& what) {
        if (node.IsNull()) return std::string{};
        if (!node.IsScalar()) {
            fail(node, what + " must be text");
            return std::nullopt;
        }
        return node.Scalar();
    }

    bool read_kind(const YAML::Node& node, NoteType& nt) {
        auto kind = text(node, "`kind:`");
        if (!kind) return false;
        if (*kind == "standard") {
            nt.kind = NoteTypeKind::standard;
        } else if (*kind == "cloze") {
            nt.kind = NoteTypeKind::cloze;
        } else {
            fail(node, "unknown kind '" + *kind + "'", "write `kind: standard` or `kind: cloze`");
            return false;
        }
        return true;
    }

    bool read_fields(const YAML::Node& node, NoteType& nt) {
        if (!node.IsSequence() || node.size() == 0) {
            fail(node, "`fields:` must be a list of field names, such as `[Front, Back]`");
            return false;
        }
        std::set<std::string> seen;
        for (const YAML::Node& field : node) {
            auto name = text(field, "a field name");
            if (!name) return false;
            if (trim(*name).empty()) {
                fail(field, "a field name is empty");
                return false;
            }
            // Anki keeps field names unique without regard to case.
            if (!seen.insert(ascii_lower(*name)).second) {
                fail(field, "field '" + *name + "' is listed twice");
                return false;
            }
            nt.fields.push_back(*name);
        }
        return true;
    }

    bool read_templates(const YAML::Node& node, NoteType& nt) {
        if (!node.IsSequence() || node.size() == 0) {
            fail(node, "`templates:` must be a list of card templates (name, front, back)");
            return false;
        }
        std::set<std::string> names;
        for (const YAML::Node& entry : node) {
            if (!entry.IsMap()) {
                fail(entry, "a card template is a mapping with `name:`, `front:` and `back:`");
                return false;
            }
            CardTemplate card_template;
            card_template.name = "Card " + std::to_string(nt.templates.size() + 1);
            std::set<std::string> keys;
            for (auto it = entry.begin(); it != entry.end(); ++it) {
                std::string key = it->first.IsScalar() ? normalized_key(it->first.Scalar()) : "";
                if (key != "name" && key != "front" && key != "back") {
                    fail(it->first, "a card template has the keys `name:`, `front:` and `back:`");
                    return false;
                }
                if (!keys.insert(key).second) {
                    fail(it->first, "`" + key + ":` is given twice");
                    return false;
                }
                auto value = text(it->second, "`" + key + ":`");
                if (!value) return false;
                if (key == "name") card_template.name = *value;
                if (key == "front") card_template.front = *value;
                if (key == "back") card_template.back = *value;
            }
            if (!names.insert(ascii_lower(card_template.name)).second) {
                fail(entry, "card template '" + card_template.name + "' is listed twice");
                return false;
            }
            nt.templates.push_back(std::move(card_template));
        }
        return true;
    }

    bool read_sort_field(const YAML::Node& node, NoteType& nt) {
        auto value = text(node, "`sort field:`");
        if (!value) return false;
        for (std::size_t i = 0; i < nt.fields.size(); ++i) {
            if (nt.fields[i] == *value) {
                nt.sort_field = static_cast<int>(i);
                return true;
            }
        }
        fail(node, "sort field '" + *value + "' is not one of the note type's fields");
        return false;
    }

    bool read_id(const YAML::Node& node, NoteType& nt) {
        auto value = text(node, "`id:`");
        if (!value) return false;
        std::int64_t id = 0;
        auto [end, error] = std::from_chars(value->data(), value->data() + value->size(), id);
        if (error != std::errc() || end != value->data() + value->size() || id <= 0) {
            fail(node, "`id:` must be a positive whole number (Anki's note type id)");
            return false;
        }
        nt.id = id;
        return true;
    }

    const YamlLocator& locate_;
    Diagnostics& diagnostics_;
};

void emit_key(YAML::Emitter& out, const char* key) {
    out << YAML::Key << key << YAML::Value;
}

}  // namespace

std::optional<NoteType> read_note_type_definition(const YAML::Node& node, const YamlLocator& locate,
                                                  Diagnostics& diagnostics) {
    return DefinitionReader(locate, diagnostics).read(node);
}

bool same_shape(const NoteType& note_type, const NoteType& builtin) {
    if (note_type.kind != builtin.kind || note_type.fields != builtin.fields ||
        note_type.templates.size() != builtin.templates.size())
        return false;
    for (std::size_t i = 0; i < builtin.templates.size(); ++i) {
        const CardTemplate& a = note_type.templates[i];
        const CardTemplate& b = builtin.templates[i];
        if (a.name != b.name || a.front != b.front || a.back != b.back) return false;
    }
    return true;
}

void emit_note_type_definition(YAML::Emitter& out, const NoteType& note_type,
                               const NoteType* builtin) {
    bool partial = builtin && same_shape(note_type, *builtin);
    out << YAML::BeginMap;
    emit_key(out, "name");
    emit_text(out, note_type.name);
    std::int64_t implied_id = partial ? builtin->id : derived_note_type_id(note_type);
    if (note_type.id != implied_id) {
        emit_key(out, "id");
        out << note_type.id;
    }
    if (!partial) {
        if (note_type.kind == NoteTypeKind::cloze) {
            emit_key(out, "kind");
            out << "cloze";
        }
        emit_key(out, "fields");
        out << YAML::Flow << YAML::BeginSeq;
        for (const std::string& field : note_type.fields) emit_text(out, field);
        out << YAML::EndSeq;
    }
    if (note_type.sort_field != 0 && note_type.sort_field > 0 &&
        static_cast<std::size_t>(note_type.sort_field) < note_type.fields.size()) {
        emit_key(out, "sort field");
        emit_text(out, note_type.fields[static_cast<std::size_t>(note_type.sort_field)]);
    }
    if (!partial) {
        emit_key(out, "templates");
        out << YAML::BeginSeq;
        for (const CardTemplate& card_template : note_type.templates) {
            out << YAML::BeginMap;
            emit_key(out, "name");
            emit_text(out, card_template.name);
            emit_key(out, "front");
            emit_text(out, card_template.front);
            emit_key(out, "back");
            emit_text(out, card_template.back);
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }
    if (partial ? note_type.css != builtin->css : !note_type.css.empty()) {
        emit_key(out, "css");
        emit_text(out, note_type.css);
    }
    out << YAML::EndMap;
}

}  // namespace deckport::markdown
