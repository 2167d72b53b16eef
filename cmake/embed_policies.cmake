# The policy set, compiled into the binary (native: the command, tests, benchmarks) or written as
# one bundle file the page downloads beside the .wasm (WebAssembly: the module then holds code
# only, and new rules need no new module). Rebuilt whenever a policy file changes.
set(GONGJI_POLICY_DIR "${PROJECT_SOURCE_DIR}/policies")
file(GLOB GONGJI_REGION_FILES CONFIGURE_DEPENDS "${GONGJI_POLICY_DIR}/regions/*.json")
set(GONGJI_POLICY_FILES
  "${GONGJI_POLICY_DIR}/version.json"
  "${GONGJI_POLICY_DIR}/sources.json"
  "${GONGJI_POLICY_DIR}/messages.json"
  "${GONGJI_POLICY_DIR}/vocabulary.json"
  "${GONGJI_POLICY_DIR}/divisions.json"
  ${GONGJI_REGION_FILES})
if(EMSCRIPTEN)
  set(gongji_embed_default OFF)
else()
  set(gongji_embed_default ON)
endif()
option(GONGJI_EMBED_POLICIES "Compile the policy set into the binary" ${gongji_embed_default})
set(GONGJI_EMBEDDED_SOURCE "${CMAKE_BINARY_DIR}/generated/embedded_policies.cpp")
set(GONGJI_POLICY_BUNDLE "${CMAKE_BINARY_DIR}/generated/gongji-policies.txt")

add_custom_command(
  OUTPUT "${GONGJI_EMBEDDED_SOURCE}" "${GONGJI_POLICY_BUNDLE}"
  COMMAND "${CMAKE_COMMAND}" -DPOLICY_DIR=${GONGJI_POLICY_DIR} -DOUTPUT=${GONGJI_EMBEDDED_SOURCE}
          -DBUNDLE=${GONGJI_POLICY_BUNDLE} -DEMBED=${GONGJI_EMBED_POLICIES}
          -P "${PROJECT_SOURCE_DIR}/cmake/write_embedded_policies.cmake"
  DEPENDS ${GONGJI_POLICY_FILES} "${PROJECT_SOURCE_DIR}/cmake/write_embedded_policies.cmake"
  COMMENT "Embedding and bundling the policy set"
  VERBATIM)
