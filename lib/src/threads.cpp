#include "deckport/threads.hpp"

#include <algorithm>
#include <atomic>
#include <thread>

namespace deckport {
namespace {

std::atomic<unsigned> configured{0};

}  // namespace

void set_threads_per_input(unsigned threads) {
    configured = threads;
}

unsigned threads_per_input() {
    unsigned threads = configured;
    return threads > 0 ? threads : std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace deckport
