package dev.ocikit.cli.generate;

import dev.ocikit.generate.CapabilitySet;
import dev.ocikit.generate.ConfigGenerator;
import dev.ocikit.generate.ProcessSettings;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options for {@code process.capabilities}; names as CAP_X, X or x. */
final class CapabilityOptions {
  @Option(
      names = "--cap-add",
      paramLabel = "CAP",
      split = ",",
      converter = SpecConverters.CapabilityConverter.class,
      description = "Add to the bounding, effective and permitted sets.")
  List<String> add = new ArrayList<>();

  @Option(
      names = "--process-cap-add",
      paramLabel = "CAP",
      split = ",",
      converter = SpecConverters.CapabilityConverter.class,
      description = "Add to all five sets (runtime-tools' --process-cap-add).")
  List<String> addAll = new ArrayList<>();

  @Option(
      names = {"--cap-drop", "--process-cap-drop"},
      paramLabel = "CAP",
      split = ",",
      converter = SpecConverters.CapabilityConverter.class,
      description = "Remove from all five sets.")
  List<String> drop = new ArrayList<>();

  @Option(names = "--process-cap-drop-all", description = "Empty all five sets first.")
  boolean dropAll;

  @Option(
      names = "--process-cap-add-ambient",
      paramLabel = "CAP",
      split = ",",
      converter = SpecConverters.CapabilityConverter.class,
      description = "Add to the ambient set.")
  List<String> addAmbient = new ArrayList<>();

  @Option(
      names = "--process-cap-add-bounding",
      paramLabel = "CAP",
      split = ",",
      converter = SpecConverters.CapabilityConverter.class,
      description = "Add to the bounding set.")
  List<String> addBounding = new ArrayList<>();

  @Option(
      names = "--process-cap-add-effective",
      paramLabel = "CAP",
      split = ",",
      converter = SpecConverters.CapabilityConverter.class,
      description = "Add to the effective set.")
  List<String> addEffective = new ArrayList<>();

  @Option(
      names = "--process-cap-add-inheritable",
      paramLabel = "CAP",
      split = ",",
      converter = SpecConverters.CapabilityConverter.class,
      description = "Add to the inheritable set.")
  List<String> addInheritable = new ArrayList<>();

  @Option(
      names = "--process-cap-add-permitted",
      paramLabel = "CAP",
      split = ",",
      converter = SpecConverters.CapabilityConverter.class,
      description = "Add to the permitted set.")
  List<String> addPermitted = new ArrayList<>();

  @Option(
      names = "--process-cap-drop-ambient",
      paramLabel = "CAP",
      split = ",",
      converter = SpecConverters.CapabilityConverter.class,
      description = "Remove from the ambient set.")
  List<String> dropAmbient = new ArrayList<>();

  @Option(
      names = "--process-cap-drop-bounding",
      paramLabel = "CAP",
      split = ",",
      converter = SpecConverters.CapabilityConverter.class,
      description = "Remove from the bounding set.")
  List<String> dropBounding = new ArrayList<>();

  @Option(
      names = "--process-cap-drop-effective",
      paramLabel = "CAP",
      split = ",",
      converter = SpecConverters.CapabilityConverter.class,
      description = "Remove from the effective set.")
  List<String> dropEffective = new ArrayList<>();

  @Option(
      names = "--process-cap-drop-inheritable",
      paramLabel = "CAP",
      split = ",",
      converter = SpecConverters.CapabilityConverter.class,
      description = "Remove from the inheritable set.")
  List<String> dropInheritable = new ArrayList<>();

  @Option(
      names = "--process-cap-drop-permitted",
      paramLabel = "CAP",
      split = ",",
      converter = SpecConverters.CapabilityConverter.class,
      description = "Remove from the permitted set.")
  List<String> dropPermitted = new ArrayList<>();

  @Option(names = "--process-cap-ambient-drop-all", description = "Empty the ambient set first.")
  boolean dropAllAmbient;

  @Option(names = "--process-cap-bounding-drop-all", description = "Empty the bounding set first.")
  boolean dropAllBounding;

  @Option(
      names = "--process-cap-effective-drop-all",
      description = "Empty the effective set first.")
  boolean dropAllEffective;

  @Option(
      names = "--process-cap-inheritable-drop-all",
      description = "Empty the inheritable set first.")
  boolean dropAllInheritable;

  @Option(
      names = "--process-cap-permitted-drop-all",
      description = "Empty the permitted set first.")
  boolean dropAllPermitted;

  /** Drops all first (if asked), then adds, then drops: a drop wins over an add. */
  void applyTo(ConfigGenerator g) {
    ProcessSettings p = g.process();
    if (dropAll) {
      p.dropAllCapabilities();
    }
    clear(p, dropAllAmbient, CapabilitySet.AMBIENT);
    clear(p, dropAllBounding, CapabilitySet.BOUNDING);
    clear(p, dropAllEffective, CapabilitySet.EFFECTIVE);
    clear(p, dropAllInheritable, CapabilitySet.INHERITABLE);
    clear(p, dropAllPermitted, CapabilitySet.PERMITTED);
    add.forEach(p::addCapability);
    for (String c : addAll) {
      for (CapabilitySet set : CapabilitySet.values()) {
        p.addCapability(set, c);
      }
    }
    addAmbient.forEach(c -> p.addCapability(CapabilitySet.AMBIENT, c));
    addBounding.forEach(c -> p.addCapability(CapabilitySet.BOUNDING, c));
    addEffective.forEach(c -> p.addCapability(CapabilitySet.EFFECTIVE, c));
    addInheritable.forEach(c -> p.addCapability(CapabilitySet.INHERITABLE, c));
    addPermitted.forEach(c -> p.addCapability(CapabilitySet.PERMITTED, c));
    drop.forEach(p::dropCapability);
    dropAmbient.forEach(c -> p.dropCapability(CapabilitySet.AMBIENT, c));
    dropBounding.forEach(c -> p.dropCapability(CapabilitySet.BOUNDING, c));
    dropEffective.forEach(c -> p.dropCapability(CapabilitySet.EFFECTIVE, c));
    dropInheritable.forEach(c -> p.dropCapability(CapabilitySet.INHERITABLE, c));
    dropPermitted.forEach(c -> p.dropCapability(CapabilitySet.PERMITTED, c));
  }

  private static void clear(ProcessSettings p, boolean wanted, CapabilitySet set) {
    if (wanted) {
      p.clearCapabilities(set);
    }
  }
}
