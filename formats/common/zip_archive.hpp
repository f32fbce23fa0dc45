// Zip archives in memory through libzip, with the bounds that hostile input needs.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/pieces.hpp"
#include "deckport/diagnostics.hpp"
#include "deckport/io.hpp"
#include "deckport/media_refs.hpp"  // is_safe_relative_path, for member names

struct zip;
struct zip_source;
struct zip_stat;

namespace deckport {

// What one archive may inflate to, counted as the bytes come out (never taken from a header):
// Limits::max_member_bytes per member, Limits::max_decompressed_bytes for the archive, and
// Limits::max_ratio times the compressed size, per member and for the archive, beyond
// Limits::kRatioFloorBytes. Zip members and the zstd frames inside them count against the same
// budget. Over a bound: InputError <prefix>003 at the member.
class InflateBudget {
  public:
    InflateBudget(const Limits& limits, std::uint64_t archive_bytes, std::string code_prefix);

    // One member (or zstd frame) being inflated from `compressed_bytes`; `kind` ("zip",
    // "zstd") names the bomb in messages.
    class Member {
      public:
        // Counts `bytes` more inflated bytes; throws when a bound is passed.
        void add(std::uint64_t bytes);
        std::uint64_t inflated() const { return inflated_; }

      private:
        friend class InflateBudget;
        Member(InflateBudget& budget, std::uint64_t compressed_bytes, SourceLocation at,
               std::string kind);
        InflateBudget& budget_;
        std::uint64_t compressed_;
        std::uint64_t inflated_ = 0;
        SourceLocation at_;
        std::string kind_;
    };
    Member member(std::uint64_t compressed_bytes, SourceLocation at, std::string kind);

    const Limits& limits() const { return limits_; }
    std::uint64_t archive_bytes() const { return archive_bytes_; }
    std::uint64_t inflated() const { return inflated_; }

  private:
    [[noreturn]] void refuse(const SourceLocation& at, const std::string& why,
                             const std::string& hint) const;
    Limits limits_;
    std::uint64_t archive_bytes_;
    std::string code_prefix_;
    std::uint64_t inflated_ = 0;
};

// The entry count an archive's end record declares (zip64 included), without opening it;
// nullopt when there is no end record.
std::optional<std::uint64_t> zip_declared_entries(std::string_view bytes);
// True when the archive's central directory names one of `names`: a probe that neither opens
// the archive nor allocates, however many entries it declares.
bool zip_names_any(std::string_view bytes, std::initializer_list<std::string_view> names);

// Reads members of a zip held in memory within an InflateBudget, and at most
// Limits::max_entries members. Symbolic-link members are not read. Errors throw InputError
// with `code_prefix` codes: <prefix>001 not a zip, <prefix>002 damaged member (or a link),
// <prefix>003 over a bound. `bytes` must outlive the reader (it is not copied).
class ZipReader {
  public:
    ZipReader(std::string_view bytes, std::string display_name, std::string code_prefix,
              const Limits& limits = {});
    ~ZipReader();
    ZipReader(const ZipReader&) = delete;
    ZipReader& operator=(const ZipReader&) = delete;

    const std::vector<std::string>& names() const { return names_; }
    bool contains(std::string_view name) const;
    // The member's bytes, or nullopt when there is no such member.
    std::optional<std::string> read(std::string_view name);
    // The same, handing the bytes to `out` piece by piece as they are inflated (the member is
    // never whole in memory); false when there is no such member.
    bool read_to(std::string_view name, const std::function<void(std::string_view)>& out);
    // The budget that zstd output inside this archive is counted against too.
    InflateBudget& budget() { return budget_; }

  private:
    // A plainly deflated member (most are) inflated by ISA-L, about three times as fast as the
    // zlib inside libzip, as a stream with its size and CRC-32 checked at the end. False, with
    // nothing read, for any other member (stored, another method, encrypted).
    bool inflate_deflated(std::uint64_t index, const struct zip_stat& stat,
                          InflateBudget::Member& counter, const SourceLocation& at,
                          const std::function<void(std::string_view)>& out);
    zip* archive_ = nullptr;
    std::string display_name_;
    std::string code_prefix_;
    InflateBudget budget_;
    std::vector<std::string> names_;
};

// Builds a zip in memory. Deterministic: members in the order added, one fixed modification
// time (1980-01-01 00:00, the zip epoch), no extra fields.
class ZipWriter {
  public:
    ZipWriter();
    ~ZipWriter();
    ZipWriter(const ZipWriter&) = delete;
    ZipWriter& operator=(const ZipWriter&) = delete;

    // Deflated when `compress`, otherwise stored.
    void add(std::string name, std::string bytes, bool compress = true);
    // Deflated, without a copy of `bytes` (read before it returns).
    void add_deflated(std::string name, std::string_view bytes);
    // Deflated as it is read, a piece at a time: `read(offset, into)` fills `into` with the
    // member's bytes from `offset` (`size` bytes in all). Memory holds the deflated member and
    // one piece, never the whole input (a collection of 100,000 cards is 56 MB).
    void add_deflated_from(std::string name, std::uint64_t size, const PieceReader& read);
    // Closes the archive and returns its bytes; the writer cannot be used afterwards.
    std::string finish();

  private:
    // Adds `member`, already deflated.
    void add_member(std::string name, std::unique_ptr<struct Deflated> member);
    // Adds `source` (freed on failure) as member `name`, deflated or stored.
    void add_source(const std::string& name, zip_source* source, bool compressed);
    zip_source* buffer_ = nullptr;
    zip* archive_ = nullptr;
    std::deque<std::string> contents_;  // libzip reads them at finish(); deque keeps them in place
};

}  // namespace deckport
