#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "deckport/parallel.hpp"
#include "deckport/threads.hpp"

using namespace deckport;

TEST(ParallelFor, CallsEveryIndexOnce) {
    for (std::size_t count :
         {std::size_t{0}, std::size_t{1}, std::size_t{255}, std::size_t{10'000}}) {
        std::vector<std::atomic<int>> calls(count);
        parallel_for(count, [&](std::size_t i) { ++calls[i]; });
        for (std::size_t i = 0; i < count; ++i) EXPECT_EQ(calls[i], 1) << i << " of " << count;
    }
}

TEST(ParallelFor, ResultsByIndexDoNotDependOnThreads) {
    std::vector<std::string> parallel(5000), inline_(5000);
    auto work = [](std::size_t i) { return std::to_string(i * i) + "!"; };
    parallel_for(parallel.size(), [&](std::size_t i) { parallel[i] = work(i); });
    parallel_for(
        inline_.size(), [&](std::size_t i) { inline_[i] = work(i); }, inline_.size() + 1);
    EXPECT_EQ(parallel, inline_);
}

TEST(ParallelFor, RethrowsTheExceptionOfTheLowestIndex) {
    // Indexes 700, 3000 and 9000 throw; one thread would meet 700 first, whatever the timing.
    for (int run = 0; run < 20; ++run) {
        try {
            parallel_for(10'000, [](std::size_t i) {
                if (i == 700 || i == 3000 || i == 9000)
                    throw std::runtime_error("index " + std::to_string(i));
            });
            FAIL() << "expected an exception";
        } catch (const std::runtime_error& e) {
            EXPECT_STREQ(e.what(), "index 700");
        }
    }
}

// -j may ask for more threads than the machine keeps (one per core): the rest are started.
TEST(ParallelFor, MoreThreadsThanCoresStillCallEveryIndexOnce) {
    set_threads_per_input(16);
    std::vector<std::atomic<int>> calls(20'000);
    parallel_for(calls.size(), [&](std::size_t i) { ++calls[i]; });
    set_threads_per_input(0);
    for (std::size_t i = 0; i < calls.size(); ++i) ASSERT_EQ(calls[i], 1) << i;
}

// Work on the kept threads may itself share work out, and several threads may share work out
// at once (slices made ahead while the writer's thread renders): every call still finishes,
// with every index done once, whether or not the kept threads take it.
TEST(ParallelFor, NestedAndConcurrentCallsAllFinish) {
    constexpr std::size_t kOuter = 512, kInner = 300;
    std::vector<std::atomic<int>> calls(kOuter * kInner);
    auto nested = [&] {
        parallel_for(kOuter, [&](std::size_t i) {
            parallel_for(
                kInner, [&](std::size_t k) { ++calls[i * kInner + k]; }, 1);
        });
    };
    std::thread other(nested);
    nested();
    other.join();
    for (std::size_t i = 0; i < calls.size(); ++i) ASSERT_EQ(calls[i], 2) << i;
}

namespace {

// The squares of 0 .. total-1 made `size` at a time, taken in order as a writer takes them.
std::vector<std::size_t> squares_by_slices(std::size_t total, std::size_t size) {
    SlicePipeline<std::size_t> squares(total, size, [](std::size_t i) { return i * i; });
    std::vector<std::size_t> all;
    for (std::size_t i = 0; i < total; ++i) all.push_back(squares.at(i));
    return all;
}

}  // namespace

TEST(SlicePipeline, GivesEveryResultInOrderOnAnyNumberOfThreads) {
    std::vector<std::size_t> expected;
    for (std::size_t i = 0; i < 10'000; ++i) expected.push_back(i * i);
    for (unsigned threads : {1u, 2u, 3u}) {
        set_threads_per_input(threads);
        EXPECT_EQ(squares_by_slices(10'000, 2048), expected) << threads << " threads";
        EXPECT_EQ(squares_by_slices(2048, 2048).size(), 2048u);  // one whole slice
        EXPECT_EQ(squares_by_slices(5, 2048).size(), 5u);        // less than one
        EXPECT_TRUE(squares_by_slices(0, 2048).empty());
    }
    set_threads_per_input(0);
}

TEST(SlicePipeline, ThrowsAtTheFirstIndexOfTheSliceThatFailed) {
    for (unsigned threads : {1u, 2u}) {
        set_threads_per_input(threads);
        SlicePipeline<int> values(10, 4, [](std::size_t i) {
            if (i == 6) throw std::runtime_error("index 6");
            return static_cast<int>(i);
        });
        for (std::size_t i = 0; i < 4; ++i) EXPECT_EQ(values.at(i), static_cast<int>(i));
        EXPECT_THROW(values.at(4), std::runtime_error) << threads << " threads";
    }
    set_threads_per_input(0);
}
