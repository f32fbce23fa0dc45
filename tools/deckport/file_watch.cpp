#include "file_watch.hpp"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <map>

#include "deckport/error.hpp"

namespace deckport::cli {

namespace fs = std::filesystem;

FileWatch::FileWatch(const std::vector<fs::path>& files) {
    fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd_ < 0) throw IoError("IO001", "inotify", "cannot watch files: " + errno_text());
    std::map<fs::path, int> watches;
    for (const fs::path& file : files) {
        fs::path absolute = fs::absolute(file);
        fs::path folder = absolute.parent_path();
        auto it = watches.find(folder);
        if (it == watches.end()) {
            int wd =
                inotify_add_watch(fd_, folder.c_str(),
                                  IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MODIFY);
            if (wd < 0) {
                throw IoError("IO001", folder.string(), "cannot watch folder: " + errno_text());
            }
            it = watches.emplace(folder, wd).first;
        }
        names_.insert({it->second, absolute.filename().string()});
    }
}

FileWatch::~FileWatch() {
    if (fd_ >= 0) ::close(fd_);
}

bool FileWatch::read_events(std::chrono::milliseconds timeout) {
    pollfd pfd{fd_, POLLIN, 0};
    if (::poll(&pfd, 1, static_cast<int>(timeout.count())) <= 0) return false;
    alignas(inotify_event) char buffer[16 * 1024];
    bool relevant = false;
    while (true) {
        ssize_t size = ::read(fd_, buffer, sizeof buffer);
        if (size <= 0) break;
        for (char* at = buffer; at < buffer + size;) {
            auto* event = reinterpret_cast<inotify_event*>(at);
            if (event->len > 0 && names_.count({event->wd, std::string(event->name)}))
                relevant = true;
            at += sizeof(inotify_event) + event->len;
        }
    }
    return relevant;
}

bool FileWatch::wait(std::chrono::milliseconds timeout) {
    if (!read_events(timeout)) return false;
    while (read_events(std::chrono::milliseconds(80))) {
    }
    return true;
}

}  // namespace deckport::cli
