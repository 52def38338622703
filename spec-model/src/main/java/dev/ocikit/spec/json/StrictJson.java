package dev.ocikit.spec.json;

import dev.ocikit.spec.file.FileTooLargeException;
import dev.ocikit.spec.file.InputFile;
import dev.ocikit.spec.json.JsonSyntaxException.Kind;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads strict JSON into a located tree. Rejects what RFC 8259 allows parsers to accept but I-JSON
 * (RFC 7493) forbids: other encodings than UTF-8, a byte order mark, duplicate member names,
 * escaped surrogates that do not pair up; plus trailing content and anything past {@link
 * JsonLimits}.
 */
public final class StrictJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final JsonLimits limits;
  private final JsonFactory factory;

  private StrictJson(JsonLimits limits) {
    this.limits = limits;
    this.factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(limits.maxDepth())
                    .maxStringLength(limits.maxStringLength())
                    .maxNameLength(limits.maxStringLength())
                    .maxDocumentLength(limits.maxDocumentBytes())
                    .build())
            .build();
  }

  /** {@return a reader with the default limits} */
  public static StrictJson reader() {
    return new StrictJson(JsonLimits.DEFAULT);
  }

  /**
   * {@return a reader with the given limits}
   *
   * @param limits the bounds on size, depth and string length
   */
  public static StrictJson reader(JsonLimits limits) {
    return new StrictJson(limits);
  }

  /**
   * Reads a file; the document's source is the path as given. The file must be a regular file
   * (checked before it is opened) and is read up to one byte past the size limit, no further.
   *
   * @param file the JSON file
   * @return the located tree
   * @throws JsonSyntaxException if the content is not strict JSON or larger than the limit
   * @throws dev.ocikit.spec.file.FileKindException if the path names a FIFO, a device, a socket or
   *     a directory
   */
  public JsonDocument read(Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = InputFile.read(file, limits.maxDocumentBytes());
    } catch (FileTooLargeException e) {
      throw new JsonSyntaxException(
          Kind.LIMIT,
          file.toString(),
          null,
          null,
          "document is larger than the limit of " + e.limit() + " bytes");
    }
    return read(bytes, file.toString());
  }

  /**
   * Reads bytes that must be UTF-8 JSON; {@code source} names them in errors and locations.
   *
   * @param bytes UTF-8 JSON
   * @param source the input's name for messages and locations
   * @return the located tree
   * @throws JsonSyntaxException if the bytes are not strict JSON or exceed the limits
   */
  public JsonDocument read(byte[] bytes, String source) throws JsonSyntaxException {
    if (bytes.length > limits.maxDocumentBytes()) {
      throw new JsonSyntaxException(
          Kind.LIMIT,
          source,
          null,
          null,
          "document is "
              + bytes.length
              + " bytes, more than the limit of "
              + limits.maxDocumentBytes());
    }
    String text = decodeUtf8(bytes, source);
    Map<String, Long> locations = new HashMap<>();
    try (JsonParser p = factory.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new JsonSyntaxException(
            Kind.SYNTAX, source, "", new JsonLocation(1, 1), "empty document, expected a value");
      }
      JsonNode root = new TreeBuilder(p, source, locations).value(first, "");
      JsonToken extra;
      JsonLocation trailing;
      try {
        extra = p.nextToken();
        trailing = at(p.currentTokenLocation());
      } catch (JacksonException e) {
        // Not even a token (a comment, a control character): still trailing content, located
        // where the tokenizer stopped.
        extra = JsonToken.NOT_AVAILABLE;
        trailing = e.getLocation() == null ? null : at(e.getLocation());
      }
      if (extra != null) {
        throw new JsonSyntaxException(
            Kind.TRAILING_CONTENT,
            source,
            null,
            trailing,
            "content after the end of the top-level value");
      }
      return new JsonDocument(source, root, locations);
    } catch (JacksonException e) {
      TokenStreamLocation loc = e.getLocation();
      String message = e.getOriginalMessage();
      Kind kind =
          message != null && message.contains("exceeds the maximum") ? Kind.LIMIT : Kind.SYNTAX;
      throw new JsonSyntaxException(kind, source, null, loc == null ? null : at(loc), message);
    }
  }

  static JsonLocation at(TokenStreamLocation loc) {
    return new JsonLocation(Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
  }

  private static String decodeUtf8(byte[] bytes, String source) throws JsonSyntaxException {
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xef
        && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf) {
      throw new JsonSyntaxException(
          Kind.ENCODING,
          source,
          null,
          new JsonLocation(1, 1),
          "byte order mark is not allowed: JSON text must be plain UTF-8 (RFC 8259 §8.1)");
    }
    // UTF-16/32 without a BOM put NUL bytes in the first characters of any JSON text (RFC 4627 §3).
    if (bytes.length >= 2 && (bytes[0] == 0 || bytes[1] == 0)) {
      throw new JsonSyntaxException(
          Kind.ENCODING,
          source,
          null,
          new JsonLocation(1, 1),
          "looks like UTF-16 or UTF-32 (NUL bytes at the start): JSON text must be UTF-8"
              + " (RFC 8259 §8.1)");
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      CharBuffer out = decoder.decode(in);
      return out.toString();
    } catch (CharacterCodingException e) {
      int offset = firstInvalidUtf8(bytes);
      throw new JsonSyntaxException(
          Kind.ENCODING,
          source,
          null,
          locateByte(bytes, offset),
          "invalid UTF-8 at byte offset " + offset + ": JSON text must be UTF-8 (RFC 8259 §8.1)");
    }
  }

  private static int firstInvalidUtf8(byte[] bytes) {
    CharsetDecoder d = StandardCharsets.UTF_8.newDecoder();
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    d.decode(in, out, true);
    return in.position();
  }

  private static JsonLocation locateByte(byte[] bytes, int offset) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
        column = 1;
      } else if ((bytes[i] & 0xc0) != 0x80) {
        column++;
      }
    }
    return new JsonLocation(line, column);
  }

  /** Builds the tree token by token, recording locations and refusing duplicate names. */
  private static final class TreeBuilder {
    private final JsonParser p;
    private final String source;
    private final Map<String, Long> locations;

    TreeBuilder(JsonParser p, String source, Map<String, Long> locations) {
      this.p = p;
      this.source = source;
      this.locations = locations;
    }

    JsonNode value(JsonToken t, String pointer) throws JsonSyntaxException {
      TokenStreamLocation loc = p.currentTokenLocation();
      locations.put(pointer, ((long) loc.getLineNr() << 32) | (loc.getColumnNr() & 0xffffffffL));
      switch (t) {
        case START_OBJECT:
          return object(pointer);
        case START_ARRAY:
          ArrayNode array = F.arrayNode();
          int index = 0;
          for (JsonToken next = p.nextToken(); next != JsonToken.END_ARRAY; next = p.nextToken()) {
            array.add(value(next, pointer + "/" + index++));
          }
          return array;
        case VALUE_STRING:
          return F.stringNode(unicode(p.getString(), "string", pointer, loc));
        case VALUE_NUMBER_INT:
          return switch (p.getNumberType()) {
            case INT -> F.numberNode(p.getIntValue());
            case LONG -> F.numberNode(p.getLongValue());
            default -> F.numberNode(p.getBigIntegerValue());
          };
        case VALUE_NUMBER_FLOAT:
          {
            // Keep the exact decimal (scale included) so 1.50 is written back as 1.50. An exponent
            // that cancels out (950e0) leaves scale 0, which is written back as 950 and read again
            // as an integer: read it as that integer now, so both readings bind alike.
            BigDecimal d = decimal(pointer, loc);
            if (d.scale() != 0) {
              return DecimalNode.valueOf(d);
            }
            java.math.BigInteger i = d.unscaledValue();
            return i.bitLength() < 32
                ? F.numberNode(i.intValue())
                : i.bitLength() < 64 ? F.numberNode(i.longValue()) : F.numberNode(i);
          }
        case VALUE_TRUE:
          return F.booleanNode(true);
        case VALUE_FALSE:
          return F.booleanNode(false);
        case VALUE_NULL:
          return F.nullNode();
        default:
          throw new JsonSyntaxException(
              Kind.SYNTAX, source, pointer, at(loc), "unexpected token " + t);
      }
    }

    /**
     * Returns {@code s} if it is Unicode text. An escape such as {@code "\\ud800"} can put a lone
     * surrogate in a string, which no UTF-8 text can hold: writing it back would lose it.
     */
    private String unicode(String s, String what, String pointer, TokenStreamLocation loc)
        throws JsonSyntaxException {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)
            && i + 1 < s.length()
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else if (Character.isSurrogate(c)) {
          throw new JsonSyntaxException(
              Kind.ENCODING,
              source,
              pointer,
              at(loc),
              String.format(
                  "%s has an unpaired surrogate \\u%04x: not Unicode text (I-JSON, RFC 7493 §2.1)",
                  what, (int) c));
        }
      }
      return s;
    }

    /**
     * The number as a decimal. An exponent beyond what a decimal's 32-bit scale holds ({@code
     * 1E4294967296}) is refused by Jackson with a bare {@code NumberFormatException}.
     */
    private BigDecimal decimal(String pointer, TokenStreamLocation loc) throws JsonSyntaxException {
      try {
        return p.getDecimalValue();
      } catch (NumberFormatException e) {
        String text = p.getString();
        throw new JsonSyntaxException(
            Kind.LIMIT,
            source,
            pointer,
            at(loc),
            "number "
                + (text.length() > 40 ? text.substring(0, 40) + "…" : text)
                + " is out of range: its exponent does not fit a decimal");
      }
    }

    private ObjectNode object(String pointer) throws JsonSyntaxException {
      ObjectNode object = F.objectNode();
      for (JsonToken next = p.nextToken(); next != JsonToken.END_OBJECT; next = p.nextToken()) {
        String name = p.currentName();
        String child = JsonPointers.child(pointer, name);
        unicode(name, "member name", child, p.currentTokenLocation());
        if (object.has(name)) {
          throw new JsonSyntaxException(
              Kind.DUPLICATE_KEY,
              source,
              child,
              at(p.currentTokenLocation()),
              "duplicate member name \""
                  + name
                  + "\" (I-JSON, RFC 7493 §2.3: names must be unique)");
        }
        object.set(name, value(p.nextToken(), child));
      }
      return object;
    }
  }
}
