#include "common/flat_media.hpp"

#include "deckport/identity.hpp"
#include "deckport/media_refs.hpp"

namespace deckport {
namespace {

std::string with_suffix(const std::string& name, const std::string& suffix) {
    std::size_t dot = name.rfind('.');
    if (dot == std::string::npos || dot == 0) return name + suffix;
    return name.substr(0, dot) + suffix + name.substr(dot);
}

}  // namespace

FlatMediaNames flatten_media_names(const std::vector<MediaFile>& media,
                                   const std::set<std::string>& reserved) {
    FlatMediaNames names;
    std::set<std::string> taken = reserved;
    for (const MediaFile& file : media) {
        if (names.by_name.contains(file.name)) continue;
        std::size_t slash = file.name.rfind('/');
        std::string flat = slash == std::string::npos ? file.name : file.name.substr(slash + 1);
        if (flat.empty() || !is_safe_relative_path(file.name) || !is_safe_relative_path(flat) ||
            reserved.contains(flat)) {
            names.unusable.push_back(file.name);
            continue;
        }
        if (taken.contains(flat)) {
            // Appended rather than `"-" + ...`, which trips GCC 12's -Wrestrict.
            std::string suffix(1, '-');
            suffix += sha1_hex(file.bytes()).substr(0, 8);
            std::string candidate = with_suffix(flat, suffix);
            for (int n = 2; taken.contains(candidate); ++n) {
                candidate = with_suffix(flat, suffix + "-" + std::to_string(n));
            }
            flat = candidate;
        }
        taken.insert(flat);
        names.by_name.emplace(file.name, flat);
    }
    return names;
}

}  // namespace deckport
