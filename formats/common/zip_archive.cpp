#include "common/zip_archive.hpp"

#include <isa-l/crc.h>
#include <isa-l/igzip_lib.h>
#include <zip.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "common/pieces.hpp"
#include "deckport/error.hpp"

namespace deckport {

namespace {

std::uint64_t read_le(std::string_view bytes, std::size_t at, int size) {
    std::uint64_t value = 0;
    for (int i = size - 1; i >= 0; --i) {
        value = value << 8 | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
    }
    return value;
}

struct EndRecord {
    std::uint64_t entries = 0;
    std::uint64_t directory_size = 0;
    std::uint64_t directory_offset = 0;
};

// The end of central directory record (and its zip64 version), found from the end of the
// archive as zip readers do.
std::optional<EndRecord> end_record(std::string_view bytes) {
    constexpr std::size_t kEndSize = 22, kMaxComment = 0xFFFF;
    if (bytes.size() < kEndSize) return std::nullopt;
    std::size_t lowest =
        bytes.size() > kEndSize + kMaxComment ? bytes.size() - kEndSize - kMaxComment : 0;
    std::size_t pos = bytes.size() - kEndSize;
    while (read_le(bytes, pos, 4) != 0x06054b50) {
        if (pos == lowest) return std::nullopt;
        --pos;
    }
    EndRecord end{read_le(bytes, pos + 10, 2), read_le(bytes, pos + 12, 4),
                  read_le(bytes, pos + 16, 4)};
    bool wants_zip64 = end.entries == 0xFFFF || end.directory_size == 0xFFFFFFFF ||
                       end.directory_offset == 0xFFFFFFFF;
    if (wants_zip64 && pos >= 20 && read_le(bytes, pos - 20, 4) == 0x07064b50) {
        std::uint64_t record = read_le(bytes, pos - 20 + 8, 8);
        if (bytes.size() >= 56 && record <= bytes.size() - 56 &&
            read_le(bytes, static_cast<std::size_t>(record), 4) == 0x06064b50) {
            auto at = static_cast<std::size_t>(record);
            end = {read_le(bytes, at + 32, 8), read_le(bytes, at + 40, 8),
                   read_le(bytes, at + 48, 8)};
        }
    }
    return end;
}

std::string bytes_text(std::uint64_t bytes) {
    return std::to_string(bytes) + " bytes";
}

// libzip 1.7 fills static tables on its first open without a lock, and an open racing with it
// can find them half-filled (a writer then fails as "Read-only archive"). Opens are quick, so
// every one goes through one lock.
zip_t* open_archive(zip_source_t* source, int flags, zip_error_t* error) {
    static std::mutex opening;
    std::lock_guard lock(opening);
    return zip_open_from_source(source, flags, error);
}

}  // namespace

std::optional<std::uint64_t> zip_declared_entries(std::string_view bytes) {
    std::optional<EndRecord> end = end_record(bytes);
    if (!end) return std::nullopt;
    return end->entries;
}

bool zip_names_any(std::string_view bytes, std::initializer_list<std::string_view> names) {
    std::optional<EndRecord> end = end_record(bytes);
    if (!end || end->directory_offset > bytes.size()) return false;
    auto pos = static_cast<std::size_t>(end->directory_offset);
    constexpr std::size_t kHeaderSize = 46;
    for (std::uint64_t i = 0; i < end->entries; ++i) {
        if (bytes.size() - pos < kHeaderSize || read_le(bytes, pos, 4) != 0x02014b50) return false;
        auto name_size = static_cast<std::size_t>(read_le(bytes, pos + 28, 2));
        std::size_t rest = name_size + read_le(bytes, pos + 30, 2) + read_le(bytes, pos + 32, 2);
        if (bytes.size() - pos - kHeaderSize < rest) return false;
        std::string_view name = bytes.substr(pos + kHeaderSize, name_size);
        for (std::string_view wanted : names) {
            if (name == wanted) return true;
        }
        pos += kHeaderSize + rest;
    }
    return false;
}

InflateBudget::InflateBudget(const Limits& limits, std::uint64_t archive_bytes,
                             std::string code_prefix)
    : limits_(limits), archive_bytes_(archive_bytes), code_prefix_(std::move(code_prefix)) {}

InflateBudget::Member InflateBudget::member(std::uint64_t compressed_bytes, SourceLocation at,
                                            std::string kind) {
    return Member(*this, compressed_bytes, std::move(at), std::move(kind));
}

InflateBudget::Member::Member(InflateBudget& budget, std::uint64_t compressed_bytes,
                              SourceLocation at, std::string kind)
    : budget_(budget), compressed_(compressed_bytes), at_(std::move(at)), kind_(std::move(kind)) {}

void InflateBudget::Member::add(std::uint64_t bytes) {
    inflated_ += bytes;
    budget_.inflated_ += bytes;
    const Limits& limits = budget_.limits_;
    std::string bomb = " (a " + kind_ + " bomb?)";
    if (inflated_ > limits.max_member_bytes) {
        budget_.refuse(
            at_,
            "decompressed size exceeds the limit of " + bytes_text(limits.max_member_bytes) + bomb,
            "if the file is trusted, raise the limit with --limit member=SIZE");
    }
    if (budget_.inflated_ > limits.max_decompressed_bytes) {
        budget_.refuse(at_,
                       "decompressed size exceeds the limit of " +
                           bytes_text(limits.max_decompressed_bytes) + " for the archive" + bomb,
                       "if the file is trusted, raise the limit with --limit archive=SIZE");
    }
    std::string ratio_hint = "if the file is trusted, raise the limit with --limit ratio=N";
    if (inflated_ > Limits::kRatioFloorBytes && inflated_ / limits.max_ratio > compressed_) {
        budget_.refuse(at_,
                       "decompressed size exceeds " + std::to_string(limits.max_ratio) +
                           " times the compressed size of " + bytes_text(compressed_) + bomb,
                       ratio_hint);
    }
    if (budget_.inflated_ > Limits::kRatioFloorBytes &&
        budget_.inflated_ / limits.max_ratio > budget_.archive_bytes_) {
        budget_.refuse(at_,
                       "the archive decompresses to more than " + std::to_string(limits.max_ratio) +
                           " times its size of " + bytes_text(budget_.archive_bytes_) + bomb,
                       ratio_hint);
    }
}

void InflateBudget::refuse(const SourceLocation& at, const std::string& why,
                           const std::string& hint) const {
    throw InputError(code_prefix_ + "003", at, why, hint);
}

ZipReader::ZipReader(std::string_view bytes, std::string display_name, std::string code_prefix,
                     const Limits& limits)
    : display_name_(std::move(display_name)),
      code_prefix_(std::move(code_prefix)),
      budget_(limits, bytes.size(), code_prefix_) {
    auto too_many = [&](std::uint64_t entries) {
        return InputError(code_prefix_ + "003", SourceLocation{display_name_},
                          "the archive holds " + std::to_string(entries) +
                              " entries, more than the limit of " +
                              std::to_string(limits.max_entries),
                          "if the file is trusted, raise the limit with --limit entries=N");
    };
    // Before libzip allocates an entry table of whatever size the end record claims.
    if (auto declared = zip_declared_entries(bytes); declared && *declared > limits.max_entries) {
        throw too_many(*declared);
    }
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source) archive_ = open_archive(source, ZIP_RDONLY, &error);
    if (!archive_) {
        std::string why = zip_error_strerror(&error);
        zip_error_fini(&error);
        if (source) zip_source_free(source);
        throw InputError(code_prefix_ + "001", SourceLocation{display_name_},
                         "not a zip archive (" + why + ")");
    }
    zip_error_fini(&error);
    zip_int64_t count = zip_get_num_entries(archive_, 0);
    if (count > 0 && static_cast<std::uint64_t>(count) > limits.max_entries) {
        zip_discard(archive_);
        archive_ = nullptr;
        throw too_many(static_cast<std::uint64_t>(count));
    }
    names_.reserve(static_cast<std::size_t>(std::max<zip_int64_t>(count, 0)));
    for (zip_int64_t i = 0; i < count; ++i) {
        const char* name = zip_get_name(archive_, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_GUESS);
        names_.emplace_back(name ? name : "");
    }
}

