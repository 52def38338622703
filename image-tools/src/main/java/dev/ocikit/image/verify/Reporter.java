package dev.ocikit.image.verify;

import dev.ocikit.check.FindingSink;
import dev.ocikit.check.Location;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.spec.DocumentType;
import dev.ocikit.spec.json.JsonDocument;
import dev.ocikit.validate.DocumentValidator;
import dev.ocikit.validate.schema.SchemaCatalog;
import java.util.ArrayList;
import java.util.List;

/**
 * A thread-safe front of one {@link FindingSink}: blob verification threads and the descriptor walk
 * report through it. File names are relative to the layout root ({@code index.json}, {@code
 * blobs/sha256/…}).
 */
final class Reporter {
  private final FindingSink sink;
  private final DocumentValidator documents;
  private final boolean requireAllBlobs;
  private final List<DocumentValidator.Parsed> deferred = new ArrayList<>();

  Reporter(FindingSink sink, DocumentValidator documents, boolean requireAllBlobs) {
    this.sink = sink;
    this.documents = documents;
    this.requireAllBlobs = requireAllBlobs;
  }

  /** Whether a referenced blob that is absent is an error (a completeness check). */
  boolean requireAllBlobs() {
    return requireAllBlobs;
  }

  /** A finding about a whole file, or about {@code pointer} in it when the pointer is not null. */
  void file(RuleInfo rule, String file, String pointer, String message) {
    synchronized (sink) {
      sink.add(rule, new Location(file, pointer, null, null), message);
    }
  }

  /** A finding at {@code pointer} in a parsed document, with line and column. */
  void at(RuleInfo rule, JsonDocument doc, String pointer, String message) {
    synchronized (sink) {
      sink.report(rule, doc, pointer, message);
    }
  }

  /** A finding at a place in the layout. */
  void at(RuleInfo rule, Place place, String message) {
    if (place.document() != null) {
      at(rule, place.document(), place.pointer(), message);
    } else {
      file(rule, place.file(), place.pointer(), message);
    }
  }

  /**
   * Strict JSON of one document; its schema and document rules wait for {@link #checkDeferred}, so
   * blob verification need not wait for schemas to compile. The located tree, or null when not
   * JSON.
   */
  JsonDocument check(byte[] bytes, String file, DocumentType type) {
    synchronized (sink) {
      DocumentValidator.Parsed parsed = documents.parse(bytes, file, type, sink);
      if (parsed.type() != null) {
        deferred.add(parsed);
      }
      return parsed.document();
    }
  }

  /** Runs the checks {@link #check} put off, on the calling thread. */
  void checkDeferred() {
    List<DocumentValidator.Parsed> todo;
    synchronized (sink) {
      todo = new ArrayList<>(deferred);
      deferred.clear();
    }
    for (DocumentValidator.Parsed parsed : todo) {
      SchemaCatalog.compile(parsed.type()); // outside the lock: blob threads keep reporting
      synchronized (sink) {
        documents.checkParsed(parsed, sink);
      }
    }
  }

  List<dev.ocikit.check.Finding> findings() {
    synchronized (sink) {
      return sink.findings();
    }
  }
}
