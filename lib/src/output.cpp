#include "deckport/output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <optional>
#include <set>
#include <system_error>
#include <utility>

#include "deckport/error.hpp"

namespace deckport {
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kLostNamesShown = 10;

[[noreturn]] void internal_error(const std::string& message) {
    throw Error(ExitCode::internal,
                Diagnostic{Severity::error, "INTERNAL", message, SourceLocation{}, {}});
}

// `out/deck/` names the folder `out/deck`.
fs::path folder_path(const std::string& path) {
    fs::path target = fs::path(path).lexically_normal();
    if (!target.has_filename() && target.has_relative_path()) target = target.parent_path();
    return target;
}

// The path with every existing part resolved (symbolic links, `..`), for comparisons.
fs::path resolved(const fs::path& path) {
    std::error_code ec;
    fs::path absolute = fs::absolute(path, ec);
    if (ec) return path.lexically_normal();
    fs::path real = fs::weakly_canonical(absolute, ec);
    return ec ? absolute.lexically_normal() : real;
}

// True when `outer` is `inner` or one of its ancestors.
bool contains_path(const fs::path& outer, const fs::path& inner) {
    auto o = outer.begin(), i = inner.begin();
    for (; o != outer.end(); ++o, ++i) {
        if (o->empty() && std::next(o) == outer.end()) break;  // a trailing '/'
        if (i == inner.end() || *o != *i) return false;
    }
    return true;
}

bool same_file(const fs::path& a, const fs::path& b) {
    std::error_code ec;
    return fs::exists(a, ec) && fs::exists(b, ec) && fs::equivalent(a, b, ec);
}

std::optional<std::pair<std::uint64_t, std::uint64_t>> identity(const fs::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;
    return std::pair<std::uint64_t, std::uint64_t>(st.st_dev, st.st_ino);
}

// An input, a folder that holds one, and (for folders) the current folder and its parents are
// never replaced.
void check_protected(const std::string& display, const fs::path& target, OutputShape shape,
                     const WritePolicy& policy) {
    fs::path real = resolved(target);
    if (policy.resolved_inputs) {
        if (policy.resolved_inputs->find(target, real)) {
            throw UsageError("output '" + display + "' is also an input",
                             "choose another output path; deckport never overwrites an input");
        }
        const fs::path* held =
            shape == OutputShape::folder ? policy.resolved_inputs->inside(real) : nullptr;
        if (held) {
            throw UsageError(
                "output folder '" + display + "' holds the input '" + held->string() + "'",
                "choose another output folder; deckport never removes an input");
        }
    }
    const std::vector<fs::path> none;
    for (const fs::path& input : policy.resolved_inputs ? none : policy.inputs) {
        if (same_file(target, input) || resolved(input) == real) {
            throw UsageError("output '" + display + "' is also an input",
                             "choose another output path; deckport never overwrites an input");
        }
        if (shape == OutputShape::folder && contains_path(real, resolved(input))) {
            throw UsageError(
                "output folder '" + display + "' holds the input '" + input.string() + "'",
                "choose another output folder; deckport never removes an input");
        }
    }
    std::error_code ec;
    fs::path cwd = fs::current_path(ec);
    if (shape == OutputShape::folder && !ec && contains_path(real, resolved(cwd))) {
        throw UsageError(
            "output folder '" + display + "' is the current folder or one of its parents",
            "choose a new folder for the output, such as out/deck");
    }
}

}  // namespace

ResolvedInputs::ResolvedInputs(const std::vector<fs::path>& inputs) {
    for (const fs::path& input : inputs) {
        by_path_.emplace(resolved(input), input);
        if (auto id = identity(input)) by_identity_.emplace(*id, input);
    }
}

const fs::path* ResolvedInputs::find(const fs::path& target, const fs::path& real) const {
    if (auto it = by_path_.find(real); it != by_path_.end()) return &it->second;
    auto id = identity(target);
    if (!id) return nullptr;
    auto it = by_identity_.find(*id);
    return it == by_identity_.end() ? nullptr : &it->second;
}