ZipReader::~ZipReader() {
    if (archive_) zip_discard(archive_);
}

bool ZipReader::contains(std::string_view name) const {
    return zip_name_locate(archive_, std::string(name).c_str(), 0) >= 0;
}

std::optional<std::string> ZipReader::read(std::string_view name) {
    std::string bytes;
    if (!read_to(name, [&](std::string_view piece) { bytes.append(piece); })) return std::nullopt;
    return bytes;
}

bool ZipReader::inflate_deflated(std::uint64_t index, const zip_stat_t& stat,
                                 InflateBudget::Member& counter, const SourceLocation& at,
                                 const std::function<void(std::string_view)>& out) {
    if (!(stat.valid & ZIP_STAT_COMP_METHOD) || stat.comp_method != ZIP_CM_DEFLATE ||
        !(stat.valid & ZIP_STAT_ENCRYPTION_METHOD) || stat.encryption_method != ZIP_EM_NONE) {
        return false;
    }
    auto damaged = [&](const std::string& why) {
        return InputError(code_prefix_ + "002", at, "damaged member: " + why);
    };
    zip_file_t* file = zip_fopen_index(archive_, index, ZIP_FL_COMPRESSED);
    if (!file) {
        throw InputError(code_prefix_ + "002", at,
                         std::string("cannot open member: ") + zip_strerror(archive_));
    }
    std::unique_ptr<zip_file_t, decltype(&zip_fclose)> closer(file, &zip_fclose);
    auto state = std::make_unique<inflate_state>();  // about 90 KB: not on the stack
    isal_inflate_init(state.get());
    state->crc_flag = ISAL_GZIP_NO_HDR;  // raw deflate; the CRC-32 of the output in state->crc
    // Buffers no larger than the member needs (most media members are small), uninitialised.
    auto sized = [](bool known, std::uint64_t wanted, std::uint64_t cap) {
        return static_cast<std::size_t>(known ? std::clamp<std::uint64_t>(wanted, 1, cap) : cap);
    };
    std::size_t input_size = sized(stat.valid & ZIP_STAT_COMP_SIZE, stat.comp_size, 1 << 16);
    std::size_t output_size = sized(stat.valid & ZIP_STAT_SIZE, stat.size + 1, 1 << 18);
    std::unique_ptr<std::uint8_t[]> input(new std::uint8_t[input_size]);
    std::unique_ptr<std::uint8_t[]> output(new std::uint8_t[output_size]);
    bool input_ended = false;
    while (state->block_state != ISAL_BLOCK_FINISH) {
        if (state->avail_in == 0 && !input_ended) {
            zip_int64_t n = zip_fread(file, input.get(), input_size);
            if (n < 0) throw damaged(zip_file_strerror(file));
            input_ended = n == 0;
            state->next_in = input.get();
            state->avail_in = static_cast<std::uint32_t>(n);
        }
        state->next_out = output.get();
        state->avail_out = static_cast<std::uint32_t>(output_size);
        if (isal_inflate(state.get()) < 0) throw damaged("the compressed data is invalid");
        std::size_t produced = output_size - state->avail_out;
        if (produced > 0) {
            counter.add(produced);
            out(std::string_view(reinterpret_cast<const char*>(output.get()), produced));
        } else if (input_ended && state->block_state != ISAL_BLOCK_FINISH) {
            throw damaged("the compressed data ends too soon");
        }
    }
    if ((stat.valid & ZIP_STAT_SIZE) && counter.inflated() != stat.size) {
        throw damaged("it inflates to " + bytes_text(counter.inflated()) + ", not the " +
                      bytes_text(stat.size) + " the archive's directory declares");
    }
    if ((stat.valid & ZIP_STAT_CRC) && state->crc != stat.crc) {
        throw damaged("its CRC-32 does not match the archive's directory");
    }
    return true;
}

