// Chooses the media members of a package: the files the notes refer to (in the order they are
// first referred to), then the collection's other files. Names follow Anki's rules; files with
// identical bytes are stored once; a reference to a file the collection does not have is kept
// as written (reading reported it as MEDIA001; a collection built in memory gets APKG202).
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "apkg/package_content.hpp"
#include "deckport/format.hpp"
#include "deckport/media_refs.hpp"
#include "deckport/model.hpp"

namespace deckport::apkg {

class MediaPackager {
  public:
    explicit MediaPackager(const Collection& collection);

    // The name under which a field should refer to the file it calls `reference`, packaging
    // the file on first use; nullopt leaves the reference as written (files that are missing
    // or unreadable, which are reported).
    // `origin` is the referring field's (or note's) position.
    std::optional<std::string> package_reference(const std::string& reference,
                                                 const SourceLocation& origin,
                                                 WriteContext& context);

    // The name package_reference gave `reference` (nullopt: left as written). Safe on several
    // threads at once, once every reference has been through package_reference.
    std::optional<std::string> packaged_name(const std::string& reference) const;

    // Packages the collection's files that no field referred to (templates' `_` files...).
    void add_unreferenced(WriteContext& context);

    const std::vector<MediaMember>& members() const { return members_; }

  private:
    std::optional<std::string> package(std::size_t index, const SourceLocation& origin,
                                       WriteContext& context);

    const Collection& collection_;
    bool reported_when_read_ = false;  // read_collection reported missing files (MEDIA001)
    MediaIndex index_;
    std::vector<std::optional<std::string>> packaged_name_;
    std::vector<bool> unreadable_;
    std::unordered_map<std::string, std::string> name_by_content_;  // sha1 -> member name
    std::unordered_map<std::string, std::string> content_by_name_;  // member name -> sha1
    std::unordered_map<std::string, bool> reported_missing_;
    std::vector<MediaMember> members_;
};

}  // namespace deckport::apkg
