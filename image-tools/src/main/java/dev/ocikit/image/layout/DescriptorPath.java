package dev.ocikit.image.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The descriptors walked through from {@code index.json} down to the current one. Validation and
 * unpacking walk with it, so they accept the same graphs: a descriptor may be reached from many
 * places (two tags of one nested index, as {@code skopeo copy --all} writes them), but none may be
 * its own ancestor, and indexes nest at most {@link #MAX_INDEX_DEPTH} deep below {@code
 * index.json}.
 *
 * <p>With verified digests a cycle cannot be built (a blob would have to contain its own digest);
 * it takes a digest that lies or cannot be checked. The depth bound keeps a hostile chain of small
 * indexes from exhausting the stack.
 */
public final class DescriptorPath {
  /** How many indexes may nest below {@code index.json}. */
  public static final int MAX_INDEX_DEPTH = 8;

  private static final DescriptorPath ROOT = new DescriptorPath(List.of(), 0);

  private final List<String> digests;
  private final int indexDepth;

  private DescriptorPath(List<String> digests, int indexDepth) {
    this.digests = digests;
    this.indexDepth = indexDepth;
  }

  /** {@return the path of the descriptors listed in {@code index.json}} */
  public static DescriptorPath root() {
    return ROOT;
  }

  /**
   * Why walking into the document {@code digest} names is refused, or empty when it may be walked.
   *
   * @param isIndex whether it is an image index (which counts towards the depth)
   */
  public Optional<String> refusal(String digest, boolean isIndex) {
    if (digests.contains(digest)) {
      return Optional.of(
          "descriptor "
              + shortened(digest)
              + " is its own ancestor ("
              + describe(digest)
              + "): descriptors in a cycle");
    }
    if (isIndex && indexDepth >= MAX_INDEX_DEPTH) {
      return Optional.of(
          "indexes nested more than "
              + MAX_INDEX_DEPTH
              + " deep ("
              + describe(digest)
              + "); refused");
    }
    return Optional.empty();
  }

  /** {@return this path continued into {@code digest}; check {@link #refusal} first} */
  public DescriptorPath enter(String digest, boolean isIndex) {
    List<String> longer = new ArrayList<>(digests);
    longer.add(digest);
    return new DescriptorPath(List.copyOf(longer), indexDepth + (isIndex ? 1 : 0));
  }

  private String describe(String last) {
    StringBuilder s = new StringBuilder("index.json");
    for (String d : digests) {
      s.append(" > ").append(shortened(d));
    }
    return s.append(" > ").append(shortened(last)).toString();
  }

  private static String shortened(String digest) {
    int colon = digest.indexOf(':');
    return colon >= 0 && digest.length() > colon + 13
        ? digest.substring(0, colon + 13) + "…"
        : digest;
  }
}
