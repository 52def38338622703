package dev.ocikit.spec.requirement;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** One line of a catalog file, checked field by field. */
final class CatalogLine {
  private static final Pattern SLUG = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)*");
  private static final Pattern ANCHOR = Pattern.compile("[a-z0-9-]*");
  private static final Pattern CHECK_ID = Pattern.compile("[A-Za-z0-9._-]+");

  private CatalogLine() {}

  static Requirement parse(SpecDocument doc, String line) {
    String[] cols = line.split("\t", -1);
    if (cols.length != 5) {
      throw new IllegalArgumentException("want 5 tab-separated columns, found " + cols.length);
    }
    String id = cols[0];
    String prefix = doc.idPrefix() + ".";
    if (!id.startsWith(prefix) || !SLUG.matcher(id.substring(prefix.length())).matches()) {
      throw new IllegalArgumentException(
          "id '" + id + "' is not " + prefix + "<lower-case-words>[.<more>]");
    }
    if (!ANCHOR.matcher(cols[1]).matches()) {
      throw new IllegalArgumentException("anchor '" + cols[1] + "' is not a heading anchor");
    }
    Keyword keyword = Keyword.parse(cols[2]);
    if (keyword == null) {
      throw new IllegalArgumentException("'" + cols[2] + "' is not an RFC 2119 keyword");
    }
    String summary = cols[3].trim();
    if (summary.length() < 10) {
      throw new IllegalArgumentException("summary of " + id + " is too short");
    }
    return new Requirement(id, doc, cols[1], keyword, summary, disposition(cols[4].trim()));
  }

  private static Disposition disposition(String text) {
    for (String kind : List.of("untestable:", "todo:")) {
      if (text.startsWith(kind)) {
        String reason = text.substring(kind.length()).trim();
        if (reason.length() < 10) {
          throw new IllegalArgumentException(kind + " needs a reason");
        }
        return kind.equals("todo:")
            ? new Disposition(List.of(), List.of(), List.of(), List.of(), null, reason)
            : new Disposition(List.of(), List.of(), List.of(), List.of(), reason, null);
      }
    }
    if (text.isEmpty()) {
      throw new IllegalArgumentException("no disposition");
    }
    List<String> schemas = new ArrayList<>();
    List<String> rules = new ArrayList<>();
    List<String> tests = new ArrayList<>();
    List<String> implemented = new ArrayList<>();
    for (String token : text.split(" +")) {
      int colon = token.indexOf(':');
      String kind = colon < 0 ? token : token.substring(0, colon);
      String value = colon < 0 ? "" : token.substring(colon + 1);
      switch (kind) {
        case "schema" -> {
          // a whole file is its root: the location the schema walk records for it
          String location = value.contains("#") ? value : value + "#";
          if (!location.contains(".schema.json#")) {
            throw new IllegalArgumentException("schema check '" + value + "' is not FILE#POINTER");
          }
          schemas.add(location);
        }
        case "rule" -> rules.add(checkId(value, token));
        case "test" -> tests.add(checkId(value, token));
        case "implemented" -> implemented.add(checkId(value, token));
        default -> throw new IllegalArgumentException("unknown disposition '" + token + "'");
      }
    }
    return new Disposition(schemas, rules, tests, implemented, null, null);
  }

  private static String checkId(String value, String token) {
    if (!CHECK_ID.matcher(value).matches()) {
      throw new IllegalArgumentException("'" + token + "' does not name an id");
    }
    return value;
  }
}
