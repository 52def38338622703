package dev.ocikit.generator;

import java.util.Locale;
import java.util.Set;

/** Turns schema names (property keys, enum values, $defs keys) into Java identifiers. */
final class Names {
  private static final Set<String> KEYWORDS =
      Set.of(
          "abstract",
          "assert",
          "boolean",
          "break",
          "byte",
          "case",
          "catch",
          "char",
          "class",
          "const",
          "continue",
          "default",
          "do",
          "double",
          "else",
          "enum",
          "extends",
          "final",
          "finally",
          "float",
          "for",
          "goto",
          "if",
          "implements",
          "import",
          "instanceof",
          "int",
          "interface",
          "long",
          "native",
          "new",
          "package",
          "private",
          "protected",
          "public",
          "return",
          "short",
          "static",
          "strictfp",
          "super",
          "switch",
          "synchronized",
          "this",
          "throw",
          "throws",
          "transient",
          "try",
          "void",
          "volatile",
          "while",
          "true",
          "false",
          "null",
          "record",
          "var",
          "yield",
          "sealed",
          "permits");

  /** Names the generated records already use for their own members. */
  private static final Set<String> RESERVED_MEMBERS =
      Set.of(
          "otherProperties",
          "toJson",
          "fromJson",
          "builder",
          "toBuilder",
          "hashCode",
          "toString",
          "equals",
          "getClass");

  private Names() {}

  static boolean isReserved(String javaName) {
    return KEYWORDS.contains(javaName) || RESERVED_MEMBERS.contains(javaName);
  }

  /** {@code ExposedPorts} → {@code exposedPorts}, {@code diff_ids} → {@code diffIds}. */
  static String camel(String raw) {
    String pascal = pascal(raw);
    if (pascal.isEmpty()) {
      return pascal;
    }
    // Leading acronyms (DNSSearchList) lower-case as a block: dnsSearchList.
    int upper = 0;
    while (upper < pascal.length() && Character.isUpperCase(pascal.charAt(upper))) {
      upper++;
    }
    if (upper <= 1) {
      return Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
    }
    int cut = upper == pascal.length() ? upper : upper - 1;
    return pascal.substring(0, cut).toLowerCase(Locale.ROOT) + pascal.substring(cut);
  }

  /** {@code diff_ids} → {@code DiffIds}, {@code os.version} → {@code OsVersion}. */
  static String pascal(String raw) {
    StringBuilder out = new StringBuilder();
    boolean upperNext = true;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        upperNext = true;
        continue;
      }
      if (out.length() == 0 && Character.isDigit(c)) {
        out.append('_');
      }
      out.append(upperNext ? Character.toUpperCase(c) : c);
      upperNext = false;
    }
    return out.toString();
  }

  /**
   * {@code SCMP_ACT_ALLOW} stays, {@code pid} → {@code PID}, {@code tar+gzip} → {@code TAR_GZIP}.
   */
  static String constant(String raw) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        if (i > 0
            && Character.isUpperCase(c)
            && Character.isLowerCase(raw.charAt(i - 1))
            && out.length() > 0) {
          out.append('_');
        }
        out.append(Character.toUpperCase(c));
      } else if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
        out.append('_');
      }
    }
    while (out.length() > 0 && out.charAt(out.length() - 1) == '_') {
      out.setLength(out.length() - 1);
    }
    if (out.length() == 0 || Character.isDigit(out.charAt(0))) {
      out.insert(0, "V_");
    }
    return out.toString();
  }

  /** Escapes text for a Java string literal. */
  static String literal(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** Escapes text for Javadoc. */
  static String doc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("*/", "*&#47;")
        .replace("@", "&#64;")
        .replace("\\u", "\\\\u");
  }
}
