// find_media_refs dispatch, rewriting, the URL test, percent decoding and the name index.
#include "deckport/media_refs.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "content/escape.hpp"
#include "media/ref_scanners.hpp"

namespace deckport {
namespace {

bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Sorted by position; a reference inside another (a [sound:] inside an attribute value) goes.
std::vector<MediaRef> finish(std::vector<MediaRef> refs, const MediaRefOptions& options) {
    std::erase_if(refs, [&](MediaRef& ref) {
        ref.external = is_media_url(ref.target);
        return ref.target.empty() || (ref.external && !options.include_external);
    });
    std::stable_sort(refs.begin(), refs.end(),
                     [](const MediaRef& a, const MediaRef& b) { return a.begin < b.begin; });
    std::vector<MediaRef> kept;
    kept.reserve(refs.size());
    for (MediaRef& ref : refs) {
        if (ref.located && !kept.empty() && kept.back().located) {
            const MediaRef& last = kept.back();
            // One definition used by several images is one reference.
            if (ref.begin == last.begin && ref.end == last.end && ref.definition) continue;
            if (ref.begin < last.end) continue;
        }
        kept.push_back(std::move(ref));
    }
    return kept;
}

// A markdown destination that reads back as `name`.
std::string markdown_destination(std::string_view name) {
    bool bare = !name.empty() && name.front() != '<';
    for (char c : name) {
        unsigned char u = static_cast<unsigned char>(c);
        if (u <= ' ' || u == 0x7f || c == '(' || c == ')' || c == '\\' || c == '&') bare = false;
    }
    if (bare) return std::string(name);
    std::string out = "<";
    for (char c : name) {
        if (c == '<' || c == '>' || c == '\\' || c == '&') out += '\\';
        out += c;
    }
    out += '>';
    return out;
}

std::string css_string(std::string_view name) {
    std::string out = "\"";
    for (char c : name) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\a ";
            continue;
        }
        out += c;
    }
    out += '"';
    return out;
}

std::string html_attribute(std::string_view name) {
    std::string out = "\"";
    content::append_html_escaped(out, name);
    out += '"';
    return out;
}

std::string nfc(std::string_view text) {
    utf8proc_uint8_t* mapped = nullptr;
    utf8proc_ssize_t size =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                     static_cast<utf8proc_ssize_t>(text.size()), &mapped,
                     static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    if (size < 0) return std::string(text);  // not UTF-8: compared as written
    std::string out(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(size));
    std::free(mapped);
    return out;
}

// `./img//a.png` -> `img/a.png`; `..` parts are kept (they are not this index's business).
std::string normal_form(std::string_view name) {
    if (name.find("./") == std::string_view::npos && name.find("//") == std::string_view::npos)
        return std::string(name);
    return std::filesystem::path(std::string(name)).lexically_normal().generic_string();
}

// The forms under which a name is found, most exact first.
std::vector<std::string> keys_of(std::string_view name) {
    std::vector<std::string> keys{std::string(name)};
    auto add = [&](std::string key) {
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
    };
    std::string composed = nfc(name);
    add(composed);
    add(normal_form(composed));
    if (name.find('%') != std::string_view::npos) {
        std::string decoded = nfc(percent_decode(name));
        add(decoded);
        add(normal_form(decoded));
    }
    return keys;
}

}  // namespace

const char* media_ref_kind_name(MediaRefKind kind) {
    switch (kind) {
        case MediaRefKind::image:
            return "image";
        case MediaRefKind::audio:
            return "audio";
        case MediaRefKind::video:
            return "video";
        case MediaRefKind::source:
            return "source";
        case MediaRefKind::object:
            return "object";
        case MediaRefKind::sound:
            return "sound";
        case MediaRefKind::css_url:
            return "CSS url()";
        case MediaRefKind::link:
            return "link";
    }
    return "media";
}

