#include "media_links.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <utility>

#include "deckport/error.hpp"
#include "deckport/identity.hpp"

namespace deckport::preview_detail {
namespace {

std::string percent_decoded(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() &&
            std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
            out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

// For a path segment in a URL: everything but unreserved characters escaped.
std::string percent_encoded(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : text) {
        auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '-' || c == '.' || c == '_' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += kHex[u >> 4];
            out += kHex[u & 0xF];
        }
    }
    return out;
}

bool has_scheme(std::string_view reference) {
    if (reference.substr(0, 2) == "//") return true;
    std::size_t colon = reference.find(':');
    if (colon == std::string_view::npos || colon == 0) return false;
    return std::all_of(
        reference.begin(), reference.begin() + static_cast<std::ptrdiff_t>(colon), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
        });
}

std::string extension_of(std::string_view name) {
    std::size_t dot = name.rfind('.');
    std::size_t slash = name.find_last_of("/\\");
    if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash))
        return {};
    std::string ext(name.substr(dot + 1));
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

}  // namespace

std::string mime_type(std::string_view name) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 28> kTypes{{
        {"png", "image/png"},      {"jpg", "image/jpeg"},   {"jpeg", "image/jpeg"},
        {"gif", "image/gif"},      {"webp", "image/webp"},  {"svg", "image/svg+xml"},
        {"bmp", "image/bmp"},      {"ico", "image/x-icon"}, {"avif", "image/avif"},
        {"tif", "image/tiff"},     {"tiff", "image/tiff"},  {"mp3", "audio/mpeg"},
        {"ogg", "audio/ogg"},      {"oga", "audio/ogg"},    {"opus", "audio/ogg"},
        {"wav", "audio/wav"},      {"m4a", "audio/mp4"},    {"flac", "audio/flac"},
        {"aac", "audio/aac"},      {"mp4", "video/mp4"},    {"webm", "video/webm"},
        {"ogv", "video/ogg"},      {"ttf", "font/ttf"},     {"otf", "font/otf"},
        {"woff", "font/woff"},     {"woff2", "font/woff2"}, {"css", "text/css"},
        {"js", "text/javascript"},
    }};
    std::string ext = extension_of(name);
    for (const auto& [e, type] : kTypes) {
        if (e == ext) return std::string(type);
    }
    return "application/octet-stream";
}

std::string data_uri(std::string_view mime, std::string_view bytes) {
    std::string out = "data:" + std::string(mime) + ";base64,";
    std::size_t prefix = out.size();
    out.resize(prefix + (bytes.size() + 2) / 3 * 4 + 1);  // EVP_EncodeBlock adds a NUL
    // Media large enough to overflow an int never reach here: the page refuses them first.
    int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data() + prefix),
                                  reinterpret_cast<const unsigned char*>(bytes.data()),
                                  static_cast<int>(bytes.size()));
    out.resize(prefix + static_cast<std::size_t>(written));
    return out;
}

MediaLinks::MediaLinks(const Collection& collection, std::string folder,
                       std::vector<LinkedMedia>& linked)
    : collection_(collection), folder_(std::move(folder)), linked_(linked) {}

const MediaFile* MediaLinks::find(std::string_view reference) const {
    if (reference.empty() || has_scheme(reference) || reference.front() == '#') return nullptr;
    std::string_view name = reference.substr(0, reference.find_first_of("?#"));
    while (name.substr(0, 2) == "./") name.remove_prefix(2);
    if (const MediaFile* file = collection_.find_media(name)) return file;
    std::string decoded = percent_decoded(name);
    return decoded == name ? nullptr : collection_.find_media(decoded);
}

std::optional<std::string> MediaLinks::url(std::string_view reference) {
    const MediaFile* file = find(reference);
    if (!file) return std::nullopt;
    auto cached = urls_.find(file);
    if (cached != urls_.end()) return cached->second;
    std::string url;
    try {
        const std::string& bytes = file->bytes();
        if (bytes.size() > static_cast<std::size_t>(INT_MAX / 4 * 3)) return std::nullopt;
        if (folder_.empty()) {
            url = data_uri(mime_type(file->name), bytes);
        } else {
            // Named by content: safe as a path whatever the media's own name is.
            std::string ext = extension_of(file->name);
            std::string name = sha1_hex(bytes).substr(0, 20) + (ext.empty() ? "" : "." + ext);
            linked_.push_back({folder_ + "/" + name, file});
            url = percent_encoded(folder_) + "/" + name;
        }
    } catch (const Error&) {
        return std::nullopt;  // unreadable: lint reports missing media
    }
    urls_.emplace(file, url);
    return url;
}

std::optional<std::string> MediaLinks::text(std::string_view reference) const {
    const MediaFile* file = find(reference);
    if (!file) return std::nullopt;
    try {
        return file->bytes();
    } catch (const Error&) {
        return std::nullopt;
    }
}

}  // namespace deckport::preview_detail