bool ZipReader::read_to(std::string_view name, const std::function<void(std::string_view)>& out) {
    std::string member(name);
    zip_int64_t located = zip_name_locate(archive_, member.c_str(), 0);
    if (located < 0) return false;
    auto index = static_cast<zip_uint64_t>(located);
    SourceLocation at{display_name_, 0, 0, member};
    zip_uint8_t system = 0;
    zip_uint32_t attributes = 0;
    if (zip_file_get_external_attributes(archive_, index, 0, &system, &attributes) == 0 &&
        system == ZIP_OPSYS_UNIX && ((attributes >> 16) & 0170000) == 0120000) {
        throw InputError(code_prefix_ + "002", at, "the member is a symbolic link, not a file");
    }
    zip_stat_t stat;
    zip_stat_init(&stat);
    std::uint64_t compressed = budget_.archive_bytes();
    if (zip_stat_index(archive_, index, 0, &stat) == 0 && (stat.valid & ZIP_STAT_COMP_SIZE)) {
        compressed = std::min<std::uint64_t>(stat.comp_size, compressed);
    }
    InflateBudget::Member counter = budget_.member(compressed, at, "zip");
    if (inflate_deflated(index, stat, counter, at, out)) return true;
    zip_file_t* file = zip_fopen_index(archive_, index, 0);
    if (!file) {
        throw InputError(code_prefix_ + "002", at,
                         std::string("cannot open member: ") + zip_strerror(archive_));
    }
    char buffer[1 << 16];
    while (true) {
        zip_int64_t n = zip_fread(file, buffer, sizeof buffer);
        if (n < 0) {
            std::string why = zip_file_strerror(file);
            zip_fclose(file);
            throw InputError(code_prefix_ + "002", at, "damaged member: " + why);
        }
        if (n == 0) break;
        try {
            counter.add(static_cast<std::uint64_t>(n));
            out(std::string_view(buffer, static_cast<std::size_t>(n)));
        } catch (...) {
            zip_fclose(file);
            throw;
        }
    }
    zip_fclose(file);
    return true;
}

