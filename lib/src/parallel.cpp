#include "deckport/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "deckport/threads.hpp"

namespace deckport {

void parallel_for(std::size_t count, const std::function<void(std::size_t)>& work,
                  std::size_t min_parallel) {
    std::size_t threads = threads_per_input();
    if (count < min_parallel || threads == 1) {
        for (std::size_t i = 0; i < count; ++i) work(i);
        return;
    }
    constexpr std::size_t kChunk = 64;  // indexes taken at a time: little contention
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::size_t failed_at = count;
    std::mutex failure_lock;
    auto run = [&] {
        for (std::size_t begin; (begin = next.fetch_add(kChunk)) < count;) {
            std::size_t i = begin;
            try {
                for (; i < std::min(begin + kChunk, count); ++i) work(i);
            } catch (...) {
                // The lowest index wins: every chunk before it was taken and runs to its end,
                // so this is the exception one thread would have met first.
                std::lock_guard<std::mutex> lock(failure_lock);
                if (i < failed_at) {
                    failed_at = i;
                    failure = std::current_exception();
                }
                next = count;  // the others stop at their next chunk
            }
        }
    };
    std::vector<std::thread> helpers;
    threads = std::min(threads, (count + kChunk - 1) / kChunk);
    for (std::size_t t = 1; t < threads; ++t) helpers.emplace_back(run);
    run();
    for (std::thread& helper : helpers) helper.join();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace deckport
