package dev.ocikit.spec.mediatype;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MediaTypePropertiesTest {
  private static final String RESTRICTED_REST = "aZ09!#$&-^_.+";

  @Property
  void parseOfToStringIsIdentity(@ForAll("mediaTypes") MediaType type) {
    MediaType reparsed = MediaType.parse(type.toString());
    assertEquals(type, reparsed);
    assertEquals(type.toString(), reparsed.toString());
    assertEquals(type.parameters(), reparsed.parameters());
  }

  @Property
  void anyStringEitherParsesOrIsRejectedAsInvalid(@ForAll("mediaTypeLike") String text) {
    try {
      MediaType type = MediaType.parse(text);
      assertEquals(type, MediaType.parse(type.toString()));
    } catch (InvalidMediaTypeException e) {
      assertEquals(text, e.input());
    }
  }

  @Provide
  Arbitrary<MediaType> mediaTypes() {
    Arbitrary<String> name =
        Combinators.combine(
                Arbitraries.strings().withChars("aZ09").ofLength(1),
                Arbitraries.strings().withChars(RESTRICTED_REST).ofMaxLength(20))
            .as(String::concat);
    // Printable ASCII including quotes, backslashes and separators, so quoting is exercised.
    Arbitrary<String> value = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(12);
    Arbitrary<Map<String, String>> parameters =
        Arbitraries.maps(name.map(n -> n.toLowerCase()), value).ofMaxSize(3);
    return Combinators.combine(name, name, parameters)
        .as(
            (type, subtype, params) ->
                new MediaType(type.toLowerCase(), subtype.toLowerCase(), params));
  }

  @Provide
  Arbitrary<String> mediaTypeLike() {
    return Arbitraries.strings().withChars("ab/+.;= \"\\\t-A1").ofMaxLength(40);
  }
}
