// The "media" section: names with their bytes inline (base64) or, when a file was written with
// `-O media=list`, read from the media root: beside the JSON file, then in `<stem>.media/`.
// Names may hold folders (`media/padlock.png`); the root confines them.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "deckport/error.hpp"
#include "deckport/identity.hpp"
#include "json/base64.hpp"
#include "json/model_sections.hpp"

namespace deckport::json_format {
namespace {

// The bytes of media file `name` from the media root, or nullopt (reported) when it is absent
// or the root refuses the path (the same codes as for references in fields).
std::optional<std::string> read_from_root(const std::string& name, const MediaRoot& media,
                                          bool strict, const std::string& pointer,
                                          Problems& problems) {
    MediaLookup lookup = media.resolve(name);
    if (lookup.outcome == MediaLookup::Outcome::refused) {
        problems.error("MEDIA002", pointer,
                       "media file " + in_quotes(name) + " has no \"data\" and its name " +
                           media_refusal_text(*lookup.refusal) + ": it is not read",
                       "move the file next to the JSON, or widen the root with --media-root");
        return std::nullopt;
    }
    if (lookup.outcome == MediaLookup::Outcome::missing) {
        std::string message =
            "media file " + in_quotes(name) + " has no \"data\" and " + lookup.problem;
        if (!lookup.tried.empty()) message += " (looked for " + lookup.tried.front().string() + ")";
        std::string hint = "write the JSON with -O media=inline, or put the file next to it";
        if (strict) {
            problems.error("MEDIA001", pointer, message + "; dropped", hint);
        } else {
            problems.warning("MEDIA001", pointer, message + "; dropped", hint);
        }
        return std::nullopt;
    }
    try {
        return read_file(lookup.path, lookup.size);
    } catch (const Error& e) {
        problems.error("JSON033", pointer,
                       "media file " + in_quotes(name) + ": " + e.diagnostic().message);
        return std::nullopt;
    }
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

}  // namespace

void read_media(const nlohmann::json* array, const MediaRoot& media, bool strict,
                ModelFromJson& model, Problems& problems) {
    if (!array) return;
    std::unordered_set<std::string> names;
    for (std::size_t i = 0; i < array->size(); ++i) {
        std::string at = "/media/" + std::to_string(i);
        ReleaseWhenRead release((*array)[i]);
        if (!expect_object((*array)[i], at, problems)) continue;
        Members members((*array)[i], at, problems);
        auto name = members.string("name", true);
        auto size = members.integer("size", false);
        auto sha1 = members.string("sha1", false);
        auto data = members.string("data", false);
        bool data_given = members.get("data", false) != nullptr;
        members.finish();
        if (!name || (data_given && !data)) continue;
        if (name->empty()) {
            problems.error("JSON013", members.pointer_of("name"), "a media file needs a name");
            continue;
        }
        std::optional<std::string> bytes;
        if (data) {
            bytes = base64_decode(*data);
            if (!bytes) {
                problems.error("JSON030", members.pointer_of("data"),
                               "\"data\" of " + in_quotes(*name) +
                                   " is not base64 (RFC 4648 alphabet, padded, no line breaks)");
                continue;
            }
        } else {
            bytes = read_from_root(*name, media, strict, at, problems);
            if (!bytes) continue;
        }
        if (size && *size != static_cast<std::int64_t>(bytes->size())) {
            problems.error("JSON031", members.pointer_of("size"),
                           "size " + std::to_string(*size) + " does not match the " +
                               std::to_string(bytes->size()) + " bytes of " + in_quotes(*name));
        }
        if (sha1 && lower(*sha1) != sha1_hex(*bytes)) {
            problems.error("JSON031", members.pointer_of("sha1"),
                           "sha1 " + *sha1 + " does not match the bytes of " + in_quotes(*name) +
                               " (sha1 " + sha1_hex(*bytes) + ")");
        }
        if (!names.insert(*name).second) {
            problems.error("JSON027", members.pointer_of("name"),
                           "media file " + in_quotes(*name) + " is listed twice");
            continue;
        }
        MediaFile file;
        file.name = *name;
        file.data = std::move(bytes);
        model.collection.media.push_back(std::move(file));
        model.media_pointers.push_back(at);
    }
}

}  // namespace deckport::json_format