std::vector<MediaRef> find_media_refs(std::string_view text, Markup markup,
                                      const MediaRefOptions& options) {
    std::vector<MediaRef> refs;
    switch (markup) {
        case Markup::html:
            media_detail::scan_html_tags(text, 0, text.size(), refs);
            media_detail::scan_sound_tags(text, {}, refs);
            break;
        case Markup::markdown:
            media_detail::scan_markdown(text, options.links, refs);
            break;
        case Markup::text:
            media_detail::scan_sound_tags(text, {}, refs);
            break;
    }
    return finish(std::move(refs), options);
}

std::vector<MediaRef> find_media_refs(const Content& content, const MediaRefOptions& options) {
    return find_media_refs(content.source, content.kind, options);
}

std::vector<MediaRef> find_css_media_refs(std::string_view css, const MediaRefOptions& options) {
    std::vector<MediaRef> refs;
    media_detail::scan_css(css, refs);
    return finish(std::move(refs), options);
}

std::string rewrite_media_refs(std::string_view text, const std::vector<MediaRef>& refs,
                               const MediaRename& rename) {
    std::string out;
    out.reserve(text.size());
    std::size_t copied = 0;
    for (const MediaRef& ref : refs) {
        if (!ref.located || ref.begin < copied || ref.end > text.size()) continue;
        std::optional<std::string> name = rename(ref);
        if (!name) continue;
        out.append(text.substr(copied, ref.begin - copied));
        switch (ref.syntax) {
            case MediaRefSyntax::html_attribute:
                out += html_attribute(*name);
                break;
            case MediaRefSyntax::sound_tag: {
                std::string_view raw = text.substr(ref.begin, ref.end - ref.begin);
                if (raw != ref.target) {
                    content::append_html_escaped(out, *name);  // it was written with entities
                } else {
                    out += *name;
                }
                break;
            }
            case MediaRefSyntax::markdown_destination:
                out += markdown_destination(*name);
                break;
            case MediaRefSyntax::css_url:
                out += css_string(*name);
                break;
        }
        copied = ref.end;
    }
    out.append(text.substr(copied));
    return out;
}

bool is_media_url(std::string_view target) {
    if (target.starts_with("//") || target.starts_with("#")) return true;
    std::size_t colon = target.find(':');
    if (colon == std::string_view::npos || colon < 2 || !is_letter(target[0])) return false;
    for (std::size_t i = 1; i < colon; ++i) {
        char c = target[i];
        if (!is_letter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
            return false;
        }
    }
    return true;
}

std::string percent_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size()) {
            int high = hex_value(text[i + 1]);
            int low = hex_value(text[i + 2]);
            if (high >= 0 && low >= 0) {
                out += static_cast<char>(high * 16 + low);
                i += 2;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

bool is_safe_relative_path(std::string_view path) {
    if (path.empty() || path.front() == '/') return false;
    for (unsigned char c : path) {
        if (c < 0x20 || c == 0x7f || c == '\\') return false;
    }
    if (path.size() >= 2 && path[1] == ':') return false;  // C:...
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        std::string_view part = path.substr(start, end - start);
        if (part == ".." || (part.empty() && end != path.size())) return false;
        start = end + 1;
    }
    return true;
}

MediaIndex::MediaIndex(const std::vector<MediaFile>& media) {
    for (std::size_t i = 0; i < media.size(); ++i) add(media[i].name, i);
}

void MediaIndex::add(std::string_view name, std::size_t index) {
    for (std::string& key : keys_of(name)) by_key_.emplace(std::move(key), index);
}

std::optional<std::size_t> MediaIndex::find(std::string_view reference) const {
    if (auto it = by_key_.find(std::string(reference)); it != by_key_.end()) return it->second;
    for (const std::string& key : keys_of(reference)) {
        if (auto it = by_key_.find(key); it != by_key_.end()) return it->second;
    }
    return std::nullopt;
}

}  // namespace deckport
