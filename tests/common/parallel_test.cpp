#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <vector>

#include "deckport/parallel.hpp"

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

namespace {

// Slices of `total` squares made `size` at a time, taken in order as a writer takes them.
std::vector<std::size_t> squares_by_slices(std::size_t total, std::size_t size) {
    SlicePipeline<std::size_t> slices(total, size, [&](std::size_t first, std::size_t count) {
        std::vector<std::size_t> out(count);
        parallel_for(count, [&](std::size_t k) { out[k] = (first + k) * (first + k); });
        return out;
    });
    std::vector<std::size_t> all;
    for (std::size_t first = 0; first < total; first += size) {
        std::vector<std::size_t>& slice = slices.slice_at(first);
        all.insert(all.end(), slice.begin(), slice.end());
    }
    return all;
}

}  // namespace

TEST(SlicePipeline, GivesEverySliceInOrderOnAnyNumberOfThreads) {
    std::vector<std::size_t> expected;
    for (std::size_t i = 0; i < 10'000; ++i) expected.push_back(i * i);
    for (unsigned threads : {1u, 2u, 3u}) {
        set_threads_per_input(threads);
        EXPECT_EQ(squares_by_slices(10'000, 2048), expected) << threads << " threads";
        EXPECT_EQ(squares_by_slices(2048, 2048).size(), 2048u);  // one whole slice
        EXPECT_TRUE(squares_by_slices(0, 2048).empty());
    }
    set_threads_per_input(0);
}

TEST(SlicePipeline, ThrowsWhereTheSliceIsTaken) {
    for (unsigned threads : {1u, 2u}) {
        set_threads_per_input(threads);
        SlicePipeline<int> slices(10, 4, [](std::size_t first, std::size_t count) {
            if (first == 4) throw std::runtime_error("second slice");
            return std::vector<int>(count, static_cast<int>(first));
        });
        EXPECT_EQ(slices.slice_at(0), std::vector<int>(4, 0));
        EXPECT_THROW(slices.slice_at(4), std::runtime_error) << threads << " threads";
    }
    set_threads_per_input(0);
}
