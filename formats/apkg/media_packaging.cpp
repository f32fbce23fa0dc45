#include <nlohmann/json.hpp>

#include "apkg/media_packaging.hpp"

#include "apkg/media_names.hpp"
#include "deckport/error.hpp"
#include "deckport/identity.hpp"

namespace deckport::apkg {
namespace {

// Files Anki imports even when no field refers to them (templates use them by name).
bool is_static_name(std::string_view name) {
    return name.starts_with("_") || name.starts_with("latex-");
}

// The last path component: a markdown image `img/cat.png` is packaged as `cat.png`.
std::string_view file_part(std::string_view name) {
    std::size_t slash = name.find_last_of("/\\");
    return slash == std::string_view::npos ? name : name.substr(slash + 1);
}

}  // namespace

MediaPackager::MediaPackager(const Collection& collection)
    : collection_(collection),
      reported_when_read_(!collection.meta.source_format.empty()),
      index_(collection.media),
      packaged_name_(collection.media.size()),
      unreadable_(collection.media.size(), false) {}

std::optional<std::string> MediaPackager::package_reference(const std::string& reference,
                                                            const SourceLocation& origin,
                                                            WriteContext& context) {
    std::optional<std::size_t> index = index_.find(reference);
    if (!index) {
        // Anki imports such notes and shows a broken image (its "Check Media" lists them).
        // Reading reported the file as MEDIA001 at the reference already.
        if (reported_when_read_ || reported_missing_[reference]) return std::nullopt;
        reported_missing_[reference] = true;
        Diagnostic d{context.strict ? Severity::error : Severity::warning, "APKG202",
                     "the note refers to media file '" + reference +
                         "', which the collection does not have; the reference is kept as it is",
                     origin, "put the file next to the deck, or fix the file name"};
        context.diagnostics.report(std::move(d));
        return std::nullopt;
    }
    if (packaged_name_[*index]) return packaged_name_[*index];
    if (unreadable_[*index]) return std::nullopt;
    return package(*index, origin, context);
}

std::optional<std::string> MediaPackager::packaged_name(const std::string& reference) const {
    std::optional<std::size_t> index = index_.find(reference);
    if (!index) return std::nullopt;
    return packaged_name_[*index];
}

void MediaPackager::add_unreferenced(WriteContext& context) {
    for (std::size_t i = 0; i < collection_.media.size(); ++i) {
        if (packaged_name_[i] || unreadable_[i]) continue;
        const MediaFile& file = collection_.media[i];
        SourceLocation origin = file.origin;
        if (origin.file.empty() && origin.locator.empty())
            origin.locator = "media[" + file.name + "]";
        package(i, origin, context);
    }
}

std::optional<std::string> MediaPackager::package(std::size_t index, const SourceLocation& origin,
                                                  WriteContext& context) {
    const MediaFile& file = collection_.media[index];
    const std::string* bytes = nullptr;
    try {
        bytes = &file.bytes();
    } catch (const Error& e) {
        unreadable_[index] = true;
        std::string where =
            file.source_path.empty() ? std::string{} : " (" + file.source_path.string() + ")";
        context.diagnostics.error("APKG203", origin,
                                  "media file '" + file.name + "'" + where +
                                      " cannot be read: " + e.diagnostic().message);
        return std::nullopt;
    }
    std::string content = sha1_hex(*bytes);
    bool is_static = is_static_name(file.name);
    if (!is_static) {
        if (auto same = name_by_content_.find(content); same != name_by_content_.end()) {
            packaged_name_[index] = same->second;
            return same->second;
        }
    }
    std::string name = anki_media_name(file_part(file.name));
    if (name.empty()) name = "media";
    if (auto taken = content_by_name_.find(name); taken != content_by_name_.end()) {
        if (taken->second == content) {
            packaged_name_[index] = name;
            return name;
        }
        name = media_name_with_hash(name, content);
    }
    if (name != file.name) {
        context.diagnostics.note("APKG205", origin,
                                 "media file '" + file.name + "' is packaged as '" + name +
                                     "' (Anki's file name rules); references are rewritten");
    }
    content_by_name_.emplace(name, content);
    name_by_content_.emplace(content, name);
    members_.push_back({name, bytes});
    packaged_name_[index] = name;
    return name;
}

std::string media_map_json(const std::vector<MediaMember>& media) {
    nlohmann::json map = nlohmann::json::object();
    for (std::size_t i = 0; i < media.size(); ++i) map[std::to_string(i)] = media[i].name;
    return map.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace deckport::apkg
