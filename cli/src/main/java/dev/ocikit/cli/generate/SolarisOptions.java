package dev.ocikit.cli.generate;

import dev.ocikit.generate.ConfigGenerator;
import dev.ocikit.generate.SolarisSettings;
import dev.ocikit.spec.runtime.SolarisAnet;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options for {@code solaris}, named as runtime-tools names them. */
final class SolarisOptions {
  private static final String SIZE = "\\d+(\\.\\d+)?[KMGTkmgt]?";

  @Option(names = "--solaris-milestone", paramLabel = "FMRI", description = "SMF milestone.")
  String milestone;

  @Option(names = "--solaris-limitpriv", paramLabel = "PRIVS", description = "Privilege limit.")
  String limitpriv;

  @Option(names = "--solaris-max-shm-memory", paramLabel = "SIZE", description = "e.g. 512m.")
  String maxShmMemory;

  @Option(
      names = "--solaris-anet",
      paramLabel = "JSON",
      converter = AnetConverter.class,
      description = "Add an anet resource, e.g. {\"linkname\": \"net0\"}.")
  List<SolarisAnet> anet = new ArrayList<>();

  @Option(names = "--solaris-capped-cpu-ncpus", paramLabel = "N", description = "e.g. 1.25.")
  String ncpus;

  @Option(names = "--solaris-capped-memory-physical", paramLabel = "SIZE")
  String physical;

  @Option(names = "--solaris-capped-memory-swap", paramLabel = "SIZE")
  String swap;

  /** A JSON anet object of the spec's properties. */
  static final class AnetConverter implements picocli.CommandLine.ITypeConverter<SolarisAnet> {
    @Override
    public SolarisAnet convert(String v) {
      SolarisAnet a = SpecConverters.json(v, SolarisAnet::fromJson, "a JSON anet object");
      if (!a.otherProperties().isEmpty()) {
        throw Values.expected("a JSON anet object with linkname, lowerLink…", v);
      }
      return a;
    }
  }

  void applyTo(ConfigGenerator g) {
    SolarisSettings s = g.solarisSettings();
    if (milestone != null) {
      s.milestone(milestone);
    }
    if (limitpriv != null) {
      s.limitpriv(limitpriv);
    }
    if (maxShmMemory != null) {
      s.maxShmMemory(maxShmMemory);
    }
    anet.forEach(s::anet);
    if (ncpus != null) {
      s.cappedCpuNcpus(ncpus);
    }
    if (physical != null) {
      s.cappedMemoryPhysical(physical);
    }
    if (swap != null) {
      s.cappedMemorySwap(swap);
    }
  }

  String problem() {
    for (String[] v :
        new String[][] {
          {"--solaris-max-shm-memory", maxShmMemory},
          {"--solaris-capped-cpu-ncpus", ncpus},
          {"--solaris-capped-memory-physical", physical},
          {"--solaris-capped-memory-swap", swap}
        }) {
      if (v[1] != null && !v[1].matches(SIZE)) {
        return v[0]
            + ": expected a number with an optional K, M, G or T scale but got '"
            + v[1]
            + "'";
      }
    }
    return null;
  }
}
