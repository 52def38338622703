package dev.ocikit.cli.image;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code IMAGE[:REF]} operand: a layout directory or archive, then optionally {@code :NAME} (an
 * {@code org.opencontainers.image.ref.name}), {@code @sha256:…} or {@code :@sha256:…} (a digest).
 * The longest existing path wins, so a path that itself contains {@code :} still works.
 *
 * @param image the layout directory or archive
 * @param ref the reference, {@code @alg:hex} for a digest, or null
 */
record ImageArgument(Path image, String ref) {
  static ImageArgument parse(String arg) {
    if (Files.exists(Path.of(arg))) {
      return new ImageArgument(Path.of(arg), null);
    }
    for (int i = arg.length() - 1; i > 0; i--) {
      char c = arg.charAt(i);
      if ((c == ':' || c == '@') && Files.exists(Path.of(arg.substring(0, i)))) {
        String rest = arg.substring(i + 1);
        String ref = c == '@' ? "@" + rest : rest;
        return new ImageArgument(Path.of(arg.substring(0, i)), ref.isEmpty() ? null : ref);
      }
    }
    return new ImageArgument(Path.of(arg), null);
  }
}
