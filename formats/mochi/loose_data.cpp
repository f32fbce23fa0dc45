#include "mochi/loose_data.hpp"

#include <filesystem>
#include <set>

#include "common/zip_archive.hpp"
#include "deckport/error.hpp"
#include "mochi/decoders.hpp"
#include "mochi/mochi_format.hpp"

namespace deckport::mochi {
namespace {
namespace fs = std::filesystem;

constexpr std::size_t kProbeBytes = 64 * 1024;

std::string_view without_bom_and_space(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    std::size_t first = text.find_first_not_of(" \t\r\n");
    return first == std::string_view::npos ? std::string_view{} : text.substr(first);
}

// The names after `@media/` in the text, up to the `)` that closes a markdown link (or a quote
// or white space): the attachments a loose data file may need from its folder.
std::set<std::string> media_names_mentioned(std::string_view text) {
    static constexpr std::string_view kPrefix = "@media/";
    std::set<std::string> names;
    for (std::size_t at = text.find(kPrefix); at != std::string_view::npos;
         at = text.find(kPrefix, at + kPrefix.size())) {
        std::size_t begin = at + kPrefix.size();
        std::size_t end = text.find_first_of(")\"\\ \t\r\n", begin);
        std::string name(text.substr(begin, end == std::string_view::npos ? end : end - begin));
        if (!name.empty() && name.find('/') == std::string::npos && is_safe_relative_path(name)) {
            names.insert(name);
        }
    }
    return names;
}

std::vector<MediaFile> media_beside(const Input& input, std::string_view text) {
    std::vector<MediaFile> media;
    if (input.path.empty()) return media;  // stdin: no folder
    fs::path folder = input.base_dir();
    for (const std::string& name : media_names_mentioned(text)) {
        std::error_code ec;
        fs::path file = folder / name;
        if (fs::is_symlink(file, ec) || !fs::is_regular_file(file, ec)) continue;
        MediaFile media_file;
        media_file.name = name;
        media_file.source_path = file;
        media_file.origin =
            SourceLocation{(fs::path(input.display_name).parent_path() / name).string()};
        media.push_back(std::move(media_file));
    }
    return media;
}

}  // namespace

LooseData loose_data_kind(std::string_view bytes) {
    std::string_view head = without_bom_and_space(bytes.substr(0, kProbeBytes));
    if (head.empty() || (head[0] != '{' && head[0] != '[')) return LooseData::none;
    std::string_view inside = without_bom_and_space(head.substr(1));
    // Transit-JSON: a map with `"~:` keywords (verbose) or `["^ ", …]` (compact).
    if ((head[0] == '{' && inside.starts_with("\"~:")) ||
        (head[0] == '[' && inside.starts_with("\"^ \""))) {
        if (head.find("\"~:decks\"") != std::string_view::npos ||
            head.find("\"~:version\"") != std::string_view::npos) {
            return LooseData::transit_json;
        }
        return LooseData::none;
    }
    // EDN: a map whose first key is a keyword, holding `:decks`.
    if (head[0] == '{' && inside.starts_with(":") &&
        head.find(":decks") != std::string_view::npos) {
        return LooseData::edn;
    }
    return LooseData::none;
}

Collection read_loose_data(const Input& input, LooseData kind, ReadContext& context) {
    std::string_view text = input.bytes;
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    bool json = kind == LooseData::transit_json;
    std::string shape = json ? "data.json" : "data.edn";
    context.diagnostics.warning(
        "MOCHI034", SourceLocation{input.display_name},
        "read as a Mochi " + shape + " given on its own, outside a .mochi package",
        "attachments it names are taken from its folder; `deckport convert` to .mochi makes a "
        "package");
    Value data = json ? decode_transit_json(text, input.display_name, "", context.limits)
                      : parse_edn(text, input.display_name, context.limits);
    std::vector<MediaFile> media = media_beside(input, text);
    std::set<std::string> names;
    for (const MediaFile& file : media) names.insert(file.name);
    Collection collection =
        build_collection(data, names, input.display_name, "", context.diagnostics);
    collection.media = std::move(media);
    return collection;
}

}  // namespace deckport::mochi