const fs::path* ResolvedInputs::inside(const fs::path& real) const {
    // fs::path orders part by part, so the paths inside `real` follow it directly.
    auto it = by_path_.lower_bound(real);
    return it != by_path_.end() && contains_path(real, it->first) ? &it->second : nullptr;
}

namespace {

bool is_replaceable_file(const fs::directory_entry& entry) {
    std::error_code ec;
    return entry.symlink_status(ec).type() == fs::file_type::regular;
}

// What an existing output folder holds that deckport did not write (and --force would lose):
// names relative to the folder, folders with a trailing '/'.
std::vector<std::string> unexpected_entries(const fs::path& folder,
                                            const std::vector<std::string>& replaceable) {
    std::set<std::string> files, folders;
    for (const std::string& name : replaceable) {
        if (name.ends_with('/')) {
            folders.insert(name.substr(0, name.size() - 1));
        } else {
            files.insert(name);
        }
    }
    std::vector<std::string> lost;
    std::error_code ec;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder, ec)) {
        std::string name = entry.path().filename().string();
        fs::file_type type = entry.symlink_status(ec).type();
        if (files.count(name) && type == fs::file_type::regular) continue;
        if (folders.count(name) && type == fs::file_type::directory) {
            for (const fs::directory_entry& inner : fs::directory_iterator(entry.path(), ec)) {
                if (!is_replaceable_file(inner)) {
                    lost.push_back(
                        name + "/" + inner.path().filename().string() +
                        (inner.symlink_status(ec).type() == fs::file_type::directory ? "/" : ""));
                }
            }
            if (ec) lost.push_back(name + "/");
            continue;
        }
        lost.push_back(name + (type == fs::file_type::directory ? "/" : ""));
    }
    if (ec) lost.push_back("(a folder that cannot be listed: " + ec.message() + ")");
    std::sort(lost.begin(), lost.end());
    return lost;
}

std::string describe_replaceable(const std::vector<std::string>& replaceable) {
    if (replaceable.empty()) return "nothing inside an existing folder";
    std::string out;
    for (std::size_t i = 0; i < replaceable.size(); ++i) {
        if (i > 0) out += i + 1 == replaceable.size() ? " and " : ", ";
        out += replaceable[i];
    }
    return out;
}

// Checks an existing folder that --force is asked to replace.
void check_replaceable_folder(const std::string& display, const fs::path& target,
                              const WritePolicy& policy) {
    std::error_code ec;
    fs::file_status status = fs::symlink_status(target, ec);
    if (fs::is_symlink(status)) {
        throw OutputExistsError("IO006", display,
                                "the output is a symbolic link; deckport does not replace it",
                                "choose another output folder");
    }
    if (!fs::is_directory(status)) {
        throw OutputExistsError("IO006", display,
                                "the output is a file, not a folder deckport wrote; --force does "
                                "not replace it",
                                "choose another output folder");
    }
    std::vector<std::string> lost = unexpected_entries(target, policy.replaceable);
    if (lost.empty()) return;
    std::string names;
    for (std::size_t i = 0; i < lost.size() && i < kLostNamesShown; ++i) {
        names += (i > 0 ? ", " : "") + lost[i];
    }
    if (lost.size() > kLostNamesShown) {
        names += " and " + std::to_string(lost.size() - kLostNamesShown) + " more";
    }
    throw OutputExistsError("IO006", display,
                            "the output folder holds what deckport did not write, which --force "
                            "would lose: " +
                                names,
                            "--force replaces only " + describe_replaceable(policy.replaceable) +
                                "; move the rest away or choose another output folder");
}

// A character device or FIFO (/dev/null, a named pipe) is written in place, never replaced.
bool is_stream_target(const fs::path& target) {
    std::error_code ec;
    fs::file_type type = fs::status(target, ec).type();
    return type == fs::file_type::character || type == fs::file_type::fifo;
}

// A temporary name next to `target`, so that the final rename stays on one file system.
fs::path temporary_sibling(const fs::path& target, const char* purpose) {
    static std::atomic<unsigned> counter{0};
    std::string name = "." + target.filename().string() + ".deckport-" + purpose + "-" +
                       std::to_string(::getpid()) + "-" + std::to_string(counter++);
    return target.parent_path() / name;
}

