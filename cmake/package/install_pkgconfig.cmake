# Runs at install time (install(CODE) in install.cmake): deckport.pc names the prefix it is
# installed under, which `cmake --install --prefix` and CPack only decide then.
# In: DECKPORT_PC_TEMPLATE (configured except for @CMAKE_INSTALL_PREFIX@), DECKPORT_PC_WORK_DIR,
#     DECKPORT_PC_DESTINATION (relative to the prefix, or absolute).
string(MD5 destination_key "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}")
set(generated "${DECKPORT_PC_WORK_DIR}/${destination_key}/deckport.pc")
configure_file("${DECKPORT_PC_TEMPLATE}" "${generated}" @ONLY)
if(IS_ABSOLUTE "${DECKPORT_PC_DESTINATION}")
  set(destination "${DECKPORT_PC_DESTINATION}")
else()
  set(destination "${CMAKE_INSTALL_PREFIX}/${DECKPORT_PC_DESTINATION}")
endif()
file(INSTALL DESTINATION "${destination}" TYPE FILE FILES "${generated}")
