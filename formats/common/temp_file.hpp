// A scratch file in the system's temporary folder (TMPDIR), removed when the object goes: for
// data too large to keep in memory that a library wants to read from a file.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace deckport {

class TempFile {
  public:
    // A new empty file, or null when none can be made (the caller keeps the data in memory).
    static std::unique_ptr<TempFile> create(std::string_view stem);
    ~TempFile();
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    // Appends `bytes`; false when the file cannot take them (it is then left as it was).
    bool append(std::string_view bytes);
    // Everything appended so far.
    std::string contents() const;
    std::size_t size() const { return size_; }
    const std::string& path() const { return path_; }

  private:
    TempFile(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
    int fd_;
    std::string path_;
    std::size_t size_ = 0;
};

}  // namespace deckport
