package dev.ocikit.image.unpack;

import dev.ocikit.spec.UntrustedText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/** Applies the entries of one layer, in tar order, then fixes the times of touched directories. */
final class LayerExtraction {
  private final RootFs fs;
  private final RootResolver resolver;
  private final UnpackOptions opts;
  private final List<String> warnings;
  private final long[] entryCount;
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
      long[] entryCount,
      String layerLabel,
      FreshInodes inodes) {
    this.fs = fs;
    this.resolver = resolver;
    this.opts = opts;
    this.warnings = warnings;
    this.entryCount = entryCount;
    this.layerLabel = layerLabel;
    this.whiteouts = new Whiteouts(fs, resolver, state);
    this.metadata = new MetadataWriter(fs, opts, state, warnings, inodes);
    this.writer = new EntryWriter(fs, resolver, metadata, warnings, opts.rootless());
  }

  void run(LayerStream layer) throws IOException {
    String last = null;
    while (true) {
      TarArchiveEntry e;
      try {
        e = layer.tar.getNextEntry();
      } catch (UnpackLimitException ex) {
        throw new UnpackLimitException(where(nextAfter(last)) + ": " + ex.getMessage());
      } catch (IOException | RuntimeException ex) {
        throw new UnpackException(
            where(nextAfter(last)) + ": corrupt or truncated tar stream: " + ex.getMessage(), ex);
      }
      if (e == null) {
        break;
      }
      last = e.getName();
      try {
        applyEntry(e, layer);
      } catch (UnpackLimitException ex) {
        throw new UnpackLimitException(where(quote(last)) + ": " + ex.getMessage());
      } catch (UnpackException ex) {
        throw new UnpackException(where(quote(last)) + ": " + ex.getMessage(), ex.getCause());
      } catch (IOException | RuntimeException ex) {
        throw new UnpackException(where(quote(last)) + ": " + ex, ex);
      }
    }
    try {
      layer.drain();
    } catch (UnpackLimitException ex) {
      throw new UnpackLimitException(where("trailing data") + ": " + ex.getMessage());
    } catch (IOException ex) {
      throw new UnpackException(
          where("trailing data") + ": corrupt stream: " + ex.getMessage(), ex);
    }
    finishDirectories();
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

  private void applyEntry(TarArchiveEntry e, LayerStream layer) throws IOException {
    if (++entryCount[0] > opts.maxEntries()) {
      throw new UnpackLimitException("limit maxEntries=" + opts.maxEntries() + " exceeded");
    }
    checkLength(e.getName(), "name");
    checkLength(e.getLinkName(), "link target");
    RootResolver.Target t = resolver.resolve(e.getName());
    String where = where(quote(e.getName()));
    if (Whiteouts.isWhiteout(t.name())) {
      String w = whiteouts.apply(t);
      if (w != null) {
        warnings.add(where + ": " + w);
      }
      return;
    }
    if (t.isRoot()) {
      if (!EntryWriter.isDirectory(e)) {
        throw new UnpackException("refusing to replace the root directory with a non-directory");
      }
      metadata.apply(t, e, RootFs.Kind.DIRECTORY, where, false);
      return;
    }
    ensureParents(t.parentComponents());
    state.rememberDirTime(fs, t.parent(), String.join("/", t.parentComponents()));
    writer.write(t, e, layer.tar, where);
    state.markUpper(t.relative());
  }

  private void checkLength(String s, String what) throws UnpackLimitException {
    if (s != null && s.getBytes(StandardCharsets.UTF_8).length > opts.maxPathLength()) {
      throw new UnpackLimitException(
          "limit maxPathLength=" + opts.maxPathLength() + " exceeded by the entry's " + what);
    }
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