void create_parent(const fs::path& target) {
    if (!target.has_parent_path()) return;
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    if (ec) {
        throw IoError("IO002", target.parent_path().string(),
                      "cannot create folder: " + ec.message());
    }
}

void write_all(int fd, std::string_view bytes, const std::string& name) {
    std::size_t written = 0;
    while (written < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw IoError("IO002", name, "cannot write: " + errno_text());
        }
        written += static_cast<std::size_t>(n);
    }
}

// `sync`: fsync before closing. A folder output syncs its whole file system once instead
// (syncfs), so that a folder of 60 000 media files does not wait for 60 000 fsyncs.
void write_whole_file(const fs::path& path, std::string_view bytes, bool sync) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) throw IoError("IO002", path.string(), "cannot create: " + errno_text());
    try {
        write_all(fd, bytes, path.string());
    } catch (...) {
        ::close(fd);
        throw;
    }
    bool synced = !sync || ::fsync(fd) == 0;
    if (::close(fd) != 0 || !synced) {
        throw IoError("IO002", path.string(), "cannot write: " + errno_text());
    }
}

void sync_file_system(const fs::path& folder) {
    int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || ::syncfs(fd) != 0) {
        std::string why = errno_text();
        if (fd >= 0) ::close(fd);
        throw IoError("IO002", folder.string(), "cannot write: " + why);
    }
    ::close(fd);
}

// Renames `from` to `to`. Without `replace`, an existing `to` (even one created since the
// checks) is never replaced: RENAME_NOREPLACE where the file system has it.
void rename_into_place(const fs::path& from, const fs::path& to, bool replace,
                       const std::string& display) {
    if (!replace) {
        if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) {
            return;
        }
        if (errno == EEXIST) throw OutputExistsError(display);
        if (errno != EINVAL && errno != ENOSYS) {
            throw IoError("IO002", display, "cannot rename into place: " + errno_text());
        }
        std::error_code ec;
        if (fs::exists(fs::symlink_status(to, ec))) throw OutputExistsError(display);
    }
    if (std::rename(from.c_str(), to.c_str()) != 0) {
        throw IoError("IO002", display, "cannot rename into place: " + errno_text());
    }
}

// Removes exactly what check_replaceable_folder allowed from a folder moved aside; anything
// that appeared since stays, and so does the folder.
void remove_replaced(const fs::path& aside, const std::vector<std::string>& replaceable) {
    std::error_code ec;
    for (const std::string& name : replaceable) {
        fs::path path = aside / (name.ends_with('/') ? name.substr(0, name.size() - 1) : name);
        fs::file_status status = fs::symlink_status(path, ec);
        if (name.ends_with('/') && fs::is_directory(status)) {
            for (const fs::directory_entry& inner : fs::directory_iterator(path, ec)) {
                if (is_replaceable_file(inner)) fs::remove(inner.path(), ec);
            }
            fs::remove(path, ec);  // only when now empty
        } else if (!name.ends_with('/') && fs::is_regular_file(status)) {
            fs::remove(path, ec);
        }
    }
    if (!fs::remove(aside, ec)) {
        throw IoError("IO002", aside.string(),
                      "the replaced output folder was kept here: something appeared in it while "
                      "deckport wrote the new one");
    }
}

class StdoutOutput final : public PendingOutput {
  public:
    void write(std::string_view bytes) override {
        std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!std::cout) throw IoError("IO002", "<stdout>", "cannot write");
    }
    void write_file(std::string_view, std::string_view) override {
        internal_error("a folder output was sent to stdout");
    }
    void commit() override {
        std::cout.flush();
        if (!std::cout) throw IoError("IO002", "<stdout>", "cannot write");
    }
};

