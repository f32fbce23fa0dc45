// deckport preview --serve: the page on 127.0.0.1, fetched with cpp-httplib's client, and
// rebuilt when the deck file changes.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>

#include "test_support.hpp"

namespace deckport {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

// `deckport preview --serve` running in the background; stopped with SIGTERM.
class Server {
  public:
    Server(const std::vector<std::string>& args, const fs::path& err_file) {
        int out[2];
        if (::pipe(out) != 0) throw std::runtime_error("pipe");
        pid_ = ::fork();
        if (pid_ == 0) {
            ::dup2(out[1], STDOUT_FILENO);
            std::freopen(err_file.c_str(), "wb", stderr);
            ::close(out[0]);
            std::vector<std::string> copies = args;
            std::string binary = DECKPORT_CLI_PATH;
            std::vector<char*> argv{binary.data()};
            for (auto& a : copies) argv.push_back(a.data());
            argv.push_back(nullptr);
            ::execv(binary.c_str(), argv.data());
            ::_exit(127);
        }
        ::close(out[1]);
        out_ = ::fdopen(out[0], "r");
    }
    ~Server() {
        if (pid_ > 0 && running_) stop();
        if (out_) std::fclose(out_);
    }
    // The first line: "Serving the preview on http://127.0.0.1:PORT/ (Ctrl-C stops)".
    std::string first_line() {
        char buffer[512] = {};
        if (!std::fgets(buffer, sizeof buffer, out_)) return {};
        return buffer;
    }
    // SIGTERM, as Ctrl-C would; a server that does not stop within 10 s fails the test.
    int stop() {
        ::kill(pid_, SIGTERM);
        int status = 0;
        running_ = false;
        for (int i = 0; i < 200; ++i) {
            if (::waitpid(pid_, &status, WNOHANG) == pid_)
                return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            std::this_thread::sleep_for(50ms);
        }
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, &status, 0);
        ADD_FAILURE() << "the server did not stop on SIGTERM";
        return -1;
    }

  private:
    pid_t pid_ = -1;
    FILE* out_ = nullptr;
    bool running_ = true;
};

int port_of(const std::string& line) {
    std::size_t at = line.find("http://127.0.0.1:");
    if (at == std::string::npos) return -1;
    return std::stoi(line.substr(at + 17));
}

TEST(PreviewServe, ServesThePageAndRebuildsItWhenTheDeckChanges) {
    test::TempDir dir;
    fs::path deck = dir / "deck.md";
    test::write_text(deck,
                     "---\nFlashcard Deck: Served\n---\n\nWhat is a *mutex*?\n\n---\nA lock.\n");
    Server server({"preview", deck.string(), "--serve", "--port", "0"}, dir / "stderr");
    std::string line = server.first_line();
    int port = port_of(line);
    ASSERT_GT(port, 0) << line << test::read_text(dir / "stderr");

    httplib::Client client("127.0.0.1", port);
    auto page = client.Get("/");
    ASSERT_TRUE(page) << "no answer from the server";
    EXPECT_EQ(page->status, 200);
    EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
    EXPECT_NE(page->body.find("What is a <em>mutex</em>?"), std::string::npos);
    EXPECT_NE(page->body.find("data-reload=\"/__deckport/version\""), std::string::npos);
    EXPECT_NE(page->body.find("connect-src 'self'"), std::string::npos);
    auto version = client.Get("/__deckport/version");
    ASSERT_TRUE(version);
    EXPECT_NE(page->body.find("data-version=\"" + version->body + "\""), std::string::npos);

    // An editor's save: written to another name, then renamed over the deck.
    test::write_text(
        dir / "deck.md.tmp",
        "---\nFlashcard Deck: Served\n---\n\nWhat is a *semaphore*?\n\n---\nA counter.\n");
    fs::rename(dir / "deck.md.tmp", deck);
    std::string next_version = version->body;
    for (int i = 0; i < 100 && next_version == version->body; ++i) {
        std::this_thread::sleep_for(50ms);
        auto v = client.Get("/__deckport/version");
        ASSERT_TRUE(v);
        next_version = v->body;
    }
    EXPECT_NE(next_version, version->body) << "the page was not rebuilt";
    auto changed = client.Get("/");
    ASSERT_TRUE(changed);
    EXPECT_NE(changed->body.find("What is a <em>semaphore</em>?"), std::string::npos);
    EXPECT_EQ(changed->body.find("mutex"), std::string::npos);

    // A broken save shows the errors, and a fix brings the cards back.
    test::write_text(deck, "---\nFlashcard Deck: Served\n---\n\nQ\n\n---\n```\nunclosed\n");
    std::string broken_version = next_version;
    for (int i = 0; i < 100 && broken_version == next_version; ++i) {
        std::this_thread::sleep_for(50ms);
        broken_version = client.Get("/__deckport/version")->body;
    }
    auto broken = client.Get("/");
    ASSERT_TRUE(broken);
    EXPECT_NE(broken->body.find("The deck cannot be shown"), std::string::npos);

    EXPECT_EQ(server.stop(), 0);
    EXPECT_NE(test::read_text(dir / "stderr").find("deck changed: page rebuilt"),
              std::string::npos);
}

TEST(PreviewServe, ListensOnLocalhostOnly) {
    test::TempDir dir;
    fs::path deck = dir / "deck.md";
    test::write_text(deck, "---\nFlashcard Deck: x\n---\n\nQ\n\n---\nA\n");
    Server server({"preview", deck.string(), "--serve", "--port", "0"}, dir / "stderr");
    int port = port_of(server.first_line());
    ASSERT_GT(port, 0);
    // The socket is bound to 127.0.0.1: /proc/net/tcp lists it as 0100007F:PORT.
    std::string tcp = test::read_text("/proc/net/tcp");
    char local[32];
    std::snprintf(local, sizeof local, "0100007F:%04X", port);
    char any[32];
    std::snprintf(any, sizeof any, "00000000:%04X", port);
    EXPECT_NE(tcp.find(local), std::string::npos);
    EXPECT_EQ(tcp.find(any), std::string::npos);
    EXPECT_EQ(server.stop(), 0);
}

TEST(PreviewServe, StopsOnASignalThatComesRightAfterItStarts) {
    test::TempDir dir;
    fs::path deck = dir / "deck.md";
    test::write_text(deck, "---\nFlashcard Deck: x\n---\n\nQ\n\n---\nA\n");
    for (int i = 0; i < 3; ++i) {
        Server server({"preview", deck.string(), "--serve", "--port", "0"}, dir / "stderr");
        ASSERT_GT(port_of(server.first_line()), 0);
        EXPECT_EQ(server.stop(), 0);
    }
}

}  // namespace
}  // namespace deckport
