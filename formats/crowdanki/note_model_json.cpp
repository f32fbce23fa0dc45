#include "crowdanki/note_model_json.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "crowdanki/crowdanki_uuid.hpp"
#include "deckport/identity.hpp"

namespace deckport::crowdanki {
namespace {

using Json = nlohmann::json;

// Anki's defaults for a new note type's LaTeX header and footer.
constexpr const char* kLatexPre =
    "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}"
    "\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n"
    "\\begin{document}\n";
constexpr const char* kLatexPost = "\\end{document}";

Json default_field() {
    return {{"collapsed", false},       {"description", ""}, {"excludeFromSearch", false},
            {"font", "Arial"},          {"id", nullptr},     {"plainText", false},
            {"preventDeletion", false}, {"rtl", false},      {"size", 20},
            {"sticky", false},          {"tag", nullptr}};
}

Json default_template() {
    return {{"bafmt", ""}, {"bfont", ""},    {"bqfmt", ""},
            {"bsize", 0},  {"did", nullptr}, {"id", nullptr}};
}

// Anki's legacy `req`: for each template, the fields its front refers to.
Json requirements(const NoteType& nt) {
    Json req = Json::array();
    for (std::size_t t = 0; t < nt.templates.size(); ++t) {
        const std::string& front = nt.templates[t].front;
        std::vector<int> ords;
        std::size_t pos = 0;
        while ((pos = front.find("{{", pos)) != std::string::npos) {
            std::size_t end = front.find("}}", pos + 2);
            if (end == std::string::npos) break;
            std::string inside = front.substr(pos + 2, end - pos - 2);
            pos = end + 2;
            if (!inside.empty() && (inside[0] == '#' || inside[0] == '^' || inside[0] == '/')) {
                continue;
            }
            if (auto colon = inside.rfind(':'); colon != std::string::npos) {
                inside = inside.substr(colon + 1);
            }
            int ord = nt.field_index(inside);
            if (ord >= 0 && std::find(ords.begin(), ords.end(), ord) == ords.end()) {
                ords.push_back(ord);
            }
        }
        std::sort(ords.begin(), ords.end());
        req.push_back({t, ords.empty() ? "none" : "any", ords});
    }
    return req;
}

const Json* crowdanki_extras(const Json& extras) {
    if (!extras.is_object()) return nullptr;
    auto it = extras.find("crowdanki");
    return it != extras.end() && it->is_object() ? &*it : nullptr;
}

// Sorted by "ord" where every element has one; in array order otherwise.
std::vector<const Json*> by_ord(const Json& array) {
    std::vector<const Json*> items;
    for (const Json& item : array) items.push_back(&item);
    bool all_ordered = std::all_of(items.begin(), items.end(), [](const Json* j) {
        return j->is_object() && j->contains("ord") && (*j)["ord"].is_number_integer();
    });
    if (all_ordered) {
        std::stable_sort(items.begin(), items.end(), [](const Json* a, const Json* b) {
            return (*a)["ord"].get<std::int64_t>() < (*b)["ord"].get<std::int64_t>();
        });
    }
    return items;
}

std::string string_or(const Json& object, const char* key, std::string fallback) {
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : fallback;
}

}  // namespace

std::optional<NoteType> note_type_from_json(const Json& model, std::string& problem) {
    if (!model.is_object()) {
        problem = "a note model must be an object";
        return std::nullopt;
    }
    NoteType nt;
    nt.name = string_or(model, "name", "");
    if (nt.name.empty()) {
        problem = "note model has no name";
        return std::nullopt;
    }
    auto flds = model.find("flds");
    if (flds == model.end() || !flds->is_array() || flds->empty()) {
        problem = "note model '" + nt.name + "' has no fields (flds)";
        return std::nullopt;
    }
    Json field_extras = Json::array();
    for (const Json* field : by_ord(*flds)) {
        std::string name = field->is_object() ? string_or(*field, "name", "") : "";
        if (name.empty()) {
            problem = "note model '" + nt.name + "' has a field without a name";
            return std::nullopt;
        }
        nt.fields.push_back(name);
        field_extras.push_back(without(*field, {"name", "ord"}));
    }
    if (auto tmpls = model.find("tmpls"); tmpls != model.end() && tmpls->is_array()) {
        for (const Json* tmpl : by_ord(*tmpls)) {
            if (!tmpl->is_object()) continue;
            CardTemplate card;
            card.name = string_or(*tmpl, "name", "Card " + std::to_string(nt.templates.size() + 1));
            card.front = string_or(*tmpl, "qfmt", "");
            card.back = string_or(*tmpl, "afmt", "");
            card.extras.json()["crowdanki"] = without(*tmpl, {"name", "qfmt", "afmt", "ord"});
            nt.templates.push_back(std::move(card));
        }
    }
    auto type = model.find("type");
    nt.kind = type != model.end() && type->is_number_integer() && type->get<std::int64_t>() == 1
                  ? NoteTypeKind::cloze
                  : NoteTypeKind::standard;
    nt.css = string_or(model, "css", "");
    if (auto sortf = model.find("sortf"); sortf != model.end() && sortf->is_number_integer()) {
        std::int64_t index = sortf->get<std::int64_t>();
        if (index >= 0 && index < static_cast<std::int64_t>(nt.fields.size())) {
            nt.sort_field = static_cast<int>(index);
        }
    }
    Json rest = without(model, {"name", "type", "css", "sortf", "flds", "tmpls"});
    std::string uuid = string_or(model, "crowdanki_uuid", "");
    nt.id = derive_id("notetype", "crowdanki\x1f" + (uuid.empty() ? nt.name : uuid));
    nt.extras.json()["crowdanki"] = {{"model", std::move(rest)},
                                     {"fields", std::move(field_extras)}};
    return nt;
}

std::string note_type_uuid(const NoteType& nt) {
    if (const Json* extras = crowdanki_extras(nt.extras.json())) {
        auto model = extras->find("model");
        if (model != extras->end() && model->is_object()) {
            std::string uuid = string_or(*model, "crowdanki_uuid", "");
            if (!uuid.empty()) return uuid;
        }
    }
    return derived_uuid("notetype", std::to_string(nt.id));
}

Json note_model_json(const NoteType& nt) {
    const Json* extras = crowdanki_extras(nt.extras.json());
    Json model;
    if (extras && extras->contains("model") && (*extras)["model"].is_object()) {
        model = (*extras)["model"];
    } else {
        model = {{"latexPost", kLatexPost},
                 {"latexPre", kLatexPre},
                 {"latexsvg", false},
                 {"req", requirements(nt)},
                 {"tags", Json::array()}};
    }
    model["__type__"] = "NoteModel";
    model["crowdanki_uuid"] = note_type_uuid(nt);
    model["name"] = nt.name;
    model["type"] = nt.kind == NoteTypeKind::cloze ? 1 : 0;
    model["css"] = nt.css;
    model["sortf"] = nt.sort_field;
    const Json* field_extras = nullptr;
    if (extras && extras->contains("fields") && (*extras)["fields"].is_array() &&
        (*extras)["fields"].size() == nt.fields.size()) {
        field_extras = &(*extras)["fields"];
    }
    Json flds = Json::array();
    for (std::size_t i = 0; i < nt.fields.size(); ++i) {
        Json field =
            field_extras && (*field_extras)[i].is_object() ? (*field_extras)[i] : default_field();
        field["name"] = nt.fields[i];
        field["ord"] = i;
        flds.push_back(std::move(field));
    }
    model["flds"] = std::move(flds);
    Json tmpls = Json::array();
    for (std::size_t i = 0; i < nt.templates.size(); ++i) {
        const CardTemplate& card = nt.templates[i];
        const Json* card_extras = crowdanki_extras(card.extras.json());
        Json tmpl = card_extras ? *card_extras : default_template();
        tmpl["name"] = card.name;
        tmpl["qfmt"] = card.front;
        tmpl["afmt"] = card.back;
        tmpl["ord"] = i;
        tmpls.push_back(std::move(tmpl));
    }
    model["tmpls"] = std::move(tmpls);
    return model;
}

Json without(const Json& object, std::initializer_list<const char*> keys) {
    Json rest = object;
    for (const char* key : keys) rest.erase(key);
    return rest;
}

}  // namespace deckport::crowdanki
