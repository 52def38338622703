package dev.ocikit.image.unpack;

import dev.ocikit.image.UnpackException;
import dev.ocikit.spec.UntrustedText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Applies {@code .wh.NAME} and {@code .wh..wh..opq} entries as image-spec layer.md says: they only
 * remove what lower layers put there. A path this layer created (or an ancestor of one) is spared
 * and searched instead, so the result does not depend on where the whiteout sits in the tar.
 */
final class Whiteouts {
  static final String PREFIX = ".wh.";
  static final String OPAQUE = ".wh..wh..opq";

  private final RootFs fs;
  private final RootResolver resolver;
  private final LayerState state;

  Whiteouts(RootFs fs, RootResolver resolver, LayerState state) {
    this.fs = fs;
    this.resolver = resolver;
    this.state = state;
  }

  static boolean isWhiteout(String baseName) {
    return baseName.startsWith(PREFIX);
  }

  /** Applies one whiteout entry; returns a warning or null. */
  String apply(RootResolver.Target t) throws IOException {
    String base = t.name();
    String dirRel = String.join("/", t.parentComponents());
    if (!base.equals(OPAQUE) && base.startsWith(PREFIX + PREFIX)) {
      return "ignored AUFS metadata entry " + UntrustedText.quote(base);
    }
    boolean opaque = base.equals(OPAQUE);
    String victim = opaque ? "" : base.substring(PREFIX.length());
    if (!opaque && (victim.isEmpty() || victim.equals(".") || victim.equals(".."))) {
      throw new UnpackException("invalid whiteout name " + UntrustedText.quote(base));
    }
    if (fs.kind(t.parent()) != RootFs.Kind.DIRECTORY) {
      return opaque ? null : "whiteout target does not exist (no parent directory)";
    }
    if (opaque) {
      for (Path child : fs.list(t.parent())) {
        removeLower(LayerState.child(dirRel, child.getFileName().toString()));
      }
      return null;
    }
    String rel = LayerState.child(dirRel, victim);
    if (fs.kind(t.parent().resolve(victim)) == RootFs.Kind.MISSING) {
      return "whiteout target " + UntrustedText.quote(rel) + " does not exist";
    }
    removeLower(rel);
    return null;
  }

  /** Removes the lower-layer part of {@code rel}; never follows symlinks (rel has none). */
  private void removeLower(String rel) throws IOException {
    List<String> comps = List.of(rel.split("/"));
    Path host = resolver.hostPath(comps);
    RootFs.Kind kind = fs.kind(host);
    if (kind == RootFs.Kind.MISSING) {
      return;
    }
    if (!state.isUpper(rel)) {
      int slash = rel.lastIndexOf('/');
      String parentRel = slash < 0 ? "" : rel.substring(0, slash);
      state.rememberDirTime(fs, host.getParent(), parentRel);
      fs.removeTree(host);
      return;
    }
    if (kind == RootFs.Kind.DIRECTORY) {
      for (Path child : fs.list(host)) {
        removeLower(LayerState.child(rel, child.getFileName().toString()));
      }
    }
  }
}
