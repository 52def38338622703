package dev.ocikit.image.verify;

import dev.ocikit.spec.json.JsonDocument;

/**
 * Where a descriptor was found, for messages: the document holding it (null for a file that is not
 * parsed), the file name, a JSON pointer to the descriptor, and words such as {@code manifest
 * sha256:ab12… layers[2]}.
 *
 * @param document the parsed document, or null
 * @param file the file, relative to the layout root
 * @param pointer JSON pointer to the descriptor
 * @param words how messages name the descriptor
 */
record Place(JsonDocument document, String file, String pointer, String words) {
  /** A property of the descriptor at this place, e.g. {@code /layers/2/digest}. */
  Place child(String property) {
    return new Place(document, file, pointer + "/" + property, words + "." + property);
  }
}
