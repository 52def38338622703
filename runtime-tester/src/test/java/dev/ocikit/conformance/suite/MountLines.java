package dev.ocikit.conformance.suite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds mountinfo text in the format proc(5) documents ({@code ID PARENT MAJ:MIN ROOT POINT
 * MOUNT-OPTS [TAGS] - FSTYPE SOURCE SUPER-OPTS}) for the mount judges' tests, starting from a fresh
 * tmpfs ({@code rw,relatime}, superblock {@code rw}) and applying {@link MountExpect} tokens.
 */
final class MountLines {
  private final List<String> lines = new ArrayList<>();
  private final Map<String, String> refused = new LinkedHashMap<>();
  private int next = 100;

  /** Adds a mount at {@code point} showing each token (or its opposite when {@code negate}). */
  MountLines mount(String point, List<String> tokens, boolean negate) {
    return mount(point, "1", tokens, negate);
  }

  MountLines mount(String point, String parent, List<String> tokens, boolean negate) {
    Set<String> mnt = new LinkedHashSet<>(List.of("rw", "relatime"));
    Set<String> sb = new LinkedHashSet<>(List.of("rw"));
    Set<String> tags = new LinkedHashSet<>();
    for (String t : tokens) {
      boolean on = t.contains("+") != negate;
      String x = t.substring(t.indexOf(t.contains("+") ? '+' : '-') + 1);
      Set<String> target = t.startsWith("s") ? sb : t.startsWith("t") ? tags : mnt;
      String value = t.startsWith("t") && x.endsWith(":") ? x + "7" : x;
      if (on) {
        target.add(value);
        if (x.equals("ro") || x.equals("rw")) {
          target.remove(x.equals("ro") ? "rw" : "ro");
        }
      } else {
        target.remove(value);
        if (x.equals("ro") || x.equals("rw")) {
          target.add(x.equals("ro") ? "rw" : "ro");
        }
      }
    }
    String id = String.valueOf(next++);
    lines.add(
        id
            + " "
            + parent
            + " 0:"
            + id
            + " / "
            + point
            + " "
            + String.join(",", mnt)
            + (tags.isEmpty() ? "" : " " + String.join(" ", tags))
            + " - tmpfs tmpfs "
            + String.join(",", sb));
    return this;
  }

  /** Adds a raw line, for hand-written cases. */
  MountLines line(String line) {
    lines.add(line);
    return this;
  }

  MountLines refuse(String dest, String message) {
    refused.put(dest, message);
    return this;
  }

  MountOptionRun run() {
    return new MountOptionRun(MountInfo.parseAll(String.join("\n", lines)), refused);
  }
}
