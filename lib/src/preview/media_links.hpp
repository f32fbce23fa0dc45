// Where the page finds a card's media: the deck's media files (Collection::media), as data:
// URIs or as linked copies. The one place that resolves references for the preview, so that it
// can move to lib's media-reference module in one step.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "deckport/model.hpp"
#include "deckport/preview.hpp"

namespace deckport::preview_detail {

class MediaLinks {
  public:
    // `folder` empty: data: URIs; else files under it, recorded in `linked`.
    MediaLinks(const Collection& collection, std::string folder, std::vector<LinkedMedia>& linked);

    // The deck's file for a reference as a card or stylesheet writes it (`a.png`, `a%20b.png`,
    // `./a.png`); nullptr for URLs with a scheme and names the deck does not have.
    const MediaFile* find(std::string_view reference) const;
    // The URL the page uses for the reference, or nothing.
    std::optional<std::string> url(std::string_view reference);
    // The text of a referenced file (an imported stylesheet), or nothing.
    std::optional<std::string> text(std::string_view reference) const;

  private:
    const Collection& collection_;
    std::string folder_;
    std::vector<LinkedMedia>& linked_;
    std::map<const MediaFile*, std::string> urls_;  // each file encoded once
};

// The MIME type for a file name's extension (images, audio, video, fonts, CSS).
std::string mime_type(std::string_view name);
// `data:<mime>;base64,<bytes>`.
std::string data_uri(std::string_view mime, std::string_view bytes);

}  // namespace deckport::preview_detail
