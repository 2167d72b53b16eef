# The C++ side of policies/vocabulary.json, written at configure time (and again whenever the file
# changes): for each enumeration an enum class and its contract spellings in the same order, so
# the core has no second, hand-written list. A value that is not an identifier (the tiers "1",
# "2", "3") gets its spellings only. The loader checks the vocabulary it loads against these.
# Inputs: GONGJI_VOCABULARY (the JSON file), GONGJI_VOCABULARY_HEADER (the header to write).
file(READ "${GONGJI_VOCABULARY}" gongji_vocabulary_json)
string(JSON gongji_enumerations LENGTH "${gongji_vocabulary_json}")
math(EXPR gongji_last "${gongji_enumerations} - 1")
set(gongji_body "")
set(gongji_table "")
set(gongji_table_size 0)
foreach(i RANGE ${gongji_last})
  string(JSON key MEMBER "${gongji_vocabulary_json}" ${i})
  if(key MATCHES "^\\$")
    continue()
  endif()
  # expense_kind -> ExpenseKind
  string(REPLACE "_" ";" words "${key}")
  set(type "")
  foreach(word IN LISTS words)
    string(SUBSTRING "${word}" 0 1 first)
    string(SUBSTRING "${word}" 1 -1 rest)
    string(TOUPPER "${first}" first)
    string(APPEND type "${first}${rest}")
  endforeach()
  string(JSON values GET "${gongji_vocabulary_json}" "${key}" values)
  string(JSON count LENGTH "${values}")
  math(EXPR last "${count} - 1")
  set(enumerators "")
  set(names "")
  set(identifiers TRUE)
  foreach(j RANGE ${last})
    string(JSON value GET "${values}" ${j} id)
    string(REPLACE "-" "_" identifier "${value}")
    if(NOT identifier MATCHES "^[A-Za-z][A-Za-z0-9_]*$")
      set(identifiers FALSE)
    endif()
    string(APPEND enumerators "  ${identifier},\n")
    string(APPEND names "    \"${value}\",\n")
  endforeach()
  if(identifiers)
    string(APPEND gongji_body "enum class ${type} {\n${enumerators}};\n")
  endif()
  string(APPEND gongji_body
    "inline constexpr std::array<std::string_view, ${count}> k${type}Names{\n${names}};\n\n")
  string(APPEND gongji_table "    VocabularyEnumeration{\"${key}\", k${type}Names.data(), k${type}Names.size()},\n")
  math(EXPR gongji_table_size "${gongji_table_size} + 1")
endforeach()

set(gongji_header "// Generated from policies/vocabulary.json by cmake/write_vocabulary_header.cmake. Do not edit.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace gongji {

${gongji_body}struct VocabularyEnumeration {
  std::string_view key;
  const std::string_view* names;
  std::size_t size;
};

// Every enumeration in the file's order: the loader checks a vocabulary it reads against these.
inline constexpr std::array<VocabularyEnumeration, ${gongji_table_size}> kVocabularyEnumerations{
${gongji_table}};

}  // namespace gongji
")
file(CONFIGURE OUTPUT "${GONGJI_VOCABULARY_HEADER}" CONTENT "${gongji_header}" @ONLY)
