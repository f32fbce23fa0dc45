# Man pages and shell completions, generated from the built CLI's own --help each time deckport
# or the docs they quote change (generate.py says what comes from where), and installed:
#   share/man/man1/deckport.1, deckport-<command>.1
#   share/bash-completion/completions/deckport
#   share/zsh/vendor-completions/_deckport
#   share/fish/vendor_completions.d/deckport.fish
find_package(Python3 REQUIRED COMPONENTS Interpreter)
set(DECKPORT_CLI_DOCS_DIR ${PROJECT_BINARY_DIR}/cli_docs)
file(GLOB DECKPORT_CLI_DOCS_SCRIPTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.py)
add_custom_command(
  OUTPUT ${DECKPORT_CLI_DOCS_DIR}/stamp
  COMMAND Python3::Interpreter ${CMAKE_CURRENT_LIST_DIR}/generate.py
          --deckport $<TARGET_FILE:deckport> --source ${PROJECT_SOURCE_DIR}
          --version ${PROJECT_VERSION} --out ${DECKPORT_CLI_DOCS_DIR}
  COMMAND ${CMAKE_COMMAND} -E touch ${DECKPORT_CLI_DOCS_DIR}/stamp
  DEPENDS deckport ${DECKPORT_CLI_DOCS_SCRIPTS} ${PROJECT_SOURCE_DIR}/README.md
          ${PROJECT_SOURCE_DIR}/docs/cli.md ${PROJECT_SOURCE_DIR}/docs/diagnostics.md
  COMMENT "Man pages and shell completions from deckport --help")
add_custom_target(deckport_cli_docs ALL DEPENDS ${DECKPORT_CLI_DOCS_DIR}/stamp)

install(DIRECTORY ${DECKPORT_CLI_DOCS_DIR}/man/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1
        COMPONENT runtime)
install(FILES ${DECKPORT_CLI_DOCS_DIR}/completions/deckport
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions COMPONENT runtime)
install(FILES ${DECKPORT_CLI_DOCS_DIR}/completions/_deckport
        DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions COMPONENT runtime)
install(FILES ${DECKPORT_CLI_DOCS_DIR}/completions/deckport.fish
        DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d COMPONENT runtime)