class FileOutput final : public PendingOutput {
  public:
    FileOutput(std::string display, fs::path target, bool force)
        : display_(std::move(display)), target_(std::move(target)), force_(force) {
        if (is_stream_target(target_)) {
            fd_ = ::open(target_.c_str(), O_WRONLY | O_CLOEXEC);
            if (fd_ < 0) throw IoError("IO002", display_, "cannot open: " + errno_text());
            return;
        }
        create_parent(target_);
        temporary_ = temporary_sibling(target_, "tmp");
        fd_ = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd_ < 0) throw IoError("IO002", temporary_.string(), "cannot create: " + errno_text());
    }
    ~FileOutput() override {
        if (fd_ >= 0) ::close(fd_);
        if (!committed_ && !temporary_.empty()) ::unlink(temporary_.c_str());
    }
    FileOutput(const FileOutput&) = delete;
    FileOutput& operator=(const FileOutput&) = delete;

    void write(std::string_view bytes) override {
        write_all(fd_, bytes, display_);
        written_ += bytes.size();
        if (!temporary_.empty()) start_writeback();
    }
    void write_file(std::string_view, std::string_view) override {
        internal_error("a single-file writer wrote a named file");
    }
    void commit() override {
        if (temporary_.empty()) {  // a device or pipe, written in place
            int fd = std::exchange(fd_, -1);
            if (::close(fd) != 0) throw IoError("IO002", display_, "cannot write: " + errno_text());
            committed_ = true;
            return;
        }
        int fd = std::exchange(fd_, -1);
        bool synced = ::fsync(fd) == 0;
        if (::close(fd) != 0 || !synced) {
            throw IoError("IO002", display_, "cannot write: " + errno_text());
        }
        rename_into_place(temporary_, target_, force_, display_);
        committed_ = true;
    }

  private:
    // Asks the kernel to start writing what is written so far, every few megabytes, so that the
    // fsync at commit waits for the last few only (133 MB of JSON: 64 ms of fsync at the end
    // otherwise). Advice: a file system that cannot take it just syncs later.
    void start_writeback() {
#ifdef __linux__
        constexpr std::uint64_t kWritebackStep = 8u << 20;
        if (written_ - written_back_ < kWritebackStep) return;
        ::sync_file_range(fd_, static_cast<off64_t>(written_back_),
                          static_cast<off64_t>(written_ - written_back_), SYNC_FILE_RANGE_WRITE);
        written_back_ = written_;
#endif
    }

    std::string display_;
    fs::path target_;
    fs::path temporary_;  // empty when writing a device in place
    bool force_;
    int fd_ = -1;
    bool committed_ = false;
    std::uint64_t written_ = 0;       // bytes written
    std::uint64_t written_back_ = 0;  // bytes whose writeback was started
};

class FolderOutput final : public PendingOutput {
  public:
    FolderOutput(std::string display, fs::path target, WritePolicy policy)
        : display_(std::move(display)), target_(std::move(target)), policy_(std::move(policy)) {
        create_parent(target_);
        temporary_ = temporary_sibling(target_, "tmp");
        std::error_code ec;
        if (!fs::create_directory(temporary_, ec)) {
            throw IoError("IO002", temporary_.string(),
                          "cannot create: " + (ec ? ec.message() : std::string("it exists")));
        }
    }
    ~FolderOutput() override {
        if (committed_) return;
        std::error_code ec;
        fs::remove_all(temporary_, ec);  // our own temporary folder
    }
    FolderOutput(const FolderOutput&) = delete;
    FolderOutput& operator=(const FolderOutput&) = delete;

