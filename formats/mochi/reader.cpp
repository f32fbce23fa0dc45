// Reads a .mochi package: the data file (data.json preferred, else data.edn) and the media at
// the archive root.
#include <set>

#include "common/zip_archive.hpp"
#include "deckport/error.hpp"
#include "mochi/decoders.hpp"
#include "mochi/loose_data.hpp"
#include "mochi/mochi_format.hpp"

namespace deckport {
namespace {

constexpr const char* kJsonData = "data.json";
constexpr const char* kEdnData = "data.edn";

bool looks_like_zip(const std::string& bytes) {
    return bytes.size() >= 4 && bytes.compare(0, 2, "PK") == 0 &&
           ((bytes[2] == '\x03' && bytes[3] == '\x04') ||
            (bytes[2] == '\x05' && bytes[3] == '\x06'));
}

class MochiReader : public Reader {
  public:
    int probe(const Input& input) const override {
        if (input.is_directory) return 0;
        // A data.json or data.edn unzipped from a package: unmistakably Mochi's keys.
        if (mochi::loose_data_kind(input.bytes) != mochi::LooseData::none) return 100;
        if (!looks_like_zip(input.bytes)) return 0;
        // Names only: whatever the archive holds, the read applies the limits.
        return zip_names_any(input.bytes, {kJsonData, kEdnData}) ? 100 : 0;
    }

    Collection read(const Input& input, ReadContext& context) const override {
        if (input.is_directory) {
            throw InputError("MOCHI001", SourceLocation{input.display_name},
                             "a folder is not a Mochi package (a .mochi file is a zip)");
        }
        if (input.bytes.empty()) {
            throw InputError("MOCHI001", SourceLocation{input.display_name},
                             "the file is empty: not a Mochi package");
        }
        if (auto kind = mochi::loose_data_kind(input.bytes); kind != mochi::LooseData::none) {
            return mochi::read_loose_data(input, kind, context);
        }
        ZipReader zip(input.bytes, input.display_name, "MOCHI", context.limits);
        bool has_json = zip.contains(kJsonData);
        bool has_edn = zip.contains(kEdnData);
        if (!has_json && !has_edn) {
            throw InputError("MOCHI010", SourceLocation{input.display_name},
                             "the archive holds neither data.json nor data.edn",
                             "a .mochi file is a zip with data.json or data.edn at its root");
        }
        if (has_json && has_edn) {
            context.diagnostics.warning("MOCHI030", SourceLocation{input.display_name},
                                        "the archive holds both data.json and data.edn; "
                                        "reading data.json");
        }
        std::string member = has_json ? kJsonData : kEdnData;
        std::string data_file = input.display_name + "!" + member;
        std::string text = zip.read(member).value_or("");
        mochi::Value data =
            has_json ? mochi::decode_transit_json(text, input.display_name, member, context.limits)
                     : mochi::parse_edn(text, data_file, context.limits);

        std::vector<MediaFile> media;
        std::set<std::string> media_names;
        for (const std::string& name : zip.names()) {
            if (name == kJsonData || name == kEdnData || name.empty() || name.back() == '/') {
                continue;
            }
            if (!is_safe_relative_path(name)) {
                context.diagnostics.warning("MOCHI028",
                                            SourceLocation{input.display_name, 0, 0, name},
                                            "media name would leave its folder; skipped");
                continue;
            }
            if (!media_names.insert(name).second) continue;
            MediaFile file;
            file.name = name;
            file.data = zip.read(name);
            file.origin = SourceLocation{input.display_name, 0, 0, name};
            media.push_back(std::move(file));
        }
        Collection collection =
            mochi::build_collection(data, input.display_name, member, context.diagnostics);
        collection.media = std::move(media);
        return collection;
    }
};

}  // namespace

std::unique_ptr<Reader> make_mochi_reader() {
    return std::make_unique<MochiReader>();
}

}  // namespace deckport
