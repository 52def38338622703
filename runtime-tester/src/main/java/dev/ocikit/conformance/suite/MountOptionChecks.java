package dev.ocikit.conformance.suite;

import java.util.ArrayList;
import java.util.List;

/**
 * The checks judged from {@link MountOptionRun}'s single container: per-option flags, recursive
 * options, propagation options, listed order, relative destinations and remount.
 */
final class MountOptionChecks {
  private MountOptionChecks() {}

  static List<SpecTest> all() {
    List<SpecTest> t = new ArrayList<>();
    t.addAll(MountFlagTests.all());
    t.addAll(RecursiveMountTests.all());
    t.addAll(PropagationOptionTests.all());
    t.addAll(MountOrderTests.all());
    return t;
  }
}
