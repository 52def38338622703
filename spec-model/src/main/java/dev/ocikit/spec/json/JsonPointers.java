package dev.ocikit.spec.json;

/** JSON pointers (RFC 6901) as findings and locations use them. */
public final class JsonPointers {
  private JsonPointers() {}

  /**
   * {@return the pointer to member {@code name} of the object at {@code parent}}
   *
   * @param parent the object's pointer
   * @param name the member's name, unescaped
   */
  public static String child(String parent, String name) {
    return parent + "/" + escape(name);
  }

  /**
   * {@return the pointer to element {@code index} of the array at {@code parent}}
   *
   * @param parent the array's pointer
   * @param index the element's index
   */
  public static String child(String parent, int index) {
    return parent + "/" + index;
  }

  /**
   * Escapes a member name for use as a pointer token ({@code ~} → {@code ~0}, {@code /} → {@code
   * ~1}).
   *
   * @param name the member name
   * @return the escaped token
   */
  public static String escape(String name) {
    if (name.indexOf('~') < 0 && name.indexOf('/') < 0) {
      return name;
    }
    return name.replace("~", "~0").replace("/", "~1");
  }
}
