// Collects the local image files that notes show, once per distinct path.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "deckport/diagnostics.hpp"
#include "deckport/model.hpp"

namespace deckport::markdown {

class MediaCollector {
  public:
    MediaCollector(std::filesystem::path base_dir, std::string file, Diagnostics& diagnostics)
        : base_dir_(std::move(base_dir)), file_(std::move(file)), diagnostics_(diagnostics) {}

    // Adds a MediaFile for every image of `note` whose file exists (paths relative to the
    // deck's folder); reports MD019 for each image whose file does not.
    void collect(const Note& note, Collection& collection);

  private:
    std::filesystem::path base_dir_;
    std::string file_;
    Diagnostics& diagnostics_;
    std::map<std::string, bool> exists_;  // path as written -> the file exists
};

}  // namespace deckport::markdown
