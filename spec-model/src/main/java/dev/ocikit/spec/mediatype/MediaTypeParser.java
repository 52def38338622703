package dev.ocikit.spec.mediatype;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parses {@code type "/" subtype *(OWS ";" OWS name "=" value)}: names are RFC 6838 section 4.2
 * restricted names, values an RFC 9110 token or quoted-string. Names are lowercased.
 */
final class MediaTypeParser {
  private static final int MAX_NAME = 127;
  private static final String RESTRICTED_EXTRA = "!#$&-^_.+";
  private static final String TOKEN_EXTRA = "!#$%&'*+-.^_`|~";

  private final String input;
  private int pos;

  private MediaTypeParser(String input) {
    this.input = input;
  }

  static MediaType parse(String unsafe) {
    return new MediaTypeParser(unsafe).mediaType();
  }

  private MediaType mediaType() {
    String type = restrictedName("type");
    expect('/', "expected '/' after the type");
    String subtype = restrictedName("subtype");
    Map<String, String> parameters = new LinkedHashMap<>();
    while (pos < input.length()) {
      skipWhitespace();
      expect(';', "expected ';' before a parameter");
      skipWhitespace();
      String name = restrictedName("parameter name");
      expect('=', "expected '=' after parameter " + name);
      String value = pos < input.length() && input.charAt(pos) == '"' ? quoted() : token();
      if (parameters.put(name, value) != null) {
        throw fail("parameter " + name + " appears twice");
      }
    }
    return new MediaType(type, subtype, parameters);
  }

  private String restrictedName(String what) {
    int start = pos;
    if (pos >= input.length() || !isAlphaNum(input.charAt(pos))) {
      throw fail(what + " must start with a letter or digit at index " + pos);
    }
    while (pos < input.length() && isRestricted(input.charAt(pos))) {
      pos++;
    }
    if (pos - start > MAX_NAME) {
      throw fail(what + " is longer than " + MAX_NAME + " characters");
    }
    return input.substring(start, pos).toLowerCase(Locale.ROOT);
  }

  private String token() {
    int start = pos;
    while (pos < input.length() && isToken(input.charAt(pos))) {
      pos++;
    }
    if (pos == start) {
      throw fail("parameter value is empty or has an invalid character at index " + pos);
    }
    return input.substring(start, pos);
  }

  private String quoted() {
    StringBuilder value = new StringBuilder();
    pos++; // opening quote
    while (pos < input.length()) {
      char c = input.charAt(pos++);
      if (c == '"') {
        return value.toString();
      }
      if (c == '\\' && pos < input.length()) {
        c = input.charAt(pos++);
      }
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        throw fail("control character in quoted parameter value");
      }
      value.append(c);
    }
    throw fail("unterminated quoted parameter value");
  }

  private void expect(char c, String detail) {
    if (pos >= input.length() || input.charAt(pos) != c) {
      throw fail(detail + " at index " + pos);
    }
    pos++;
  }

  private void skipWhitespace() {
    while (pos < input.length() && (input.charAt(pos) == ' ' || input.charAt(pos) == '\t')) {
      pos++;
    }
  }

  private InvalidMediaTypeException fail(String detail) {
    return new InvalidMediaTypeException(input, detail);
  }

  private static boolean isAlphaNum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static boolean isRestricted(char c) {
    return isAlphaNum(c) || RESTRICTED_EXTRA.indexOf(c) >= 0;
  }

  static boolean isToken(char c) {
    return isAlphaNum(c) || TOKEN_EXTRA.indexOf(c) >= 0;
  }
}
