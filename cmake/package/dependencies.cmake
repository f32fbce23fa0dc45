# What a program built against the installed library needs besides deckport itself, in one table
# that writes the find_dependency calls of deckportConfig.cmake, the Requires lines of deckport.pc
# and the Suggests of the .deb. install.cmake checks that the libraries link nothing else.
#
# <scope>|<imported target>|<pkg-config module>|<how deckportConfig.cmake finds it>|<Debian package>
#   scope: public (the installed headers need it) or private (only the static libraries need it)
#   pkg-config module: its name, or -l<library> for a library without a .pc file (simdjson)
#   how: "package <find_package arguments>" or "pkg-config <module>" (makes PkgConfig::<PREFIX>)
set(DECKPORT_PACKAGE_DEPENDENCIES
  "public|nlohmann_json::nlohmann_json|nlohmann_json >= 3.10|package nlohmann_json 3.10|nlohmann-json3-dev"
  "private|OpenSSL::Crypto|libcrypto|package OpenSSL COMPONENTS Crypto|libssl-dev"
  "private|SQLite::SQLite3|sqlite3|package SQLite3|libsqlite3-dev"
  "private|protobuf::libprotobuf-lite|protobuf-lite|package Protobuf|libprotobuf-dev"
  "private|Threads::Threads||package Threads|"
  "private|PkgConfig::MD4C|md4c|pkg-config md4c|libmd4c-dev"
  "private|PkgConfig::GUMBO|gumbo|pkg-config gumbo|libgumbo-dev"
  "private|PkgConfig::LIBZIP|libzip|pkg-config libzip|libzip-dev"
  "private|PkgConfig::ISAL|libisal|pkg-config libisal|libisal-dev"
  "private|PkgConfig::ZSTD|libzstd|pkg-config libzstd|libzstd-dev"
  "private|PkgConfig::UTF8PROC|libutf8proc|pkg-config libutf8proc|libutf8proc-dev"
  "private|PkgConfig::TOMLPLUSPLUS|tomlplusplus|pkg-config tomlplusplus|libtomlplusplus-dev"
  "private|yaml-cpp|yaml-cpp|package yaml-cpp|libyaml-cpp-dev"
  "private|simdjson::simdjson|-lsimdjson|package simdjson|libsimdjson-dev"
)
