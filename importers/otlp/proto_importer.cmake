# OTLP protobuf trace import; included by importers/otlp/CMakeLists.txt. The generated
# messages are a library of their own (proto/), shared with the live OTLP/gRPC receiver.
add_subdirectory(${CMAKE_CURRENT_LIST_DIR}/proto)

add_library(topograph_import_otlp_proto STATIC
  ${CMAKE_CURRENT_LIST_DIR}/otlp_proto_mapping.cpp
  ${CMAKE_CURRENT_LIST_DIR}/otlp_proto_importer.cpp
)
topograph_target_defaults(topograph_import_otlp_proto)
target_link_libraries(topograph_import_otlp_proto PUBLIC topograph_import_common topograph_otlp_proto)
