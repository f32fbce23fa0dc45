// Waiting for files to change (Linux inotify), for `deckport preview --serve`.
#pragma once

#include <chrono>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace deckport::cli {

// Watches the folders that hold the given files, so that a file an editor replaces (written
// to a temporary name, then renamed) is seen too.
class FileWatch {
  public:
    explicit FileWatch(const std::vector<std::filesystem::path>& files);
    ~FileWatch();
    FileWatch(const FileWatch&) = delete;
    FileWatch& operator=(const FileWatch&) = delete;

    // Waits up to `timeout` for one of the files to be written, replaced or removed; then
    // waits until they have been quiet for a moment (an editor's save is several events).
    // True when something changed.
    bool wait(std::chrono::milliseconds timeout);

  private:
    bool read_events(std::chrono::milliseconds timeout);

    int fd_ = -1;
    std::set<std::pair<int, std::string>> names_;  // (watch, file name) pairs of interest
};

}  // namespace deckport::cli
