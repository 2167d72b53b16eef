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

# Native WebAssembly exception handling: no JavaScript trampoline around every call that may throw
# (the JavaScript-based -fexceptions made each evaluation several times slower). Browsers since 2021
# and Node.js 20 support it.
add_compile_options(-fwasm-exceptions)
add_link_options(-fwasm-exceptions)