// A deflated member, handed to libzip as already compressed: its stat names the method, sizes
// and CRC, so libzip copies the bytes into the archive instead of compressing them again.
struct Deflated {
    std::string data;
    std::uint64_t size = 0;
    std::uint32_t crc = 0;
    std::size_t offset = 0;
    zip_error_t error{};
};

namespace {

zip_int64_t deflated_source(void* state, void* data, zip_uint64_t length,
                            zip_source_cmd_t command) {
    auto* member = static_cast<Deflated*>(state);
    switch (command) {
        case ZIP_SOURCE_OPEN:
            member->offset = 0;
            return 0;
        case ZIP_SOURCE_READ: {
            std::size_t n = std::min<std::size_t>(static_cast<std::size_t>(length),
                                                  member->data.size() - member->offset);
            std::memcpy(data, member->data.data() + member->offset, n);
            member->offset += n;
            return static_cast<zip_int64_t>(n);
        }
        case ZIP_SOURCE_CLOSE:
            return 0;
        case ZIP_SOURCE_STAT: {
            auto* stat = ZIP_SOURCE_GET_ARGS(zip_stat_t, data, length, &member->error);
            if (!stat) return -1;
            zip_stat_init(stat);
            stat->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC;
            stat->size = member->size;
            stat->comp_size = member->data.size();
            stat->comp_method = ZIP_CM_DEFLATE;
            stat->crc = member->crc;
            return sizeof(zip_stat_t);
        }
        case ZIP_SOURCE_ERROR:
            return zip_error_to_data(&member->error, data, length);
        case ZIP_SOURCE_FREE:
            zip_error_fini(&member->error);
            delete member;
            return 0;
        case ZIP_SOURCE_SUPPORTS:
            return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ,
                                                  ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                                  ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
        default:
            zip_error_set(&member->error, ZIP_ER_OPNOTSUPP, 0);
            return -1;
    }
}

// Deflates with ISA-L's igzip at level 1, as a stream: at 100,000 cards it deflates the
// collection seven times as fast as libdeflate at level 6 (0.05 s against 0.33 s), 7.5% larger
// (3.5% larger than zlib's level 6, which Anki and genanki use), and it needs no more of the
// input in memory than the piece at hand.
class Deflater {
  public:
    Deflater() : stream_(std::make_unique<isal_zstream>()), level_buffer_(ISAL_DEF_LVL1_DEFAULT) {
        isal_deflate_init(stream_.get());
        stream_->level = 1;
        stream_->level_buf = level_buffer_.data();
        stream_->level_buf_size = static_cast<std::uint32_t>(level_buffer_.size());
        member_ = std::make_unique<Deflated>();
        zip_error_init(&member_->error);
    }

    // The next piece of the input, of any size; `last` ends the stream.
    void add(std::string_view piece, bool last) {
        // igzip takes at most 4 GiB at a time.
        constexpr std::size_t kMostAtOnce = std::size_t{1} << 30;
        while (piece.size() > kMostAtOnce) {
            add_part(piece.substr(0, kMostAtOnce), false);
            piece.remove_prefix(kMostAtOnce);
        }
        add_part(piece, last);
    }

    std::unique_ptr<Deflated> finish() { return std::move(member_); }

  private:
    static constexpr std::size_t kOutputStep = 1 << 16;

    void add_part(std::string_view piece, bool last) {
        member_->crc = crc32_gzip_refl(
            member_->crc, reinterpret_cast<const unsigned char*>(piece.data()), piece.size());
        member_->size += piece.size();
        std::string& out = member_->data;
        stream_->next_in = reinterpret_cast<std::uint8_t*>(const_cast<char*>(piece.data()));
        stream_->avail_in = static_cast<std::uint32_t>(piece.size());
        stream_->end_of_stream = last ? 1 : 0;
        stream_->flush = NO_FLUSH;
        do {
            std::size_t used = out.size();
            out.resize(used + kOutputStep);
            stream_->next_out = reinterpret_cast<std::uint8_t*>(out.data() + used);
            stream_->avail_out = static_cast<std::uint32_t>(kOutputStep);
            if (isal_deflate(stream_.get()) != COMP_OK)
                throw std::runtime_error("igzip: cannot deflate");
            out.resize(used + kOutputStep - stream_->avail_out);
        } while (stream_->avail_in > 0 || (last && stream_->internal_state.state != ZSTATE_END));
    }

