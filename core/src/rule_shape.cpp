#include "rule_shape.hpp"

#include <algorithm>
#include <cctype>

#include "integer_text.hpp"
#include "json_limits.hpp"

namespace gongji::detail {
namespace {

bool digits(const std::string& text, std::size_t from, std::size_t to) {
  return std::all_of(text.begin() + from, text.begin() + to,
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

bool check_object(Checker& check, const std::string& file, const std::string& path,
                  const Shape& shape, const Json& value) {
  if (!value.is_object())
    return check.problem(file, path, "policy.not_object", "must be an object");
  bool ok = true;
  for (const ShapeField& field : shape.fields) {
    if (field.required && !value.contains(field.name))
      ok = check.problem(file, pointer_append(path, field.name), "policy.missing_field",
                         "is required");
  }
  for (auto item = value.begin(); item != value.end(); ++item) {
    const std::string& key = item.key();  // a name, not a structured binding: lambdas capture it
    const bool known = std::any_of(shape.fields.begin(), shape.fields.end(),
                                   [&](const ShapeField& field) { return field.name == key; });
    if (!known)
      ok = check.problem(file, pointer_append(path, key), "policy.unknown_field",
                         "is not a known field");
  }
  if (!ok) return false;
  for (const ShapeField& field : shape.fields) {
    const auto found = value.find(field.name);
    if (found == value.end()) continue;
    ok = check_shape(check, file, pointer_append(path, field.name), *field.shape, *found) && ok;
  }
  return ok;
}

// The message for a value not of the shape's type, unless the shape gives its own.
bool wrong(Checker& check, const std::string& file, const std::string& path, const Shape& shape,
           std::string_view id, std::string message) {
  return check.problem(file, path, id,
                       shape.message.empty() ? message : std::string(shape.message));
}

bool check_type(Checker& check, const std::string& file, const std::string& path,
                const Shape& shape, const Json& value) {
  using Type = Shape::Type;
  switch (shape.type) {
    case Type::boolean:
      return value.is_boolean() ||
             wrong(check, file, path, shape, "policy.invalid_boolean", "must be true or false");
    case Type::integer: {
      const bool ok = value.is_number_integer() && value.get<int64_t>() >= shape.min &&
                      value.get<int64_t>() <= shape.max;
      return ok || wrong(check, file, path, shape, "policy.invalid_integer",
                         "must be an integer from " + integer_text(shape.min) + " to " +
                             integer_text(shape.max));
    }
    case Type::text:
      return check.text(file, path, value);
    case Type::code: {
      const bool ok = value.is_string() && value.get_ref<const std::string&>().size() == 6 &&
                      digits(value.get_ref<const std::string&>(), 0, 6);
      return ok || wrong(check, file, path, shape, "policy.invalid_code", "must be a 6-digit code");
    }
    case Type::clock: {
      const bool ok = value.is_string() && value.get_ref<const std::string&>().size() == 5 &&
                      value.get_ref<const std::string&>()[2] == ':' &&
                      digits(value.get_ref<const std::string&>(), 0, 2) &&
                      digits(value.get_ref<const std::string&>(), 3, 5);
      return ok ||
             wrong(check, file, path, shape, "policy.invalid_time", "must be a time written HH:MM");
    }
    case Type::one_of: {
      const bool ok =
          value.is_string() && std::find(shape.names.begin(), shape.names.end(),
                                         value.get_ref<const std::string&>()) != shape.names.end();
      if (ok) return true;
      std::string allowed;
      for (auto name : shape.names) allowed += (allowed.empty() ? "" : ", ") + std::string(name);
      return wrong(check, file, path, shape, "policy.not_one_of", "must be one of: " + allowed);
    }
    case Type::array: {
      if (!value.is_array() || (shape.non_empty && value.empty()))
        return wrong(check, file, path, shape, "policy.invalid_array",
                     shape.non_empty ? "must be a non-empty array" : "must be an array");
      bool ok = true;
      for (std::size_t i = 0; i < value.size(); ++i)
        ok = check_shape(check, file, pointer_append(path, i), *shape.item, value[i]) && ok;
      return ok;
    }
    case Type::object:
      return check_object(check, file, path, shape, value);
    case Type::map: {
      if (!value.is_object())
        return wrong(check, file, path, shape, "policy.not_object", "must be an object");
      bool ok = true;
      for (const auto& [key, item] : value.items())
        ok = check_shape(check, file, pointer_append(path, key), *shape.item, item) && ok;
      return ok;
    }
    case Type::nullable:
      return value.is_null() || check_shape(check, file, path, *shape.item, value);
    case Type::either:
      for (const Shape* alternative : shape.alternatives) {
        const bool chosen = alternative == shape.alternatives.back() ||
                            (value.is_object() && value.contains(alternative->fields[0].name));
        if (chosen) return check_shape(check, file, path, *alternative, value);
      }
      return false;
  }
  return false;
}

Json type_schema(const Shape& shape, Json& defs) {
  using Type = Shape::Type;
  Json out = Json::object();
  switch (shape.type) {
    case Type::boolean:
      out["type"] = "boolean";
      break;
    case Type::integer:
      out["type"] = "integer";
      out["minimum"] = shape.min;
      out["maximum"] = shape.max;
      break;
    case Type::text:
      out["type"] = "string";
      out["minLength"] = 1;
      break;
    case Type::code:
      out["type"] = "string";
      out["pattern"] = "^[0-9]{6}$";
      break;
    case Type::clock:
      out["type"] = "string";
      out["pattern"] = "^[0-9]{2}:[0-9]{2}$";
      break;
    case Type::one_of:
      out["enum"] = Json::array();
      for (auto name : shape.names) out["enum"].push_back(name);
      break;
    case Type::array:
      out["type"] = "array";
      if (shape.non_empty) out["minItems"] = 1;
      out["items"] = shape_schema(*shape.item, defs);
      break;
    case Type::object: {
      out["type"] = "object";
      out["required"] = Json::array();
      for (const ShapeField& field : shape.fields) {
        if (field.required) out["required"].push_back(field.name);
      }
      out["additionalProperties"] = false;
      out["properties"] = Json::object();
      for (const ShapeField& field : shape.fields)
        out["properties"][std::string(field.name)] = shape_schema(*field.shape, defs);
      break;
    }
    case Type::map:
      out["type"] = "object";
      out["additionalProperties"] = shape_schema(*shape.item, defs);
      break;
    case Type::nullable:
      out["anyOf"] = Json::array({Json{{"type", "null"}}, shape_schema(*shape.item, defs)});
      break;
    case Type::either:
      out["oneOf"] = Json::array();
      for (const Shape* alternative : shape.alternatives)
        out["oneOf"].push_back(shape_schema(*alternative, defs));
      break;
  }
  return out;
}

}  // namespace

bool check_shape(Checker& check, const std::string& file, const std::string& path,
                 const Shape& shape, const Json& value) {
  if (!check_type(check, file, path, shape, value)) return false;
  if (!shape.consistent) return true;
  const std::string_view why = shape.consistent(value);
  return why.empty() || check.problem(file, path, "policy.inconsistent_value", std::string(why));
}

Json shape_schema(const Shape& shape, Json& defs) {
  if (shape.def.empty()) {
    Json out = type_schema(shape, defs);
    if (!shape.description.empty()) {
      Json described = {{"description", shape.description}};
      described.update(out);
      return described;
    }
    return out;
  }
  const std::string name(shape.def);
  if (!defs.contains(name)) {
    defs[name] = Json::object();  // taken before recursing, so a shape may name itself
    Json body = type_schema(shape, defs);
    if (!shape.description.empty()) {
      Json described = {{"description", shape.description}};
      described.update(body);
      body = std::move(described);
    }
    defs[name] = std::move(body);
  }
  return Json{{"$ref", "#/$defs/" + name}};
}

Shape boolean_shape() {
  return Shape(Shape::Type::boolean);
}
Shape text_shape() {
  return Shape(Shape::Type::text);
}
Shape code_shape() {
  return Shape(Shape::Type::code);
}
Shape clock_shape() {
  return Shape(Shape::Type::clock);
}

Shape integer_shape(int64_t min, int64_t max) {
  Shape shape(Shape::Type::integer);
  shape.min = min;
  shape.max = max;
  return shape;
}

Shape one_of_shape(std::vector<std::string_view> names) {
  Shape shape(Shape::Type::one_of);
  shape.names = std::move(names);
  return shape;
}

Shape array_shape(const Shape& item, bool non_empty) {
  Shape shape(Shape::Type::array);
  shape.item = &item;
  shape.non_empty = non_empty;
  return shape;
}

Shape object_shape(std::vector<ShapeField> fields) {
  Shape shape(Shape::Type::object);
  shape.fields = std::move(fields);
  return shape;
}

Shape map_shape(const Shape& item) {
  Shape shape(Shape::Type::map);
  shape.item = &item;
  return shape;
}

Shape nullable_shape(const Shape& item) {
  Shape shape(Shape::Type::nullable);
  shape.item = &item;
  return shape;
}

Shape either_shape(std::vector<const Shape*> alternatives) {
  Shape shape(Shape::Type::either);
  shape.alternatives = std::move(alternatives);
  return shape;
}

}  // namespace gongji::detail
