package dev.ocikit.cli.generate;

import dev.ocikit.cli.generate.Values.KeyValue;
import dev.ocikit.generate.ConfigGenerator;
import dev.ocikit.generate.LinuxSettings;
import dev.ocikit.spec.runtime.LinuxMemoryPolicy;
import dev.ocikit.spec.runtime.LinuxPersonality;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options for network devices, personality, memory policy and Intel RDT of {@code linux}. */
final class LinuxFeatureOptions {
  @Option(
      names = "--linux-net-device",
      paramLabel = "NAME[:NEWNAME]",
      description = "Move a host interface into the container (renamed to NEWNAME).")
  List<String> netDevices = new ArrayList<>();

  @Option(
      names = "--linux-net-device-remove",
      paramLabel = "NAME",
      description = "Stop moving a host interface into the container.")
  List<String> netDevicesRemove = new ArrayList<>();

  @Option(
      names = "--linux-personality",
      paramLabel = "DOMAIN[:FLAG,...]",
      converter = LinuxConverters.PersonalityConverter.class,
      description = "Execution domain LINUX or LINUX32, and personality flags.")
  LinuxPersonality personality;

  @Option(
      names = "--linux-memory-policy",
      paramLabel = "MODE[:NODES[:FLAG,...]]",
      converter = LinuxConverters.MemoryPolicyConverter.class,
      description = "NUMA memory policy, e.g. MPOL_BIND:0-1:MPOL_F_STATIC_NODES.")
  LinuxMemoryPolicy memoryPolicy;

  @Option(
      names = "--linux-intelRdt-closid",
      paramLabel = "ID",
      description = "resctrl group (CLOS) of the container.")
  String closId;

  @Option(
      names = {"--linux-intelRdt-l3-cache-schema", "--linux-intelRdt-l3CacheSchema"},
      paramLabel = "SCHEMA",
      description = "L3 cache schema, e.g. L3:0=ffff0;1=3ff.")
  String l3CacheSchema;

  @Option(
      names = {"--linux-intelRdt-mem-bw-schema", "--linux-intelRdt-memBwSchema"},
      paramLabel = "SCHEMA",
      description = "Memory bandwidth schema, e.g. MB:0=20;1=70.")
  String memBwSchema;

  @Option(
      names = "--linux-intelRdt-schemata",
      paramLabel = "LINE",
      description = "A resctrl schemata line (since 1.3.0), repeatable.")
  List<String> schemata = new ArrayList<>();

  @Option(
      names = "--linux-intelRdt-enable-monitoring",
      arity = "0..1",
      paramLabel = "BOOL",
      description = "Enable resctrl monitoring (true when given without a value).")
  Boolean monitoring;

  void applyTo(ConfigGenerator g) {
    LinuxSettings l = g.linuxSettings();
    netDevicesRemove.forEach(l::removeNetDevice);
    for (String d : netDevices) {
      KeyValue kv = netDevice(d);
      l.netDevice(kv.key(), kv.value());
    }
    if (personality != null) {
      l.personality(
          personality.domain(), personality.flags() == null ? List.of() : personality.flags());
    }
    if (memoryPolicy != null) {
      l.memoryPolicy(
          memoryPolicy.mode(),
          memoryPolicy.nodes(),
          memoryPolicy.flags() == null ? List.of() : memoryPolicy.flags());
    }
    if (closId != null) {
      l.intelRdtClosId(closId);
    }
    if (l3CacheSchema != null) {
      l.intelRdtL3CacheSchema(l3CacheSchema);
    }
    if (memBwSchema != null) {
      l.intelRdtMemBwSchema(memBwSchema);
    }
    schemata.forEach(l::intelRdtSchemata);
    if (monitoring != null) {
      l.intelRdtMonitoring(monitoring);
    }
  }

  private static KeyValue netDevice(String v) {
    int colon = v.indexOf(':');
    return colon < 0
        ? new KeyValue(v, null)
        : new KeyValue(v.substring(0, colon), v.substring(colon + 1));
  }

  String problem() {
    for (String d : netDevices) {
      if (!d.matches("[^:/\\s]{1,15}(:[^:/\\s]{1,15})?")) {
        return "--linux-net-device: expected NAME[:NEWNAME] (interface names of 1 to 15"
            + " characters, no '/' or space) but got '"
            + d
            + "'";
      }
    }
    if (memBwSchema != null && !memBwSchema.startsWith("MB:")) {
      return "--linux-intelRdt-mem-bw-schema: expected a schema starting with MB: but got '"
          + memBwSchema
          + "'";
    }
    for (String s : schemata) {
      if (s.isEmpty() || s.contains("\n")) {
        return "--linux-intelRdt-schemata: expected one non-empty line but got '" + s + "'";
      }
    }
    return null;
  }
}