    void write(std::string_view) override {
        internal_error("a folder writer wrote an unnamed file");
    }
    void write_file(std::string_view relative_path, std::string_view bytes) override {
        fs::path relative = fs::path(relative_path).lexically_normal();
        if (relative.empty() || relative.is_absolute() || *relative.begin() == ".." ||
            !relative.has_filename()) {
            throw IoError("IO005", std::string(relative_path),
                          "refusing to write outside the output folder");
        }
        fs::path path = temporary_ / relative;
        std::error_code ec;
        fs::create_directories(path.parent_path(), ec);
        if (ec)
            throw IoError("IO002", path.parent_path().string(),
                          "cannot create folder: " + ec.message());
        write_whole_file(path, bytes, false);
    }
    void commit() override {
        sync_file_system(temporary_);
        std::error_code ec;
        if (!fs::exists(fs::symlink_status(target_, ec))) {
            rename_into_place(temporary_, target_, false, display_);
            committed_ = true;
            return;
        }
        if (!policy_.force) throw OutputExistsError(display_);
        check_replaceable_folder(display_, target_, policy_);  // again: it may have changed
        fs::path aside = temporary_sibling(target_, "old");
        if (std::rename(target_.c_str(), aside.c_str()) != 0) {
            throw IoError("IO002", display_, "cannot move the old output aside: " + errno_text());
        }
        if (std::rename(temporary_.c_str(), target_.c_str()) != 0) {
            std::string why = errno_text();
            std::rename(aside.c_str(), target_.c_str());
            throw IoError("IO002", display_, "cannot rename into place: " + why);
        }
        committed_ = true;
        remove_replaced(aside, policy_.replaceable);
    }

  private:
    std::string display_;
    fs::path target_;
    fs::path temporary_;
    WritePolicy policy_;
    bool committed_ = false;
};

}  // namespace

Output Output::single(std::string bytes) {
    Output output;
    output.files.push_back({std::string{}, std::move(bytes)});
    return output;
}

void MemorySink::write(std::string_view bytes) {
    if (output_.is_directory) internal_error("a folder writer wrote an unnamed file");
    if (output_.files.empty()) output_.files.emplace_back();
    output_.files.back().bytes.append(bytes);
}

void MemorySink::write_file(std::string_view relative_path, std::string_view bytes) {
    if (!output_.is_directory && !output_.files.empty()) {
        internal_error("a single-file writer wrote a named file");
    }
    output_.is_directory = true;
    output_.files.push_back({std::string(relative_path), std::string(bytes)});
}

void check_output_target(const std::string& path_or_dash, OutputShape shape,
                         const WritePolicy& policy) {
    if (path_or_dash == "-") {
        if (shape == OutputShape::folder) {
            throw UsageError("this format writes a folder and cannot go to stdout",
                             "give a folder with -o");
        }
        return;
    }
    fs::path target =
        shape == OutputShape::folder ? folder_path(path_or_dash) : fs::path(path_or_dash);
    check_protected(path_or_dash, target, shape, policy);
    std::error_code ec;
    fs::file_status status = fs::symlink_status(target, ec);
    if (!fs::exists(status)) return;
    if (shape == OutputShape::file) {
        if (fs::is_directory(fs::status(target, ec))) {
            throw OutputExistsError("IO006", path_or_dash,
                                    "the output is a folder; a file output never replaces a folder",
                                    "choose a file name for the output");
        }
        if (is_stream_target(target)) return;
        if (!policy.force) throw OutputExistsError(path_or_dash);
        return;
    }
    if (!policy.force) throw OutputExistsError(path_or_dash);
    check_replaceable_folder(path_or_dash, target, policy);
}

std::unique_ptr<PendingOutput> open_output(const std::string& path_or_dash, OutputShape shape,
                                           const WritePolicy& policy) {
    check_output_target(path_or_dash, shape, policy);
    if (path_or_dash == "-") return std::make_unique<StdoutOutput>();
    if (shape == OutputShape::folder) {
        return std::make_unique<FolderOutput>(path_or_dash, folder_path(path_or_dash), policy);
    }
    return std::make_unique<FileOutput>(path_or_dash, fs::path(path_or_dash), policy.force);
}

void write_output(const std::string& path_or_dash, const Output& output,
                  const WritePolicy& policy) {
    auto sink = open_output(path_or_dash,
                            output.is_directory ? OutputShape::folder : OutputShape::file, policy);
    for (const OutputFile& file : output.files) {
        if (output.is_directory) {
            sink->write_file(file.relative_path, file.bytes);
        } else {
            sink->write(file.bytes);
        }
    }
    sink->commit();
}

void atomic_write_file(const fs::path& path, std::string_view bytes, bool force) {
    auto sink = open_output(path.string(), OutputShape::file, WritePolicy{force, {}, {}, {}});
    sink->write(bytes);
    sink->commit();
}

}  // namespace deckport
