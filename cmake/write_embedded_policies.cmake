# cmake -DPOLICY_DIR=... -DOUTPUT=source.cpp -DBUNDLE=bundle.txt -DEMBED=ON|OFF -P write_embedded_policies.cmake
# OUTPUT: a C++ source defining embedded_policy_files() (empty unless EMBED) and
# embedded_policies() (the files loaded; null unless EMBED, so that a build without embedded
# policies, the WebAssembly module, links no loader).
# BUNDLE: every file as two lines, its path and its minified JSON (read by read_policy_bundle()).
file(GLOB region_files RELATIVE "${POLICY_DIR}" "${POLICY_DIR}/regions/*.json")
list(SORT region_files)
set(files version.json sources.json messages.json vocabulary.json divisions.json ${region_files})

set(arrays "")
set(entries "")
set(bundle "")
set(index 0)
foreach(relative IN LISTS files)
  # Indentation is dropped (a line break followed by spaces is never inside a JSON string): a
  # smaller binary, less for the parser to skip. Offsets in messages refer to the minified text,
  # which is why maintainers check the files themselves (gongji check policies). Nothing else is:
  # a regular expression cannot tell a space between items from one inside a string (", " is the
  # English list separator), and the spaces left cost under 200 bytes gzipped.
  file(READ "${POLICY_DIR}/${relative}" text)
  # The schema a region file names is for editors only.
  string(REGEX REPLACE "\n *\"\\$schema\": \"[^\"]*\"," "" text "${text}")
  string(REGEX REPLACE "\n *" "" text "${text}")
  string(APPEND bundle "${relative}\n${text}\n")
  if(EMBED)
    file(WRITE "${OUTPUT}.json.tmp" "${text}")
    file(READ "${OUTPUT}.json.tmp" hex HEX)
    string(LENGTH "${hex}" hex_length)
    math(EXPR size "${hex_length} / 2")
    string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
    string(APPEND arrays "const unsigned char kFile${index}[] = {${bytes}0x00};\n")
    string(APPEND entries "      {\"${relative}\", std::string(reinterpret_cast<const char*>(kFile${index}), ${size})},\n")
  endif()
  math(EXPR index "${index} + 1")
endforeach()

if(EMBED)
  set(load_embedded "return load_policies(embedded_policy_files()).policies;")
else()
  set(load_embedded "return nullptr;")
endif()
file(WRITE "${OUTPUT}.tmp" "// Generated from policies/ by cmake/write_embedded_policies.cmake. Do not edit.
#include \"gongji/policy.hpp\"

namespace gongji {
namespace {
${arrays}}  // namespace

const std::vector<PolicyFile>& embedded_policy_files() {
  static const std::vector<PolicyFile> files = {
${entries}  };
  return files;
}

std::unique_ptr<const PolicySet> embedded_policies() {
  ${load_embedded}
}

}  // namespace gongji
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.json.tmp")
file(WRITE "${BUNDLE}.tmp" "${bundle}")
file(COPY_FILE "${BUNDLE}.tmp" "${BUNDLE}" ONLY_IF_DIFFERENT)
file(REMOVE "${BUNDLE}.tmp")
