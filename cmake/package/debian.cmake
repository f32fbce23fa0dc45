# `cpack -G DEB` in the build folder: deckport_<version>_<arch>.deb with everything that
# `cmake --install` puts under /usr. Depends: the Debian library packages that dpkg-shlibdeps finds
# behind the binary and the shared libraries. Recommends: what `deckport preview` embeds.
# Suggests: the -dev packages that building against the library needs (dependencies.cmake).
set(DECKPORT_PACKAGE_CONTACT "deckport maintainers" CACHE STRING
    "Maintainer field of the .deb (Name <email>)")

set(CPACK_PACKAGE_NAME deckport)
set(CPACK_PACKAGE_VENDOR deckport)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "deckport converts flashcard decks between a plain-text markdown deck format, Anki packages (.apkg), CSV/TSV (Anki's text import), JSON, Mochi, CrowdAnki and Quizlet text, and proves every conversion by reading it back. The package holds the deckport command with its man pages and shell completions, and the library (headers, static and shared libraries, a CMake package and a pkg-config file).")
set(CPACK_PACKAGE_CONTACT "${DECKPORT_PACKAGE_CONTACT}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # deckport_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libjs-mathjax, libjs-highlight.js")
list(JOIN DECKPORT_DEVELOPMENT_PACKAGES ", " CPACK_DEBIAN_PACKAGE_SUGGESTS)
# The package's own shared libraries: dpkg-shlibdeps resolves libdeckport_formats.so's need of
# libdeckport_core.so inside the package, and a shlibs file lets other packages depend on them.
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
# (dpkg-shlibdeps runs in the staging root, hence the path without a leading slash.)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS "usr/${CMAKE_INSTALL_LIBDIR}")

include(CPack)
