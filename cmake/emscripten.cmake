# Emscripten from Debian's package (see ../shared/notes/toolchain.md):
# - the linker runs node scripts that need Debian's node modules;
# - /usr/include must never be on the wasm include path, so nlohmann is reached through a
#   directory that holds only a link to it.
set_property(GLOBAL PROPERTY RULE_LAUNCH_LINK "${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs")

set(GONGJI_NLOHMANN_DIR "${CMAKE_BINARY_DIR}/third_party_include")
file(MAKE_DIRECTORY "${GONGJI_NLOHMANN_DIR}")
if(NOT EXISTS "${GONGJI_NLOHMANN_DIR}/nlohmann")
  file(CREATE_LINK /usr/include/nlohmann "${GONGJI_NLOHMANN_DIR}/nlohmann" SYMBOLIC)
endif()
add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
set_target_properties(nlohmann_json::nlohmann_json PROPERTIES
  INTERFACE_SYSTEM_INCLUDE_DIRECTORIES "${GONGJI_NLOHMANN_DIR}"
  INTERFACE_INCLUDE_DIRECTORIES "${GONGJI_NLOHMANN_DIR}")

# No exceptions at all (core/CMakeLists.txt says why): no landing pads, no unwinder, and libc++
# in its no-exceptions variant. No RTTI either: nothing asks for a type at run time, and the type
# information std::function and the C++ runtime carry is code the module would ship.
add_compile_options(-fno-exceptions -fno-rtti)
add_link_options(-fno-exceptions -fno-rtti)
# Link-time optimisation across the core, the binding and the system libraries (their LTO builds
# come with Emscripten): code no export reaches is dropped, small functions are inlined across files.
add_compile_options(-flto)
add_link_options(-flto)
