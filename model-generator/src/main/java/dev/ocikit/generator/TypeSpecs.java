package dev.ocikit.generator;

import java.util.List;

/** What the generator emits: records for objects, open enums for string enums. */
final class TypeSpecs {
  private TypeSpecs() {}

  /** One property of a record. */
  record Field(
      String jsonName,
      String javaName,
      JType type,
      String description,
      boolean required,
      String since) {}

  /** An object type. */
  record RecordSpec(
      String name, String description, String specUrl, String origin, List<Field> fields) {}

  /** A string enum that keeps unknown values. */
  record EnumSpec(String name, String description, String origin, List<String> values) {}
}
