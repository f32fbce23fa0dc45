#include "common/temp_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <vector>

namespace deckport {

std::unique_ptr<TempFile> TempFile::create(std::string_view stem) {
    std::error_code ec;
    std::filesystem::path folder = std::filesystem::temp_directory_path(ec);
    if (ec) return nullptr;
    std::string pattern = (folder / ("deckport-" + std::string(stem) + "-XXXXXX")).string();
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    int fd = ::mkostemp(name.data(), O_CLOEXEC);  // created 0600: nobody else reads it
    if (fd < 0) return nullptr;
    return std::unique_ptr<TempFile>(new TempFile(fd, std::string(name.data())));
}

TempFile::~TempFile() {
    ::close(fd_);
    ::unlink(path_.c_str());
}

bool TempFile::append(std::string_view bytes) {
    if (::lseek(fd_, static_cast<off_t>(size_), SEEK_SET) < 0) return false;
    for (std::string_view rest = bytes; !rest.empty();) {
        ssize_t n = ::write(fd_, rest.data(), rest.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;  // a partial piece is past size_: contents() leaves it out
        rest.remove_prefix(static_cast<std::size_t>(n));
    }
    size_ += bytes.size();
    return true;
}

std::string TempFile::contents() const {
    std::string bytes(size_, '\0');
    std::size_t done = 0;
    while (done < size_) {
        ssize_t n = ::pread(fd_, bytes.data() + done, size_ - done, static_cast<off_t>(done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    bytes.resize(done);
    return bytes;
}

}  // namespace deckport
