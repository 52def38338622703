package dev.ocikit.image.bundle;

import dev.ocikit.image.ImageSelectionException;
import dev.ocikit.image.PlatformSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Picks one image among those a reference allowed: the first entry for the asked platform if any;
 * otherwise the only image, else the first for the host platform, else an error listing the
 * choices.
 *
 * <p>"First" follows image-index.md: when several manifests match what the client requires, the
 * first matching entry should be used (index order, nested indexes walked depth first). That rule
 * speaks of entries for one image; matches carrying different {@code ref.name}s are different
 * images, and picking one by position would hide the user's ambiguity, so those are refused with
 * the names to choose from.
 *
 * @see <a
 *     href="https://github.com/opencontainers/image-spec/blob/v1.1.1/image-index.md#image-index-property-descriptions">
 *     image-index.md: manifests</a>
 */
final class PlatformChoice {
  private PlatformChoice() {}

  static ImageResolver.Candidate choose(
      String image, List<ImageResolver.Candidate> candidates, ImageQuery query)
      throws ImageSelectionException {
    if (candidates.isEmpty()) {
      throw new ImageSelectionException(image + ": the layout holds no image manifest");
    }
    PlatformSpec wanted = query.platform();
    if (wanted != null) {
      List<ImageResolver.Candidate> m = matching(candidates, wanted);
      if (m.isEmpty()) {
        throw new ImageSelectionException(
            image + ": no image for platform " + wanted + "; choices: " + list(candidates));
      }
      return first(image, m, wanted.toString(), "a reference");
    }
    if (candidates.size() == 1) {
      return candidates.get(0);
    }
    PlatformSpec host = PlatformSpec.host();
    List<ImageResolver.Candidate> m = matching(candidates, host);
    if (m.isEmpty()) {
      throw new ImageSelectionException(
          image
              + ": holds "
              + candidates.size()
              + " images, none for this host ("
              + host
              + "); choose one with a reference or --platform: "
              + list(candidates));
    }
    return first(image, m, host + " (this host)", "a reference or --platform");
  }

  /** The first of {@code matches}, when they are all entries of one name (or all unnamed). */
  private static ImageResolver.Candidate first(
      String image, List<ImageResolver.Candidate> matches, String platform, String how)
      throws ImageSelectionException {
    String name = matches.get(0).refName();
    if (matches.stream().allMatch(c -> Objects.equals(name, c.refName()))) {
      return matches.get(0);
    }
    throw new ImageSelectionException(
        image
            + ": "
            + matches.size()
            + " images for "
            + platform
            + " under different names; choose one with "
            + how
            + ": "
            + list(matches));
  }

  private static List<ImageResolver.Candidate> matching(
      List<ImageResolver.Candidate> candidates, PlatformSpec p) {
    List<ImageResolver.Candidate> out = new ArrayList<>();
    for (ImageResolver.Candidate c : candidates) {
      if (p.matches(c.p())) {
        out.add(c);
      }
    }
    return out;
  }

  private static String list(List<ImageResolver.Candidate> cs) {
    return cs.stream().map(ImageResolver.Candidate::label).collect(Collectors.joining(", "));
  }
}
