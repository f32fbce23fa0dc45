# The shared flavour of a static library, from the same objects: one compile serves both.
#
# lib/ and formats/ declare their libraries once, as static libraries (what the CLI and the tests
# link). deckport_add_shared_library(<static>) then links the static library's objects
# (compiled position-independent) into a shared library with the same dependencies, the same
# public include directories and the same output name: libdeckport_core.a and
# libdeckport_core.so sit side by side, as in any Debian -dev package. A dependency added to the
# static library reaches the shared one without a second list to keep.

# The soname: while the major version is 0, every minor version may break the ABI.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(DECKPORT_SOVERSION "${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR}")
else()
  set(DECKPORT_SOVERSION "${PROJECT_VERSION_MAJOR}")
endif()

# A static target's link items with the internal static libraries replaced by their shared
# flavours (a shared library links the other shared library, not a second copy of its code).
function(_deckport_shared_links out_var)
  set(mapped "")
  foreach(item IN LISTS ARGN)
    if(item MATCHES "^::@")  # directory markers that CMake inserts into link properties
      continue()
    endif()
    if(TARGET "${item}")
      get_target_property(aliased "${item}" ALIASED_TARGET)
      if(aliased)
        set(item "${aliased}")
      endif()
      get_target_property(shared "${item}" DECKPORT_SHARED_FLAVOUR)
      if(shared)
        set(item "${shared}")
      endif()
    endif()
    list(APPEND mapped "${item}")
  endforeach()
  set(${out_var} "${mapped}" PARENT_SCOPE)
endfunction()

# Called next to add_library(<static> STATIC ...); the work happens at the end of that folder's
# CMakeLists.txt, when every target_link_libraries() of the library is known, and in its scope,
# where the imported targets it links are visible. The shared library is <static>_shared.
function(deckport_add_shared_library static_target)
  # (A deferred call expands its arguments when it runs, so they are written in now.)
  cmake_language(EVAL CODE "cmake_language(DEFER CALL _deckport_add_shared_library
                                          ${static_target} ${static_target}_shared)")
endfunction()

function(_deckport_add_shared_library static_target shared_target)
  if(NOT DECKPORT_BUILD_SHARED)
    return()
  endif()
  # -fno-semantic-interposition keeps the optimisations that -fPIC would otherwise forbid
  # (nobody interposes deckport's own functions), so the static flavour pays nothing for PIC.
  set_target_properties(${static_target} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" OR CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    target_compile_options(${static_target} PRIVATE -fno-semantic-interposition)
  endif()
  # Object libraries linked into it (the protobuf code) end up in the shared library too.
  get_target_property(links ${static_target} LINK_LIBRARIES)
  foreach(item IN LISTS links)
    string(REGEX REPLACE "^\\$<BUILD_INTERFACE:(.*)>$" "\\1" item "${item}")
    if(TARGET "${item}")
      get_target_property(type "${item}" TYPE)
      if(type STREQUAL "OBJECT_LIBRARY")
        set_target_properties("${item}" PROPERTIES POSITION_INDEPENDENT_CODE ON)
      endif()
    endif()
  endforeach()

  add_library(${shared_target} SHARED $<TARGET_OBJECTS:${static_target}>)
  set_target_properties(${static_target} PROPERTIES DECKPORT_SHARED_FLAVOUR ${shared_target})

  get_target_property(output_name ${static_target} OUTPUT_NAME)
  if(NOT output_name)
    set(output_name ${static_target})
  endif()
  set_target_properties(${shared_target} PROPERTIES
    OUTPUT_NAME ${output_name}
    VERSION ${PROJECT_VERSION}
    SOVERSION ${DECKPORT_SOVERSION})

  # Every dependency, privately (object libraries among them add their objects); the public
  # ones (those that are not $<LINK_ONLY:...> in the static interface) publicly.
  get_target_property(interface_links ${static_target} INTERFACE_LINK_LIBRARIES)
  set(public_links "")
  foreach(item IN LISTS interface_links)
    if(NOT item MATCHES "^\\$<LINK_ONLY:")
      list(APPEND public_links "${item}")
    endif()
  endforeach()
  _deckport_shared_links(links ${links})
  _deckport_shared_links(public_links ${public_links})
  target_link_libraries(${shared_target} PRIVATE ${links} PUBLIC ${public_links})

  foreach(property INTERFACE_INCLUDE_DIRECTORIES INTERFACE_COMPILE_DEFINITIONS
                   INTERFACE_COMPILE_FEATURES INTERFACE_COMPILE_OPTIONS)
    get_target_property(value ${static_target} ${property})
    if(value)
      set_target_properties(${shared_target} PROPERTIES ${property} "${value}")
    endif()
  endforeach()

  # A dependency missing from the list above fails here, not in a consumer's link.
  if(CMAKE_SYSTEM_NAME STREQUAL "Linux" AND NOT DECKPORT_SANITIZE)
    target_link_options(${shared_target} PRIVATE LINKER:--no-undefined)
  endif()
endfunction()
