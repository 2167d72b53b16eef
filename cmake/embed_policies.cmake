# The policy set is compiled into the binary: every file the loader reads becomes a byte array in
# a generated source, rebuilt whenever a policy file changes.
set(GONGJI_POLICY_DIR "${PROJECT_SOURCE_DIR}/policies")
file(GLOB GONGJI_REGION_FILES CONFIGURE_DEPENDS "${GONGJI_POLICY_DIR}/regions/*.json")
set(GONGJI_POLICY_FILES
  "${GONGJI_POLICY_DIR}/version.json"
  "${GONGJI_POLICY_DIR}/sources.json"
  "${GONGJI_POLICY_DIR}/messages.json"
  "${GONGJI_POLICY_DIR}/divisions.json"
  ${GONGJI_REGION_FILES})
set(GONGJI_EMBEDDED_SOURCE "${CMAKE_BINARY_DIR}/generated/embedded_policies.cpp")

add_custom_command(
  OUTPUT "${GONGJI_EMBEDDED_SOURCE}"
  COMMAND "${CMAKE_COMMAND}" -DPOLICY_DIR=${GONGJI_POLICY_DIR} -DOUTPUT=${GONGJI_EMBEDDED_SOURCE}
          -P "${PROJECT_SOURCE_DIR}/cmake/write_embedded_policies.cmake"
  DEPENDS ${GONGJI_POLICY_FILES} "${PROJECT_SOURCE_DIR}/cmake/write_embedded_policies.cmake"
  COMMENT "Embedding the policy set"
  VERBATIM)
