package dev.ocikit.cli;

import dev.ocikit.spec.DocumentType;
import java.util.Arrays;
import java.util.Iterator;

/** Completion candidates for {@code --type}. */
final class DocumentTypes implements Iterable<String> {
  @Override
  public Iterator<String> iterator() {
    return Arrays.stream(DocumentType.values()).map(DocumentType::id).iterator();
  }
}
