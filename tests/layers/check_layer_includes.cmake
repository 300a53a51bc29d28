# Checks the layer rules of DESIGN §2 by a text match over #include lines:
#   models/    never includes widgets, network, importers/, views/, app/; Graphviz only in models/layout
#   importers/ never includes views/, app/, widgets
#   views/     never includes importers/, app/, Graphviz
# Usage: cmake -DROOT=<repo or sample tree> -P check_layer_includes.cmake  (fails on a violation)
cmake_policy(SET CMP0057 NEW)
if(NOT ROOT)
  message(FATAL_ERROR "pass -DROOT=<tree>")
endif()

set(violations "")
function(check_layer layer)
  cmake_parse_arguments(L "" "" "FORBID;EXCEPT_DIR;EXCEPT_FORBID" ${ARGN})
  file(GLOB_RECURSE files "${ROOT}/${layer}/*.h" "${ROOT}/${layer}/*.hpp" "${ROOT}/${layer}/*.cpp")
  foreach(f IN LISTS files)
    file(STRINGS "${f}" includes REGEX "^[ \t]*#[ \t]*include")
    foreach(line IN LISTS includes)
      foreach(pattern IN LISTS L_FORBID)
        if(line MATCHES "${pattern}")
          if(L_EXCEPT_DIR AND f MATCHES "${L_EXCEPT_DIR}" AND pattern STREQUAL L_EXCEPT_FORBID)
            continue()
          endif()
          file(RELATIVE_PATH rel "${ROOT}" "${f}")
          set(violations "${violations}\n  ${rel}: ${line}   (rule: ${layer} must not include ${pattern})")
        endif()
      endforeach()
    endforeach()
  endforeach()
  set(violations "${violations}" PARENT_SCOPE)
endfunction()

set(widgets "[<\"]Qt?Widgets|[<\"]Q[A-Za-z]*Widget[>\"]|[<\"]QMainWindow|[<\"]QDialog")
set(network "[<\"]QtNetwork|[<\"]QNetwork|[<\"]QTcp|[<\"]grpc")
set(graphviz "[<\"](graphviz/)?(gvc|cgraph)\\.h")
check_layer(models FORBID "\"importers/" "\"views/" "\"app/" "${widgets}" "${network}" "${graphviz}"
            EXCEPT_DIR "/models/layout/" EXCEPT_FORBID "${graphviz}")
check_layer(importers FORBID "\"views/" "\"app/" "${widgets}" "[<\"]QSettings")
check_layer(views FORBID "\"importers/" "\"app/" "${graphviz}")

if(violations)
  message(FATAL_ERROR "layer rule violations:${violations}")
endif()
message(STATUS "layer rules hold under ${ROOT}")
