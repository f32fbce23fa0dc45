# What `cmake --install` puts where (GNUInstallDirs):
#   bin/deckport, the man pages and the shell completions        component "runtime"
#   share/doc/deckport: README.md, docs/, the format READMEs       component "runtime"
#   lib/libdeckport_{core,formats}.so.*                            component "runtime"
#   include/deckport/*.hpp, lib/libdeckport_{core,formats}.a, the .so links,
#   lib/cmake/deckport (find_package), lib/pkgconfig/deckport.pc   component "development"
include(CMakePackageConfigHelpers)
include(${CMAKE_CURRENT_LIST_DIR}/dependencies.cmake)

set(DECKPORT_CMAKE_PACKAGE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/deckport)

install(TARGETS deckport RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/lib/include/deckport
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT development
        FILES_MATCHING PATTERN "*.hpp")

# The same target names in both flavours (deckport::core, deckport::formats), in two export
# sets; deckportConfig.cmake loads one of them.
set_target_properties(deckport_core PROPERTIES EXPORT_NAME core)
set_target_properties(deckport_formats PROPERTIES EXPORT_NAME formats)
install(TARGETS deckport_core deckport_formats EXPORT deckport-static-targets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
# `cmake --install --strip` (and CPack, with CPACK_STRIP_FILES) strips the programs and shared
# libraries; the static libraries lose their debug information too, keeping their symbols, as
# Debian's dh_strip does.
install(CODE "
  if(CMAKE_INSTALL_DO_STRIP)
    foreach(archive $<TARGET_FILE_NAME:deckport_core> $<TARGET_FILE_NAME:deckport_formats>)
      execute_process(COMMAND \"${CMAKE_STRIP}\" --strip-debug
                      \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/\${archive}\"
                      COMMAND_ERROR_IS_FATAL ANY)
    endforeach()
  endif()" COMPONENT development)
install(EXPORT deckport-static-targets NAMESPACE deckport::
        DESTINATION ${DECKPORT_CMAKE_PACKAGE_DIR} COMPONENT development)
if(DECKPORT_BUILD_SHARED)
  set_target_properties(deckport_core_shared PROPERTIES EXPORT_NAME core)
  set_target_properties(deckport_formats_shared PROPERTIES EXPORT_NAME formats)
  install(TARGETS deckport_core_shared deckport_formats_shared EXPORT deckport-shared-targets
          LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
            COMPONENT runtime NAMELINK_COMPONENT development
          INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
  install(EXPORT deckport-shared-targets NAMESPACE deckport::
          DESTINATION ${DECKPORT_CMAKE_PACKAGE_DIR} COMPONENT development)
endif()

# --- what a consumer needs besides deckport, from the table in dependencies.cmake ---
set(known_targets "")
set(config_public "")
set(config_private "")
set(pc_requires "")
set(pc_requires_private "")
set(pc_libs_private "")
set(DECKPORT_DEVELOPMENT_PACKAGES "")
foreach(row IN LISTS DECKPORT_PACKAGE_DEPENDENCIES)
  string(REPLACE "|" ";" fields "${row}")
  list(GET fields 0 scope)
  list(GET fields 1 target)
  list(GET fields 2 module)
  list(GET fields 3 how)
  list(GET fields 4 debian)
  list(APPEND known_targets ${target})
  if(debian)
    list(APPEND DECKPORT_DEVELOPMENT_PACKAGES ${debian})
  endif()
  if(how MATCHES "^pkg-config (.+)$")
    set(pkg_module "${CMAKE_MATCH_1}")
    string(REGEX REPLACE "^PkgConfig::" "" prefix "${target}")
    set(find_code
"  if(NOT TARGET ${target})
    find_dependency(PkgConfig)
    pkg_check_modules(${prefix} QUIET IMPORTED_TARGET ${pkg_module})
    if(NOT ${prefix}_FOUND)
      set(deckport_FOUND FALSE)
      set(deckport_NOT_FOUND_MESSAGE \"deckport needs the pkg-config module ${pkg_module} (Debian: ${debian})\")
      return()
    endif()
  endif()
")
  elseif(how MATCHES "^package (.+)$")
    set(find_code "  find_dependency(${CMAKE_MATCH_1})\n")
  else()
    message(FATAL_ERROR "dependencies.cmake: cannot read how to find ${target}: '${how}'")
  endif()
  if(scope STREQUAL "public")
    string(APPEND config_public "${find_code}")
    if(module)
      list(APPEND pc_requires "${module}")
    endif()
  else()
    string(APPEND config_private "${find_code}")
    if(module MATCHES "^-l")
      list(APPEND pc_libs_private "${module}")
    elseif(module)
      list(APPEND pc_requires_private "${module}")
    elseif(target STREQUAL "Threads::Threads")
      list(APPEND pc_libs_private "${CMAKE_THREAD_LIBS_INIT}")
    endif()
  endif()
endforeach()

# Every library the static flavour links must be in the table, or the installed package would
# not find it: a new dependency stops the configure here instead of breaking a consumer.
foreach(library deckport_core deckport_formats)
  get_target_property(links ${library} LINK_LIBRARIES)
  foreach(item IN LISTS links)
    if(item MATCHES "^::@" OR item MATCHES "^\\$<BUILD_INTERFACE:")
      continue()
    endif()
    if(TARGET "${item}")
      get_target_property(aliased "${item}" ALIASED_TARGET)
      if(aliased STREQUAL "deckport_core" OR aliased STREQUAL "deckport_formats")
        continue()
      endif()
    endif()
    if(NOT item IN_LIST known_targets)
      message(FATAL_ERROR "${library} links ${item}, which cmake/package/dependencies.cmake does "
                          "not list: add a row there so that the installed package finds it too")
    endif()
  endforeach()
endforeach()

set(DECKPORT_CONFIG_PUBLIC_DEPENDENCIES "${config_public}")
set(DECKPORT_CONFIG_PRIVATE_DEPENDENCIES "${config_private}")
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/deckportConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/package/deckportConfig.cmake
  INSTALL_DESTINATION ${DECKPORT_CMAKE_PACKAGE_DIR})
# Before 1.0 a minor version may break the API, so only the same minor version is compatible.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(compatibility SameMinorVersion)
else()
  set(compatibility SameMajorVersion)
endif()
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/package/deckportConfigVersion.cmake
  COMPATIBILITY ${compatibility})
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/package/deckportConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/package/deckportConfigVersion.cmake
        DESTINATION ${DECKPORT_CMAKE_PACKAGE_DIR} COMPONENT development)

# deckport.pc: configured now except for the prefix, which install_pkgconfig.cmake fills in.
list(JOIN pc_requires ", " DECKPORT_PC_REQUIRES)
list(JOIN pc_requires_private ", " DECKPORT_PC_REQUIRES_PRIVATE)
list(JOIN pc_libs_private " " DECKPORT_PC_LIBS_PRIVATE)
set(DECKPORT_PC_PREFIX "@CMAKE_INSTALL_PREFIX@")
foreach(kind LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${kind}}")
    set(DECKPORT_PC_${kind} "${CMAKE_INSTALL_${kind}}")
  else()
    set(DECKPORT_PC_${kind} "\${prefix}/${CMAKE_INSTALL_${kind}}")
  endif()
endforeach()
configure_file(${CMAKE_CURRENT_LIST_DIR}/deckport.pc.in
               ${CMAKE_CURRENT_BINARY_DIR}/package/deckport.pc.in @ONLY)
install(CODE "
  set(DECKPORT_PC_TEMPLATE \"${CMAKE_CURRENT_BINARY_DIR}/package/deckport.pc.in\")
  set(DECKPORT_PC_WORK_DIR \"${CMAKE_CURRENT_BINARY_DIR}/package/pkgconfig\")
  set(DECKPORT_PC_DESTINATION \"${CMAKE_INSTALL_LIBDIR}/pkgconfig\")
  include(\"${CMAKE_CURRENT_LIST_DIR}/install_pkgconfig.cmake\")
" COMPONENT development)

# The documentation the man pages point to, laid out as in the source tree so links still work.
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT runtime)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs
        COMPONENT runtime)
file(GLOB format_readmes CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/formats/*/README.md)
foreach(readme IN LISTS format_readmes)
  get_filename_component(folder ${readme} DIRECTORY)
  get_filename_component(format ${folder} NAME)
  install(FILES ${readme} DESTINATION ${CMAKE_INSTALL_DOCDIR}/formats/${format} COMPONENT runtime)
endforeach()
