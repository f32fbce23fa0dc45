#include "deckport/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

#include "deckport/threads.hpp"

namespace deckport {
namespace {

// Threads kept waiting for parallel_for's work, started on first use. Threads started per call
// (per slice of 2,048 notes) waited milliseconds to be scheduled, while the calling thread did
// most of the slice alone. One call at a time uses the pool; a call made while it is busy (from
// another input's thread, or from inside the pool) starts threads of its own.
class WorkerPool {
  public:
    // As many threads as can be started, up to `size` (none, when the system refuses).
    explicit WorkerPool(unsigned size) {
        try {
            for (; size_ < size; ++size_) std::thread([this] { serve(); }).detach();
        } catch (const std::system_error&) {
        }
    }

    // Offers `job` to up to `helpers` pool threads and says how many it offered it to: 0, and
    // nothing started, when the pool is busy. After a number above 0, the caller runs its own
    // share and then calls finish().
    unsigned offer(unsigned helpers, const std::function<void()>& job) {
        std::lock_guard lock(mutex_);
        if (busy_ || size_ == 0 || helpers == 0) return 0;
        busy_ = true;
        job_ = &job;
        wanted_ = std::min(helpers, size_);
        taken_ = finished_ = 0;
        ++generation_;
        work_.notify_all();
        return wanted_;
    }

    // Waits for the pool threads that took the job; those that have not started yet never will.
    void finish() {
        std::unique_lock lock(mutex_);
        wanted_ = taken_;
        done_.wait(lock, [&] { return finished_ == taken_; });
        job_ = nullptr;
        busy_ = false;
    }

  private:
    void serve() {
        std::uint64_t seen = 0;
        std::unique_lock lock(mutex_);
        for (;;) {
            work_.wait(lock, [&] { return generation_ != seen; });
            seen = generation_;
            if (taken_ >= wanted_) continue;
            ++taken_;
            const std::function<void()>* job = job_;
            lock.unlock();
            (*job)();
            lock.lock();
            if (++finished_ == taken_) done_.notify_all();
        }
    }

    std::mutex mutex_;
    std::condition_variable work_, done_;
    unsigned size_ = 0;
    bool busy_ = false;
    const std::function<void()>* job_ = nullptr;
    unsigned wanted_ = 0, taken_ = 0, finished_ = 0;
    std::uint64_t generation_ = 0;
};

// Never destroyed: its threads wait for work until the process ends.
WorkerPool& pool() {
    static WorkerPool* workers =
        new WorkerPool(std::max(1u, std::thread::hardware_concurrency()) - 1);
    return *workers;
}

}  // namespace

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
    std::function<void()> run = [&] {
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
    threads = std::min(threads, (count + kChunk - 1) / kChunk);
    auto helpers = static_cast<unsigned>(threads - 1);
    // The kept threads first; threads of its own for what they cannot take (the pool is busy,
    // or -j asks for more threads than the machine has cores).
    unsigned offered = pool().offer(helpers, run);
    // The kept threads are waited for before this call's locals go, however it ends.
    struct KeptThreads {
        bool working;
        void wait() {
            if (working) pool().finish();
            working = false;
        }
        ~KeptThreads() { wait(); }
    } kept{offered > 0};
    std::vector<std::thread> started;
    started.reserve(helpers - offered);
    try {
        for (unsigned t = offered; t < helpers; ++t) started.emplace_back(run);
    } catch (const std::system_error&) {
        // Fewer threads than asked for: this one takes what they would have.
    }
    run();
    for (std::thread& thread : started) thread.join();
    kept.wait();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace deckport
