// The "media" section: names with their bytes inline (base64) or, when a file was written with
// `-O media=list`, read from the folder of the JSON file.
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

std::string in_quotes(const std::string& text) {
    return "\"" + text + "\"";
}

// A name that cannot leave the folder it is looked up in.
bool is_plain_file_name(const std::string& name) {
    return !name.empty() && name != "." && name != ".." &&
           name.find_first_of(std::string("/\\\0", 3)) == std::string::npos;
}

// The bytes of media file `name` next to the input, or nullopt (reported) when absent.
std::optional<std::string> read_beside_input(const std::string& name, const Input& input,
                                             const Limits& limits, const std::string& pointer,
                                             Problems& problems) {
    if (!is_plain_file_name(name)) {
        problems.warning("JSON032", pointer,
                         "media file " + in_quotes(name) +
                             " has no \"data\" and is no plain file name to look up; dropped");
        return std::nullopt;
    }
    std::filesystem::path path = input.base_dir() / name;
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
        problems.warning("JSON032", pointer,
                         "media file " + in_quotes(name) + " has no \"data\" and " +
                             in_quotes(path.string()) + " does not exist; dropped",
                         "write the JSON with -O media=inline, or put the file next to it");
        return std::nullopt;
    }
    try {
        return read_file(path, limits.max_member_bytes);
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

void read_media(const nlohmann::json* array, const Input& input, const Limits& limits,
                ModelFromJson& model, Problems& problems) {
    if (!array) return;
    std::unordered_set<std::string> names;
    for (std::size_t i = 0; i < array->size(); ++i) {
        std::string at = "/media/" + std::to_string(i);
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
            bytes = read_beside_input(*name, input, limits, at, problems);
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