    std::unique_ptr<isal_zstream> stream_;
    std::vector<std::uint8_t> level_buffer_;
    std::unique_ptr<Deflated> member_;
};

}  // namespace

ZipWriter::ZipWriter() {
    zip_error_t error;
    zip_error_init(&error);
    buffer_ = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!buffer_) throw std::runtime_error("libzip: cannot create a buffer");
    zip_source_keep(buffer_);
    archive_ = open_archive(buffer_, ZIP_TRUNCATE, &error);
    if (!archive_) {
        std::string cause = zip_error_strerror(&error);
        zip_error_fini(&error);
        zip_source_free(buffer_);  // twice: once for zip_source_keep, once for the creation
        zip_source_free(buffer_);
        throw std::runtime_error("libzip: cannot open an archive in memory: " + cause);
    }
    zip_error_fini(&error);
}

ZipWriter::~ZipWriter() {
    if (archive_) zip_discard(archive_);
    if (buffer_) zip_source_free(buffer_);
}

void ZipWriter::add(std::string name, std::string bytes, bool compress) {
    if (compress) return add_deflated(std::move(name), bytes);
    if (!archive_) throw std::logic_error("ZipWriter used after finish()");
    const std::string& stored = contents_.emplace_back(std::move(bytes));
    add_source(name, zip_source_buffer(archive_, stored.data(), stored.size(), 0), false);
}

void ZipWriter::add_deflated(std::string name, std::string_view bytes) {
    if (!archive_) throw std::logic_error("ZipWriter used after finish()");
    Deflater deflater;
    deflater.add(bytes, true);
    add_member(std::move(name), deflater.finish());
}

void ZipWriter::add_deflated_from(std::string name, std::uint64_t size, const PieceReader& read) {
    if (!archive_) throw std::logic_error("ZipWriter used after finish()");
    Deflater deflater;
    read_in_pieces(size, read,
                   [&](std::string_view piece, bool last) { deflater.add(piece, last); });
    add_member(std::move(name), deflater.finish());
}

void ZipWriter::add_member(std::string name, std::unique_ptr<Deflated> member) {
    zip_source_t* source = zip_source_function(archive_, deflated_source, member.get());
    if (source) member.release();  // the source owns it now (ZIP_SOURCE_FREE)
    add_source(name, source, true);
}

void ZipWriter::add_source(const std::string& name, zip_source* source, bool compressed) {
    if (!source) throw std::runtime_error("libzip: cannot add member " + name);
    zip_int64_t index = zip_file_add(archive_, name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
        zip_source_free(source);
        throw std::runtime_error("libzip: cannot add member " + name + ": " +
                                 zip_strerror(archive_));
    }
    auto i = static_cast<zip_uint64_t>(index);
    // DOS date 1980-01-01 00:00: (0 << 9) | (1 << 5) | 1; time 0. Set directly, as
    // zip_file_set_mtime would go through the local time zone.
    zip_file_set_dostime(archive_, i, 0, (1 << 5) | 1, 0);
    // A deflated member keeps the default method, so libzip takes the source's (deflate).
    if (!compressed) zip_set_file_compression(archive_, i, ZIP_CM_STORE, 0);
}

std::string ZipWriter::finish() {
    if (zip_close(archive_) != 0) {
        std::string why = zip_strerror(archive_);
        throw std::runtime_error("libzip: cannot write the archive: " + why);
    }
    archive_ = nullptr;
    std::string bytes;
    if (zip_source_open(buffer_) != 0) throw std::runtime_error("libzip: cannot read the archive");
    zip_source_seek(buffer_, 0, SEEK_END);
    zip_int64_t size = zip_source_tell(buffer_);
    zip_source_seek(buffer_, 0, SEEK_SET);
    bytes.resize(static_cast<std::size_t>(size));
    zip_int64_t n = zip_source_read(buffer_, bytes.data(), static_cast<zip_uint64_t>(size));
    zip_source_close(buffer_);
    if (n != size) throw std::runtime_error("libzip: short read of the archive");
    contents_.clear();
    return bytes;
}

}  // namespace deckport
