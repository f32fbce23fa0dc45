#include "deckport/io.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <system_error>

#include "deckport/error.hpp"

namespace deckport {
namespace fs = std::filesystem;

namespace {

std::string errno_text() { return std::strerror(errno); }

std::string read_stream(std::istream& in, const std::string& name, std::uint64_t max_bytes) {
    std::string bytes;
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (bytes.size() > max_bytes) {
            throw IoError("IO003", name,
                          "input is larger than the limit of " + std::to_string(max_bytes) +
                              " bytes");
        }
    }
    if (in.bad()) throw IoError("IO001", name, "cannot read: " + errno_text());
    return bytes;
}

bool same_file(const fs::path& a, const fs::path& b) {
    std::error_code ec;
    return fs::exists(a, ec) && fs::exists(b, ec) && fs::equivalent(a, b, ec);
}

// A temporary name next to `target`, so that the final rename stays on one file system.
fs::path temporary_sibling(const fs::path& target) {
    std::string name = "." + target.filename().string() + ".deckport-tmp-" +
                       std::to_string(::getpid()) + "-";
    static std::atomic<unsigned> counter{0};
    name += std::to_string(counter++);
    return target.parent_path() / name;
}

void write_whole_file(const fs::path& path, std::string_view bytes) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) throw IoError("IO002", path.string(), "cannot create: " + errno_text());
    std::size_t written = 0;
    while (written < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            std::string why = errno_text();
            ::close(fd);
            throw IoError("IO002", path.string(), "cannot write: " + why);
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        throw IoError("IO002", path.string(), "cannot write: " + errno_text());
    }
}

void check_not_input(const fs::path& target, const WritePolicy& policy) {
    for (const fs::path& input : policy.inputs) {
        if (same_file(target, input)) {
            throw UsageError("output '" + target.string() + "' is also an input",
                             "choose another output path; deckport never overwrites an input");
        }
    }
}

void write_directory(const fs::path& target, const Output& output, const WritePolicy& policy) {
    std::error_code ec;
    if (fs::exists(target, ec) && !policy.force) throw OutputExistsError(target.string());
    if (!target.parent_path().empty()) fs::create_directories(target.parent_path(), ec);
    fs::path temporary = temporary_sibling(target);
    try {
        fs::create_directory(temporary);
        for (const OutputFile& file : output.files) {
            fs::path relative = fs::path(file.relative_path).lexically_normal();
            if (relative.empty() || relative.is_absolute() || *relative.begin() == "..") {
                throw IoError("IO005", file.relative_path,
                              "refusing to write outside the output folder");
            }
            fs::create_directories((temporary / relative).parent_path());
            write_whole_file(temporary / relative, file.bytes);
        }
        if (fs::exists(target, ec)) fs::remove_all(target);
        fs::rename(temporary, target);
    } catch (const fs::filesystem_error& e) {
        fs::remove_all(temporary, ec);
        throw IoError("IO002", target.string(), e.code().message());
    } catch (...) {
        fs::remove_all(temporary, ec);
        throw;
    }
}

}  // namespace

fs::path Input::base_dir() const {
    if (path.empty()) return fs::current_path();
    if (is_directory) return path;
    return path.has_parent_path() ? path.parent_path() : fs::path(".");
}

Input read_input(const std::string& path_or_dash, const Limits& limits) {
    Input input;
    if (path_or_dash == "-") {
        input.display_name = "<stdin>";
        input.bytes = read_stream(std::cin, input.display_name, limits.max_input_bytes);
        return input;
    }
    input.display_name = path_or_dash;
    input.path = path_or_dash;
    std::error_code ec;
    auto status = fs::status(input.path, ec);
    if (ec || !fs::exists(status)) {
        throw IoError("IO001", path_or_dash, "no such file or folder");
    }
    if (fs::is_directory(status)) {
        input.is_directory = true;
        return input;
    }
    input.bytes = read_file(input.path, limits.max_input_bytes);
    return input;
}

Input input_from_memory(std::string display_name, std::string bytes) {
    Input input;
    input.display_name = std::move(display_name);
    input.bytes = std::move(bytes);
    return input;
}

std::string read_file(const fs::path& path, std::uint64_t max_bytes) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError("IO001", path.string(), "cannot open: " + errno_text());
    return read_stream(in, path.string(), max_bytes);
}

Output Output::single(std::string bytes) {
    Output output;
    output.files.push_back({std::string{}, std::move(bytes)});
    return output;
}

void atomic_write_file(const fs::path& path, std::string_view bytes, bool force) {
    std::error_code ec;
    if (fs::exists(path, ec) && !force) throw OutputExistsError(path.string());
    if (path.has_parent_path()) {
        fs::create_directories(path.parent_path(), ec);
        if (ec) throw IoError("IO002", path.parent_path().string(), "cannot create folder: " + ec.message());
    }
    fs::path temporary = temporary_sibling(path);
    try {
        write_whole_file(temporary, bytes);
    } catch (...) {
        fs::remove(temporary, ec);
        throw;
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        std::string why = errno_text();
        fs::remove(temporary, ec);
        throw IoError("IO002", path.string(), "cannot rename into place: " + why);
    }
}

void write_output(const std::string& path_or_dash, const Output& output,
                  const WritePolicy& policy) {
    if (path_or_dash == "-") {
        if (output.is_directory || output.files.size() != 1) {
            throw UsageError("this format writes a folder and cannot go to stdout",
                             "give a folder with -o");
        }
        const std::string& bytes = output.files.front().bytes;
        std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        std::cout.flush();
        if (!std::cout) throw IoError("IO002", "<stdout>", "cannot write");
        return;
    }
    fs::path target = path_or_dash;
    check_not_input(target, policy);
    if (output.is_directory) {
        // `-o out/deck/` names the folder `out/deck`.
        if (!target.has_filename() && target.has_relative_path()) target = target.parent_path();
        write_directory(target, output, policy);
        return;
    }
    if (output.files.size() != 1) {
        throw Error(ExitCode::internal,
                    Diagnostic{Severity::error, "INTERNAL", "writer produced no single file",
                               {path_or_dash}, {}});
    }
    atomic_write_file(target, output.files.front().bytes, policy.force);
}

}  // namespace deckport
