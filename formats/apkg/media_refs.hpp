// The media files a field's HTML refers to, the way Anki finds them: the src/data attribute of
// <img>, <audio>, <video>, <object> and <source> tags, and `[sound:NAME]`. Found by a linear
// HTML tag scanner (quoted attribute values, comments and script/style text handled), so that
// hostile fields cost time proportional to their length.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace deckport::apkg {

struct MediaReference {
    std::size_t begin = 0;   // the span of the reference in the field: the attribute value with
    std::size_t end = 0;     // its quotes, or the name inside [sound:...]
    std::string name;        // with entities decoded
    bool attribute = false;  // an HTML attribute (true) or a [sound:] tag (false)
};

std::vector<MediaReference> find_media_references(std::string_view html);

// Replaces each reference for which `rename` gives a new name, writing it the way the
// reference was written (attribute values quoted and escaped).
std::string rewrite_media_references(
    std::string_view html, const std::vector<MediaReference>& references,
    const std::function<std::optional<std::string>(const MediaReference&)>& rename);

// True for references that point elsewhere than the media folder: `http:`, `data:`, `//host`...
bool is_external_reference(std::string_view name);

// `%XX` sequences decoded (the form markdown renderers give file names); others left alone.
std::string percent_decode(std::string_view text);

}  // namespace deckport::apkg
