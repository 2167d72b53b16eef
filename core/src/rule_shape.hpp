// The shape of a rule's value, written once: the loader checks each value against it, and
// `gongji schema` writes it as JSON Schema so that an editor checks a region file as it is typed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gongji/policy.hpp"
#include "policy_checker.hpp"

namespace gongji::detail {

struct Shape;

struct ShapeField {
  std::string_view name;
  const Shape* shape;
  bool required = true;
};

struct Shape {
  enum class Type {
    boolean,
    integer,   // min..max
    text,      // a non-empty string
    code,      // a 6-digit division code
    clock,     // HH:MM
    one_of,    // one of `names`
    array,     // of `item`; `non_empty`
    object,    // exactly `fields`
    map,       // any keys, each value an `item`
    nullable,  // null or an `item`
    either,    // the first of `alternatives` whose first field is present, else the last
  };
  explicit Shape(Type of) : type(of) {}

  Type type;
  int64_t min = 0;
  int64_t max = 0;
  std::vector<std::string_view> names;
  std::vector<ShapeField> fields;
  const Shape* item = nullptr;
  bool non_empty = false;
  std::vector<const Shape*> alternatives;
  std::string_view message;      // what the loader says when the value is not of this type
  std::string_view def;          // a shape named in the schema's $defs ("text", "channel")
  std::string_view description;  // for the schema's reader
  // A rule JSON Schema cannot state (as many English steps as Chinese ones): "" when kept.
  std::string_view (*consistent)(const Json&) = nullptr;

  // The same shape, said otherwise.
  Shape said(std::string_view text) const { return with(&Shape::message, text); }
  Shape named(std::string_view name) const { return with(&Shape::def, name); }
  Shape described(std::string_view text) const { return with(&Shape::description, text); }

 private:
  template <typename Field, typename Value>
  Shape with(Field Shape::*field, Value value) const {
    Shape copy = *this;
    copy.*field = value;
    return copy;
  }
};

// The shapes, built: a rule's shape is written as `object({{"unit", &kUnit}})`. Nested shapes are
// named constants, so each lives as long as the table that points at it.
Shape boolean_shape();
Shape integer_shape(int64_t min, int64_t max);
Shape text_shape();
Shape code_shape();
Shape clock_shape();
Shape one_of_shape(std::vector<std::string_view> names);
Shape array_shape(const Shape& item, bool non_empty = false);
Shape object_shape(std::vector<ShapeField> fields);
Shape map_shape(const Shape& item);
Shape nullable_shape(const Shape& item);
Shape either_shape(std::vector<const Shape*> alternatives);

// Checks `value` against `shape`, recording every problem found.
bool check_shape(Checker& check, const std::string& file, const std::string& path,
                 const Shape& shape, const Json& value);

// The JSON Schema of `shape`; named shapes are written once into `defs`.
Json shape_schema(const Shape& shape, Json& defs);

}  // namespace gongji::detail
