#include "common/zip_archive.hpp"

#include <zip.h>

#include <stdexcept>

#include "deckport/error.hpp"

namespace deckport {

ZipReader::ZipReader(std::string_view bytes, std::string display_name, std::string code_prefix,
                     Limits limits)
    : display_name_(std::move(display_name)), code_prefix_(std::move(code_prefix)), limits_(limits) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source) archive_ = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (!archive_) {
        std::string why = zip_error_strerror(&error);
        zip_error_fini(&error);
        if (source) zip_source_free(source);
        throw InputError(code_prefix_ + "001", SourceLocation{display_name_},
                         "not a zip archive (" + why + ")");
    }
    zip_error_fini(&error);
    zip_int64_t count = zip_get_num_entries(archive_, 0);
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
    std::string member(name);
    zip_int64_t index = zip_name_locate(archive_, member.c_str(), 0);
    if (index < 0) return std::nullopt;
    SourceLocation at{display_name_, 0, 0, member};
    zip_file_t* file = zip_fopen_index(archive_, static_cast<zip_uint64_t>(index), 0);
    if (!file) {
        throw InputError(code_prefix_ + "002", at,
                         std::string("cannot open member: ") + zip_strerror(archive_));
    }
    std::string bytes;
    char buffer[1 << 16];
    while (true) {
        zip_int64_t n = zip_fread(file, buffer, sizeof buffer);
        if (n < 0) {
            std::string why = zip_file_strerror(file);
            zip_fclose(file);
            throw InputError(code_prefix_ + "002", at, "damaged member: " + why);
        }
        if (n == 0) break;
        bytes.append(buffer, static_cast<std::size_t>(n));
        total_read_ += static_cast<std::uint64_t>(n);
        if (bytes.size() > limits_.max_member_bytes ||
            total_read_ > limits_.max_decompressed_bytes) {
            zip_fclose(file);
            throw InputError(code_prefix_ + "003", at,
                             "decompressed size exceeds the limit of " +
                                 std::to_string(bytes.size() > limits_.max_member_bytes
                                                    ? limits_.max_member_bytes
                                                    : limits_.max_decompressed_bytes) +
                                 " bytes (a zip bomb?)");
        }
    }
    zip_fclose(file);
    return bytes;
}

ZipWriter::ZipWriter() {
    zip_error_t error;
    zip_error_init(&error);
    buffer_ = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!buffer_) throw std::runtime_error("libzip: cannot create a buffer");
    zip_source_keep(buffer_);
    archive_ = zip_open_from_source(buffer_, ZIP_TRUNCATE, &error);
    zip_error_fini(&error);
    if (!archive_) {
        zip_source_free(buffer_);
        throw std::runtime_error("libzip: cannot open an archive in memory");
    }
}

ZipWriter::~ZipWriter() {
    if (archive_) zip_discard(archive_);
    if (buffer_) zip_source_free(buffer_);
}

void ZipWriter::add(std::string name, std::string bytes, bool compress, int level) {
    if (!archive_) throw std::logic_error("ZipWriter used after finish()");
    const std::string& stored = contents_.emplace_back(std::move(bytes));
    zip_source_t* source = zip_source_buffer(archive_, stored.data(), stored.size(), 0);
    if (!source) throw std::runtime_error("libzip: cannot add member " + name);
    zip_int64_t index = zip_file_add(archive_, name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
        zip_source_free(source);
        throw std::runtime_error("libzip: cannot add member " + name + ": " + zip_strerror(archive_));
    }
    auto i = static_cast<zip_uint64_t>(index);
    // DOS date 1980-01-01 00:00: (0 << 9) | (1 << 5) | 1; time 0. Set directly, as
    // zip_file_set_mtime would go through the local time zone.
    zip_file_set_dostime(archive_, i, 0, (1 << 5) | 1, 0);
    zip_set_file_compression(archive_, i, compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE,
                             compress ? static_cast<zip_uint32_t>(level) : 0);
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
