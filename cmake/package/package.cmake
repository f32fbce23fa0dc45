# Everything beyond building and testing: `cmake --install`. (The shared libraries come from
# shared_library.cmake, included before lib/.)
# The one target a consumer links, as in the installed package (deckportConfig.cmake).
add_library(deckport::deckport ALIAS deckport_formats)

include(${CMAKE_CURRENT_LIST_DIR}/install.cmake)
