// Reads a CrowdAnki export: a folder holding deck.json (or, from old exports, <folder>.json)
// and media/, or the deck.json file itself with media/ beside it.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "common/bounded_json.hpp"
#include "common/zip_archive.hpp"
#include "crowdanki/crowdanki_format.hpp"
#include "deckport/error.hpp"

namespace deckport {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kProbeBytes = 1 << 16;

// CrowdAnki writes sorted keys, so its deck.json starts `{ "__type__": "Deck"`.
bool starts_like_crowdanki(std::string_view text) {
    std::size_t i = 0;
    auto skip_space = [&] {
        while (i < text.size() &&
               (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t')) {
            ++i;
        }
    };
    auto expect = [&](std::string_view token) {
        skip_space();
        if (text.substr(i, token.size()) != token) return false;
        i += token.size();
        return true;
    };
    if (text.starts_with("\xef\xbb\xbf")) i = 3;
    return expect("{") && expect("\"__type__\"") && expect(":") && expect("\"Deck\"");
}

int probe_text(std::string_view text) {
    if (starts_like_crowdanki(text)) return 100;
    std::string_view head = text.substr(0, kProbeBytes);
    if (head.find("\"crowdanki_uuid\"") != std::string_view::npos &&
        head.find("\"__type__\"") != std::string_view::npos) {
        return 60;
    }
    return 0;
}

fs::path folder_name_of(const fs::path& folder) {
    return folder.has_filename() ? folder.filename() : folder.parent_path().filename();
}

// The JSON file inside a CrowdAnki folder: deck.json, else <folder>.json; empty when neither.
fs::path deck_json_in(const fs::path& folder) {
    std::error_code ec;
    fs::path deck_json = folder / "deck.json";
    if (fs::is_regular_file(deck_json, ec)) return deck_json;
    fs::path legacy = folder / (folder_name_of(folder).string() + ".json");
    if (fs::is_regular_file(legacy, ec)) return legacy;
    return {};
}

std::string head_of(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::string head(kProbeBytes, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
    return head;
}

class CrowdAnkiReader : public Reader {
  public:
    int probe(const Input& input) const override {
        if (!input.is_directory) return probe_text(input.bytes);
        fs::path json = deck_json_in(input.path);
        if (json.empty()) return 0;
        if (json.filename() == "deck.json") return 100;
        return probe_text(head_of(json)) > 0 ? 90 : 0;
    }

    Collection read(const Input& input, ReadContext& context) const override {
        std::string text;
        std::string file = input.display_name;
        fs::path media_dir;
        if (input.is_directory) {
            fs::path json = deck_json_in(input.path);
            if (json.empty()) {
                throw InputError("CA001", SourceLocation{input.display_name},
                                 "the folder holds no deck.json",
                                 "a CrowdAnki export is a folder with deck.json and media/");
            }
            file = (fs::path(input.display_name) / json.filename()).string();
            text = read_file(json, context.limits.max_input_bytes);
            media_dir = input.path / "media";
        } else {
            text = input.bytes;
            if (!input.path.empty()) media_dir = input.base_dir() / "media";
        }
        nlohmann::json root = parse_bounded_json(text, file, {"CA002", "CA003"}, context.limits);
        std::vector<MediaFile> media = read_media(media_dir, input.display_name, context);
        std::set<std::string> names;
        for (const MediaFile& m : media) names.insert(m.name);
        Collection collection = crowdanki::read_deck_json(root, names, file, context.diagnostics);
        collection.media = std::move(media);
        return collection;
    }

  private:
    // Files directly in media/, sorted by name; read when a writer needs them. A symbolic link
    // is followed when its target lies inside the media root (the deck's folder, or
    // --media-root), and refused (MEDIA002) when it leads out.
    static std::vector<MediaFile> read_media(const fs::path& dir, const std::string& display,
                                             ReadContext& context) {
        std::vector<MediaFile> media;
        std::error_code ec;
        if (dir.empty() || !fs::is_directory(dir, ec)) return media;
        MediaRoot root = MediaRoot::for_deck(dir.parent_path(), {}, context.media_root,
                                             context.limits.max_member_bytes);
        std::vector<fs::directory_entry> entries;
        for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
            if (entries.size() == context.limits.max_entries) {
                throw InputError(
                    "CA019", SourceLocation{display, 0, 0, "media/"},
                    "media/ holds more than " + std::to_string(context.limits.max_entries) +
                        " entries, the limit",
                    "if the folder is trusted, raise the limit with --limit entries=N");
            }
            entries.push_back(entry);
        }
        std::sort(entries.begin(), entries.end(),
                  [](const fs::directory_entry& a, const fs::directory_entry& b) {
                      return a.path().filename() < b.path().filename();
                  });
        for (const fs::directory_entry& entry : entries) {
            std::string name = entry.path().filename().string();
            SourceLocation at{display, 0, 0, "media/" + name};
            if (!is_safe_relative_path(name)) {
                context.diagnostics.warning("CA015", at, "unusable file name; skipped");
                continue;
            }
            MediaLookup lookup = root.resolve(std::string(dir.filename().string()) + "/" + name);
            if (lookup.outcome == MediaLookup::Outcome::refused) {
                context.diagnostics.error("MEDIA002", at,
                                          std::string("media file '") + name + "' " +
                                              media_refusal_text(*lookup.refusal) +
                                              ": it is not read",
                                          "replace the link with the file itself");
                continue;
            }
            if (lookup.outcome == MediaLookup::Outcome::missing) {
                context.diagnostics.warning("CA015", at, lookup.problem + "; skipped");
                continue;
            }
            MediaFile file;
            file.name = name;
            file.source_path = lookup.path;
            file.max_bytes = context.limits.max_member_bytes;
            file.origin = at;
            media.push_back(std::move(file));
        }
        return media;
    }
};

}  // namespace

std::unique_ptr<Reader> make_crowdanki_reader() {
    return std::make_unique<CrowdAnkiReader>();
}

}  // namespace deckport
