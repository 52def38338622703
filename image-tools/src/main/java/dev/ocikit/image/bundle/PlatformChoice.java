package dev.ocikit.image.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Picks one image among those a reference allowed: the asked platform if any; otherwise the only
 * image, else the host platform's, else an error listing the choices.
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
      if (m.size() == 1) {
        return m.get(0);
      }
      throw new ImageSelectionException(
          image
              + ": "
              + (m.isEmpty() ? "no image for platform " : "more than one image for platform ")
              + wanted
              + "; choices: "
              + list(m.isEmpty() ? candidates : m));
    }
    if (candidates.size() == 1) {
      return candidates.get(0);
    }
    PlatformSpec host = PlatformSpec.host();
    List<ImageResolver.Candidate> m = matching(candidates, host);
    if (m.size() == 1) {
      return m.get(0);
    }
    throw new ImageSelectionException(
        image
            + ": holds "
            + candidates.size()
            + " images"
            + (m.isEmpty() ? ", none for this host (" + host + ")" : "")
            + "; choose one with a reference or --platform: "
            + list(candidates));
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
