package dev.ocikit.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Copy-on-write edits of the model's immutable lists; an absent list counts as empty. */
final class ListEdits {
  private ListEdits() {}

  /** {@code list} plus {@code item} at the end. */
  static <T> List<T> append(List<T> list, T item) {
    List<T> out = list == null ? new ArrayList<>() : new ArrayList<>(list);
    out.add(item);
    return out;
  }

  /** {@code list} plus {@code item} unless it is already there. */
  static <T> List<T> appendOnce(List<T> list, T item) {
    return list != null && list.contains(item) ? list : append(list, item);
  }

  /**
   * Replaces the first element that {@code same} matches with {@code item} (dropping later
   * matches), or appends it: for lists whose elements have a key, such as rlimit types.
   */
  static <T> List<T> replace(List<T> list, Predicate<T> same, T item) {
    List<T> out = new ArrayList<>();
    boolean placed = false;
    for (T t : list == null ? List.<T>of() : list) {
      if (!same.test(t)) {
        out.add(t);
      } else if (!placed) {
        out.add(item);
        placed = true;
      }
    }
    if (!placed) {
      out.add(item);
    }
    return out;
  }

  /** {@code list} without the elements {@code drop} matches; null stays null. */
  static <T> List<T> remove(List<T> list, Predicate<T> drop) {
    if (list == null) {
      return null;
    }
    List<T> out = new ArrayList<>(list);
    out.removeIf(drop);
    return out;
  }
}
