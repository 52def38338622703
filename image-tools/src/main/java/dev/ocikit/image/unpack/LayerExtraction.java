package dev.ocikit.image.unpack;

import dev.ocikit.image.UnpackException;
import dev.ocikit.image.UnpackLimitException;
import dev.ocikit.image.UnpackOptions;
import dev.ocikit.image.tar.SparseEntryException;
import dev.ocikit.image.tar.TarEntry;
import dev.ocikit.image.tar.TarException;
import dev.ocikit.image.tar.TarLimitException;
import dev.ocikit.image.tar.TarReader;
import dev.ocikit.spec.UntrustedText;
import dev.ocikit.spec.file.IoErrors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Applies the entries of one layer, in tar order, then fixes the times of touched directories. */
final class LayerExtraction {
  private final RootFs fs;
  private final RootResolver resolver;
  private final List<String> warnings;
  private final String layerLabel;
  private final LayerState state = new LayerState();
  private final Whiteouts whiteouts;
  private final EntryWriter writer;
  private final MetadataWriter metadata;

  LayerExtraction(
      RootFs fs,
      RootResolver resolver,
      UnpackOptions opts,
      List<String> warnings,
      String layerLabel,
      FreshInodes inodes) {
    this.fs = fs;
    this.resolver = resolver;
    this.warnings = warnings;
    this.layerLabel = layerLabel;
    this.whiteouts = new Whiteouts(fs, resolver, state);
    this.metadata = new MetadataWriter(fs, opts, state, warnings, inodes);
    this.writer = new EntryWriter(fs, resolver, metadata, warnings, opts.rootless());
  }

  /**
   * Applies every entry the reader returns. The reader has counted the entry against the limits
   * and, at the end, read what follows the end marker. Returns how many entries were applied
   * (whiteouts included).
   */
  long run(LayerStream layer) throws IOException {
    TarReader tar = layer.tar;
    String last = null;
    long applied = 0;
    while (true) {
      TarEntry e;
      try {
        e = tar.next();
      } catch (TarException ex) {
        throw refused(ex);
      } catch (IOException | RuntimeException ex) {
        throw new UnpackException(
            where(nextAfter(last)) + ": corrupt or truncated tar stream: " + ex.getMessage(), ex);
      }
      if (e == null) {
        if (tar.endMarkerMissing()) {
          // Accepted as umoci, bsdtar and Go's archive/tar accept it: every entry was complete.
          warnings.add(
              layerLabel
                  + ": the tar stream ends without its end-of-archive marker (an unclosed tar"
                  + " writer, as old umoci left it); every entry was complete and is applied");
        }
        break;
      }
      last = e.name();
      applied++;
      try {
        applyEntry(e, tar.body());
      } catch (UnpackException ex) {
        throw new UnpackException(where(quote(last)) + ": " + ex.getMessage(), ex.getCause());
      } catch (TarException ex) {
        throw refused(ex);
      } catch (IOException | RuntimeException ex) {
        throw new UnpackException(where(quote(last)) + ": " + IoErrors.describe(ex), ex);
      }
    }
    finishDirectories();
    return applied;
  }

  /** The reader's refusal, with the layer in front of the entry it names. */
  private UnpackException refused(TarException e) {
    if (e instanceof TarLimitException) {
      return new UnpackLimitException(where(e.getMessage()), e);
    }
    if (e instanceof SparseEntryException) {
      return new UnpackException(where(e.getMessage()), e);
    }
    return new UnpackException(
        where(e.where() + ": corrupt or truncated tar stream: " + e.problem()), e);
  }

  private String where(String entry) {
    return layerLabel + " " + entry;
  }

  private static String quote(String name) {
    return "entry " + UntrustedText.quote(name);
  }

  private static String nextAfter(String last) {
    return last == null ? "first entry" : "entry after " + UntrustedText.quote(last);
  }

  private void applyEntry(TarEntry e, InputStream body) throws IOException {
    FileNameEncoding.CURRENT.check(e.name(), "the name");
    FileNameEncoding.CURRENT.check(e.linkName(), "the link target");
    RootResolver.Target t = resolver.resolve(e.name());
    String where = where(quote(e.name()));
    if (Whiteouts.isWhiteout(t.name())) {
      String w = whiteouts.apply(t);
      if (w != null) {
        warnings.add(where + ": " + w);
      }
      return;
    }
    if (t.isRoot()) {
      if (e.type() != TarEntry.Type.DIRECTORY) {
        throw new UnpackException("refusing to replace the root directory with a non-directory");
      }
      metadata.apply(t, e, RootFs.Kind.DIRECTORY, where, false);
      return;
    }
    ensureParents(t.parentComponents());
    state.rememberDirTime(fs, t.parent(), String.join("/", t.parentComponents()));
    writer.write(t, e, body, where);
    state.markUpper(t.relative());
  }

  /** Creates missing parent directories, as {@code mkdir -p} would, for entries listed early. */
  private void ensureParents(List<String> comps) throws IOException {
    List<String> done = new ArrayList<>();
    for (String c : comps) {
      Path parent = resolver.hostPath(done);
      String parentRel = String.join("/", done);
      done.add(c);
      Path host = resolver.hostPath(done);
      RootFs.Kind k = fs.kind(host);
      if (k == RootFs.Kind.MISSING) {
        state.rememberDirTime(fs, parent, parentRel);
        fs.mkdir(host, 0777);
        metadata.implicitDirectory(host, parent);
        state.forgetDirTime(String.join("/", done));
        state.markUpper(String.join("/", done));
      } else if (k != RootFs.Kind.DIRECTORY) {
        throw new UnpackException(
            "parent " + UntrustedText.quote(String.join("/", done)) + " is not a directory");
      }
    }
  }

  /** Directory times last: creating children changed them while the layer was applied. */
  private void finishDirectories() throws IOException {
    DirectoryTimes.apply(fs, resolver, state.dirTimes(), layerLabel);
  }
}
