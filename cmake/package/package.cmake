# Everything beyond building and testing: the man pages and completions, `cmake --install` and
# `cpack -G DEB`. (The shared libraries come from shared_library.cmake, included before lib/.)
# The one target a consumer links, as in the installed package (deckportConfig.cmake).
add_library(deckport::deckport ALIAS deckport_formats)

include(${PROJECT_SOURCE_DIR}/cmake/cli_docs/cli_docs.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/install.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/debian.cmake)
