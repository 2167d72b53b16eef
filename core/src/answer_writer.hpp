// The parts of an answer that the single-holder answer and the household plan write alike.
#pragma once

#include "gongji/answer.hpp"
#include "json_writer.hpp"

namespace gongji::detail {

void write_reasons(JsonWriter& out, std::string_view name, const std::vector<Reason>& reasons);
void write_changes(JsonWriter& out, const std::vector<Change>& changes);
void write_guidance(JsonWriter& out, const Guidance& guidance);
void write_sources(JsonWriter& out, const std::vector<SourceRef>& sources);

}  // namespace gongji::detail
