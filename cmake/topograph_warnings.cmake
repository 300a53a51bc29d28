# Shared compile options for every project target (warnings on, no global flags leak into
# third-party generated code).
function(topograph_target_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-unused-parameter)
  target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR})
endfunction()
