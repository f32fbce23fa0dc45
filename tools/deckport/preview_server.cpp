// deckport preview --serve: the preview page on http://127.0.0.1:PORT/ (cpp-httplib), rebuilt
// when a deck file changes; the page asks /__deckport/version and reloads itself.
#include <atomic>
#include <csignal>
#include <iostream>
#include <memory>
#include <mutex>
#include <thread>

#include <httplib.h>

#include "deckport/identity.hpp"
#include "file_watch.hpp"
#include "preview_decks.hpp"

namespace deckport::cli {
namespace {

constexpr const char* kVersionPath = "/__deckport/version";
constexpr const char* kVersionPlaceholder = "deckport-version-placeholder";

struct Served {
    std::string html;
    std::string version;
};

// A page that lists why the decks could not be read, and reloads like the real one.
std::string error_page(const std::vector<Diagnostic>& errors, const std::string& version) {
    std::string list;
    for (const Diagnostic& d : errors) {
        std::string line = format_diagnostic(d);
        std::string escaped;
        for (char c : line) {
            if (c == '<')
                escaped += "&lt;";
            else if (c == '&')
                escaped += "&amp;";
            else
                escaped += c;
        }
        list += escaped + "\n";
    }
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta "
           "http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src "
           "'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'\"><title>deckport "
           "preview: the deck has errors</title><style>body{font:15px system-ui,sans-serif;margin:"
           "2rem}pre{white-space:pre-wrap;background:#fff0f0;padding:1rem;border-radius:8px}</"
           "style>"
           "</head><body><h1>The deck cannot be shown</h1><p>Fix these and save: the page reloads "
           "by itself.</p><pre>" +
           list + "</pre><script>setInterval(function(){fetch('" + kVersionPath +
           "',{cache:'no-store'}).then(function(r){return "
           "r.text()}).then(function(v){if(v.trim()!=='" +
           version + "')location.reload()}).catch(function(){})},700);</script></body></html>";
}

Served build(const PreviewCommandOptions& o, const std::vector<std::string>& files,
             const GlobalOptions& global) {
    std::int64_t timestamp = timestamp_for(o.read, files);
    LoadedDecks decks = load_preview_decks(files, o, timestamp);
    Served served;
    if (!decks.reader_errors.empty()) {
        print_diagnostics(decks.reader_errors, global);
        std::string key;
        for (const Diagnostic& d : decks.reader_errors) key += format_diagnostic(d) + "\n";
        served.version = sha1_hex(key).substr(0, 12);
        served.html = error_page(decks.reader_errors, served.version);
        return served;
    }
    PreviewOptions options = preview_page_options(o);
    options.reload_endpoint = kVersionPath;
    options.reload_version = kVersionPlaceholder;
    Diagnostics diagnostics;
    served.html = build_preview(decks.inputs, options, diagnostics).html;
    print_diagnostics(diagnostics.all(), global);
    // The version is a hash of what the page shows: a save that changes nothing reloads nothing.
    served.version = sha1_hex(served.html).substr(0, 12);
    std::string attribute = std::string("data-version=\"") + kVersionPlaceholder + "\"";
    std::size_t at = served.html.find(attribute);
    if (at != std::string::npos)
        served.html.replace(at, attribute.size(), "data-version=\"" + served.version + "\"");
    return served;
}

// SIGINT and SIGTERM are blocked in every thread and taken by one that stops the server.
sigset_t stop_signals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    return set;
}

}  // namespace

ExitCode serve_preview(const PreviewCommandOptions& o, const std::vector<std::string>& files,
                       const GlobalOptions& global) {
    for (const std::string& file : files) {
        if (file == "-") throw UsageError("--serve watches files: stdin cannot be served");
    }
    sigset_t signals = stop_signals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // inherited by the threads made below

    std::mutex mutex;
    auto current = std::make_shared<const Served>(build(o, files, global));

    httplib::Server server;
    server.Get("/", [&](const httplib::Request&, httplib::Response& response) {
        std::shared_ptr<const Served> page;
        {
            std::lock_guard lock(mutex);
            page = current;
        }
        response.set_header("Cache-Control", "no-store");
        response.set_content(page->html, "text/html; charset=utf-8");
    });
    server.Get(kVersionPath, [&](const httplib::Request&, httplib::Response& response) {
        std::lock_guard lock(mutex);
        response.set_header("Cache-Control", "no-store");
        response.set_content(current->version, "text/plain");
    });

    int port = o.port;
    if (port == 0) {
        port = server.bind_to_any_port("127.0.0.1");
    } else if (!server.bind_to_port("127.0.0.1", port)) {
        port = -1;
    }
    if (port < 0) {
        throw IoError("IO002", "127.0.0.1:" + std::to_string(o.port),
                      "cannot listen on this port (is another server using it?)");
    }

    std::vector<std::filesystem::path> watched(files.begin(), files.end());
    FileWatch watch(watched);
    bool stopping = false;
    std::thread watcher([&] {
        while (true) {
            bool changed = watch.wait(std::chrono::milliseconds(250));
            {
                std::lock_guard lock(mutex);
                if (stopping) return;
            }
            if (!changed) continue;
            try {
                auto next = std::make_shared<const Served>(build(o, files, global));
                std::lock_guard lock(mutex);
                bool different = next->version != current->version;
                current = std::move(next);
                if (different && !global.quiet) std::cerr << "deck changed: page rebuilt\n";
            } catch (const Error& e) {
                print_diagnostics({e.diagnostic()}, global);
            }
        }
    });
    std::atomic<bool> signalled = false, finished = false;
    std::thread stopper([&] {
        int signal = 0;
        sigwait(&signals, &signal);
        signalled = true;
        // stop() does nothing until the server runs: a signal that comes early waits for it.
        while (!finished) {
            if (server.is_running()) server.stop();
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    });

    std::cout << "Serving the preview on http://127.0.0.1:" << port << "/ (Ctrl-C stops)"
              << std::endl;
    bool ok = server.listen_after_bind();
    finished = true;
    {
        std::lock_guard lock(mutex);
        stopping = true;
    }
    watcher.join();
    // The stopper waits for a signal; when the server ended by itself, send it one.
    if (!signalled) pthread_kill(stopper.native_handle(), SIGTERM);
    stopper.join();
    if (!global.quiet) std::cerr << "preview server stopped\n";
    return ok ? ExitCode::ok : ExitCode::io;
}

}  // namespace deckport::cli
