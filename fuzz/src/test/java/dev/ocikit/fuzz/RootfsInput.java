package dev.ocikit.fuzz;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import dev.ocikit.fuzz.Sections.Section;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A small root filesystem written from {@link Sections}: {@code === file PATH} (a regular file with
 * the section's content), {@code === dir PATH} and {@code === symlink PATH} (a symbolic link whose
 * target is the section's content, which may lead anywhere). PATH is relative; the writer creates
 * everything strictly inside the root, never through a link it made, and skips what it cannot
 * place.
 */
final class RootfsInput {
  private static final Pattern COMPONENT = Pattern.compile("[^/\\x00]{1,100}");

  private RootfsInput() {}

  static void write(List<Section> sections, Path root) throws IOException {
    for (Section s : sections) {
      Path p = place(root, s.argument());
      if (p == null) {
        continue;
      }
      try {
        switch (s.name()) {
          case "file" -> {
            try (OutputStream out =
                Files.newOutputStream(p, StandardOpenOption.CREATE_NEW, NOFOLLOW_LINKS)) {
              out.write(s.content());
            }
          }
          case "dir" -> Files.createDirectory(p);
          case "symlink" -> {
            String target = s.text();
            if (!target.isEmpty() && target.indexOf('\0') < 0) {
              Files.createSymbolicLink(p, Path.of(target));
            }
          }
          default -> {
            // not a rootfs section
          }
        }
      } catch (FileAlreadyExistsException taken) {
        // the first section for a path wins
      }
    }
  }

  /**
   * The host path of {@code unsafePath} with its missing parents made as real directories, or null
   * when it is not a plain relative path or a parent is anything but a real directory.
   */
  private static Path place(Path root, String unsafePath) throws IOException {
    String[] parts = unsafePath.split("/", -1);
    Path p = root;
    for (int i = 0; i < parts.length; i++) {
      if (!COMPONENT.matcher(parts[i]).matches() || parts[i].equals(".") || parts[i].equals("..")) {
        return null;
      }
      p = p.resolve(parts[i]);
      if (i < parts.length - 1) {
        if (!Files.exists(p, NOFOLLOW_LINKS)) {
          Files.createDirectory(p);
        } else if (!Files.isDirectory(p, NOFOLLOW_LINKS)) {
          return null;
        }
      }
    }
    return p;
  }
}
