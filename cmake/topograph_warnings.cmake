# Shared compile options for every project target (warnings on, no global flags leak into
# third-party generated code).
function(topograph_target_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-unused-parameter)
  target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR})
  if(TOPOGRAPH_MARCH AND CMAKE_SYSTEM_PROCESSOR MATCHES "x86_64|AMD64")
    target_compile_options(${target} PRIVATE -march=${TOPOGRAPH_MARCH})
  endif()
endfunction()
