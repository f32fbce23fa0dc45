// Media references in field text, found and rewritten in one place: markdown images (every
// CommonMark form), raw HTML <img>/<audio>/<video>/<source>/<object>, Anki's [sound:NAME], and
// CSS url() in note-type styling. Each reference carries its byte range, so callers can rewrite
// it in place or point at it (line:col). URLs are recognised and never fetched.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "deckport/model.hpp"

namespace deckport {

enum class MediaRefKind {
    image,    // <img src>, markdown ![alt](dest)
    audio,    // <audio src>
    video,    // <video src>
    source,   // <source src> (inside <audio>/<video>/<picture>)
    object,   // <object data>
    sound,    // [sound:NAME], Anki's own marker
    css_url,  // url(...) in CSS
    link,     // markdown [text](dest), only with MediaRefOptions::links (Mochi attachments)
};
// "image", "audio", "video", "source", "object", "sound", "CSS url()", "link".
const char* media_ref_kind_name(MediaRefKind kind);

// How the reference is written, which decides how a rewrite writes the new name.
enum class MediaRefSyntax {
    html_attribute,        // a quoted or bare attribute value
    sound_tag,             // the name inside [sound:...]
    markdown_destination,  // a link destination, bare or in <...>
    css_url,               // the argument of url(...), bare or quoted
};

struct MediaRef {
    MediaRefKind kind = MediaRefKind::image;
    MediaRefSyntax syntax = MediaRefSyntax::html_attribute;
    // What a rewrite replaces: the attribute value with its quotes, the destination with its
    // angle brackets, the name inside [sound:], the url() argument with its quotes.
    std::size_t begin = 0;
    std::size_t end = 0;
    // The target as written, without quotes or brackets: where a message points.
    std::size_t target_begin = 0;
    std::size_t target_end = 0;
    // Decoded (HTML character references, markdown backslash escapes, CSS escapes), not
    // percent-decoded: `img/blue%20dot.png` stays as written.
    std::string target;
    bool external = false;  // is_media_url(target)
    // Markdown: written in a link reference definition (`[pic]: img/red.png`), shared by
    // every image that uses the label.
    bool definition = false;
    // False only for a markdown destination written with escapes that could not be placed
    // within the scan's bound (hostile input): the range is empty and it is never rewritten.
    bool located = true;
};

struct MediaRefOptions {
    bool include_external = false;  // also return http:, data:, //host and #fragment targets
    bool links = false;             // markdown links [text](dest) too, not only images
};

// Every reference in `text`, ordered by `begin`, never overlapping. HTML (and raw HTML inside
// markdown) goes through a linear tag tokenizer that skips comments and raw-text elements;
// markdown through md4c, so code spans, fences, math and escapes are read as the renderer
// reads them; [sound:] in every markup, outside markdown code.
std::vector<MediaRef> find_media_refs(std::string_view text, Markup markup,
                                      const MediaRefOptions& options = {});
std::vector<MediaRef> find_media_refs(const Content& content, const MediaRefOptions& options = {});
// url(...) references in CSS (note-type styling), outside comments.
std::vector<MediaRef> find_css_media_refs(std::string_view css,
                                          const MediaRefOptions& options = {});

// Returns the new name for a reference, or nullopt to leave it as written.
using MediaRename = std::function<std::optional<std::string>(const MediaRef&)>;
// Replaces each reference that `rename` maps to a new name, written the way its syntax needs:
// attributes quoted and entity-escaped, markdown destinations escaped (in <...> when they hold
// spaces), [sound:] raw (entity-escaped if it was written with entities), CSS quoted.
// `refs` must come from find_*_media_refs on the same text. A definition shared by several
// images is rewritten once.
std::string rewrite_media_refs(std::string_view text, const std::vector<MediaRef>& refs,
                               const MediaRename& rename);

// True for what is not a file in the media folder: a scheme (a letter, then letters, digits,
// `+`, `-` or `.`, then `:`, at least two characters before it so that `C:` stays a path),
// `//host`, and `#fragment`.
bool is_media_url(std::string_view target);
// `%XX` sequences decoded (markdown and HTML may percent-encode a file name); others unchanged.
std::string percent_decode(std::string_view text);
// A relative path that stays inside its folder: not empty, not absolute, no drive letter, no
// `..` component, no empty component, no backslash, no NUL or other control character.
bool is_safe_relative_path(std::string_view path);

// The names of a collection's media, indexed once, so that a reference finds its file whether
// it is written as the name, in NFC, percent-encoded or with `./` parts.
class MediaIndex {
  public:
    MediaIndex() = default;
    explicit MediaIndex(const std::vector<MediaFile>& media);
    void add(std::string_view name, std::size_t index);
    std::optional<std::size_t> find(std::string_view reference) const;

  private:
    std::unordered_map<std::string, std::size_t> by_key_;
};

}  // namespace deckport
