# The preview of a deck as a picture: `deckport preview`, then headless Chromium's --screenshot.
# Run by the optional target `preview_screenshot` (tools/CMakeLists.txt):
#   cmake -DDECKPORT=deckport -DCHROMIUM=chromium -DDECK=decks/x.md -DOUTPUT=dir -P preview_screenshot.cmake
# writes dir/preview.html and dir/preview.png (1280x800).
cmake_minimum_required(VERSION 3.20)
file(MAKE_DIRECTORY "${OUTPUT}")
execute_process(COMMAND "${DECKPORT}" -q preview "${DECK}" -o "${OUTPUT}/preview.html" --force
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "deckport preview failed (${result})")
endif()
set(profile "${OUTPUT}/chromium-profile")
file(REMOVE_RECURSE "${profile}")
set(sandbox "")
execute_process(COMMAND id -u OUTPUT_VARIABLE uid OUTPUT_STRIP_TRAILING_WHITESPACE)
if(uid STREQUAL "0")
  set(sandbox "--no-sandbox")  # Chromium refuses to run as root with its sandbox
endif()
# No network: every host name resolves to nothing. Virtual time lets MathJax finish first.
execute_process(
  COMMAND "${CHROMIUM}" --headless ${sandbox} --disable-gpu --no-first-run
          --disable-background-networking --disable-component-update --disable-sync
          "--host-resolver-rules=MAP * ~NOTFOUND" "--user-data-dir=${profile}"
          --hide-scrollbars --window-size=1280,800 --virtual-time-budget=30000
          "--screenshot=${OUTPUT}/preview.png" "file://${OUTPUT}/preview.html"
  RESULT_VARIABLE result OUTPUT_QUIET ERROR_QUIET)
file(REMOVE_RECURSE "${profile}")
if(NOT result EQUAL 0 OR NOT EXISTS "${OUTPUT}/preview.png")
  message(FATAL_ERROR "chromium could not take the screenshot (${result})")
endif()
message(STATUS "Screenshot: ${OUTPUT}/preview.png")
