#include "markdown/media_collector.hpp"

#include "markdown/image_refs.hpp"
#include "markdown/source_text.hpp"

namespace deckport::markdown {
void MediaCollector::collect(const Note& note, Collection& collection) {
    for (std::size_t field = 0; field < note.fields.size(); ++field) {
        const std::string& text = note.fields[field].source;
        SourceLocation origin =
            field < note.field_origins.size() ? note.field_origins[field] : note.origin;
        for (const ImageRef& image : find_local_images(text)) {
            SourceLocation at =
                image.offset ? position_in_text(text, *image.offset, origin) : origin;
            std::filesystem::path path = base_dir_ / std::filesystem::path(image.path);
            auto [known, inserted] = exists_.emplace(image.path, false);
            if (inserted) {
                std::error_code error;
                known->second = std::filesystem::is_regular_file(path, error);
                if (known->second) {
                    MediaFile media;
                    media.name = image.path;
                    media.source_path = path;
                    media.origin = at;
                    collection.media.push_back(std::move(media));
                }
            }
            if (!known->second) {
                diagnostics_.warning("MD019", at, "image file '" + image.path + "' does not exist",
                                     "looked for " + path.string());
            }
        }
    }
}

}  // namespace deckport::markdown
