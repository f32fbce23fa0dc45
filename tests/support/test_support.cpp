#include "test_support.hpp"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

namespace deckport::test {
namespace fs = std::filesystem;

fs::path source_dir() {
    return DECKPORT_SOURCE_DIR;
}

fs::path fixtures_dir() {
    if (const char* env = std::getenv("DECKPORT_FIXTURES"); env && *env) return env;
    return DECKPORT_FIXTURES_DIR;
}

bool have_fixtures() {
    return fs::is_directory(fixtures_dir());
}

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void write_text(const fs::path& path, const std::string& text) {
    if (path.has_parent_path()) fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::vector<std::string> entry_names(const fs::path& folder) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder)) {
        names.push_back(entry.path().filename().string());
    }
    return names;
}

TempDir::TempDir() {
    static std::atomic<unsigned> counter{0};
    std::random_device rd;
    path_ = fs::temp_directory_path() / ("deckport-test-" + std::to_string(::getpid()) + "-" +
                                         std::to_string(counter++) + "-" + std::to_string(rd()));
    fs::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

std::string cli_path() {
    return DECKPORT_CLI_PATH;
}

namespace {

CliResult run_child(const std::vector<std::string>& args, const std::string& stdin_text,
                    const fs::path& working_dir, const CliCaps* caps) {
    TempDir io;
    fs::path in = io / "stdin", out = io / "stdout", err = io / "stderr";
    write_text(in, stdin_text);
    pid_t pid = ::fork();
    if (pid == 0) {
        if (::chdir(working_dir.c_str()) != 0) ::_exit(127);
        if (caps) {
            struct rlimit memory {
                caps->address_space_bytes, caps->address_space_bytes
            };
            struct rlimit cpu {
                caps->cpu_seconds, caps->cpu_seconds
            };
            ::setrlimit(RLIMIT_AS, &memory);
            ::setrlimit(RLIMIT_CPU, &cpu);
        }
        std::freopen(in.c_str(), "rb", stdin);
        std::freopen(out.c_str(), "wb", stdout);
        std::freopen(err.c_str(), "wb", stderr);
        std::vector<char*> argv;
        std::string binary = DECKPORT_CLI_PATH;
        argv.push_back(binary.data());
        std::vector<std::string> copies = args;
        for (auto& a : copies) argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execv(binary.c_str(), argv.data());
        ::_exit(127);
    }
    int status = 0;
    struct rusage usage {};
    ::wait4(pid, &status, 0, &usage);
    CliResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.out = read_text(out);
    result.err = read_text(err);
    result.peak_rss_kib = usage.ru_maxrss;
    result.cpu_seconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    return result;
}

}  // namespace

CliResult run_cli(const std::vector<std::string>& args, const std::string& stdin_text,
                  const fs::path& working_dir) {
    return run_child(args, stdin_text, working_dir, nullptr);
}

CliResult run_cli_capped(const std::vector<std::string>& args, const CliCaps& caps,
                         const fs::path& working_dir) {
    return run_child(args, {}, working_dir, &caps);
}

std::size_t count_occurrences(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    if (needle.empty()) return 0;
    for (std::size_t at = text.find(needle); at != std::string::npos;
         at = text.find(needle, at + 1))
        ++n;
    return n;
}

std::vector<std::string> rendered(const std::vector<Diagnostic>& diagnostics) {
    std::vector<std::string> lines;
    for (const auto& d : diagnostics) lines.push_back(format_diagnostic(d));
    return lines;
}

MediaFile media_in_memory(std::string name, std::string bytes) {
    MediaFile file;
    file.name = std::move(name);
    file.data = std::move(bytes);
    return file;
}

}  // namespace deckport::test
