#include "progress.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace deckport::cli {
namespace {

constexpr auto kShowAfter = std::chrono::milliseconds(500);
constexpr auto kRedrawEvery = std::chrono::milliseconds(100);

std::size_t terminal_width() {
    winsize size{};
    if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return 80;
}

std::string duration_text(double seconds) {
    long total = std::lround(std::max(seconds, 0.0));
    char text[32];
    if (total >= 3600) {
        std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", total / 3600, total / 60 % 60,
                      total % 60);
    } else {
        std::snprintf(text, sizeof text, "%ld:%02ld", total / 60, total % 60);
    }
    return text;
}

void write_stderr(const std::string& text) {
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fflush(stderr);
}

}  // namespace

std::string progress_line(std::size_t done, std::size_t total, double notes_per_second,
                          double seconds_left, std::size_t width) {
    std::string count = std::to_string(done) + "/" + std::to_string(total) + " files";
    std::string rate = std::to_string(std::lround(notes_per_second)) + " notes/s";
    std::string left =
        done == 0 ? std::string("--:-- left") : duration_text(seconds_left) + " left";
    std::string tail = "  " + rate + "  " + left;
    // The bar takes what is left of the line, between 10 and 40 columns.
    std::size_t fixed = count.size() + tail.size() + 3;
    std::size_t bar = width > fixed + 10 ? std::min<std::size_t>(width - fixed - 1, 40) : 0;
    std::string line = count;
    if (bar > 0) {
        std::size_t filled = total == 0 ? bar : bar * done / total;
        line += " [" + std::string(filled, '#') + std::string(bar - filled, '.') + "]";
    }
    line += tail;
    if (line.size() >= width) line.resize(width > 0 ? width - 1 : 0);
    return line;
}

ProgressBar::ProgressBar(std::size_t total, bool enabled) : total_(total), enabled_(enabled) {}

ProgressBar::~ProgressBar() {
    clear();
}

void ProgressBar::update(std::size_t done, std::size_t notes) {
    if (!enabled_) return;
    Clock::time_point now = Clock::now();
    if (now - start_ < kShowAfter || now - last_draw_ < kRedrawEvery) return;
    last_draw_ = now;
    double elapsed = std::chrono::duration<double>(now - start_).count();
    double rate = elapsed > 0 ? static_cast<double>(notes) / elapsed : 0;
    double left = done > 0 ? elapsed / static_cast<double>(done) *
                                 static_cast<double>(total_ - std::min(done, total_))
                           : 0;
    write_stderr("\r" + progress_line(done, total_, rate, left, terminal_width()) + "\033[K");
    shown_ = true;
}

void ProgressBar::clear() {
    if (!shown_) return;
    write_stderr("\r\033[K");
    shown_ = false;
    last_draw_ = {};
}

}  // namespace deckport::cli
