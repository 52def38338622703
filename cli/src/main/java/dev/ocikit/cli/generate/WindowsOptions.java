package dev.ocikit.cli.generate;

import dev.ocikit.generate.ConfigGenerator;
import dev.ocikit.generate.WindowsSettings;
import dev.ocikit.spec.runtime.WindowsCPUResources;
import dev.ocikit.spec.runtime.WindowsNetwork;
import dev.ocikit.spec.runtime.WindowsStorageResources;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options for {@code windows}; JSON forms as runtime-tools takes them, typed forms beside. */
final class WindowsOptions {
  @Option(
      names = "--windows-layer-folders",
      paramLabel = "DIR",
      split = ",",
      description = "Layer folders, topmost first, scratch last (replaces the list).")
  List<String> layerFolders = new ArrayList<>();

  @Option(
      names = {"--windows-hyperv-utility-vm-path", "--windows-hyperv-utilityVMPath"},
      paramLabel = "DIR",
      description = "Hyper-V isolation with this utility VM image (removes root).")
  String utilityVmPath;

  @Option(names = "--windows-servicing", arity = "0..1", paramLabel = "BOOL")
  Boolean servicing;

  @Option(names = "--windows-ignore-flushes-during-boot", arity = "0..1", paramLabel = "BOOL")
  Boolean ignoreFlushes;

  @Option(
      names = "--windows-network",
      paramLabel = "JSON",
      description = "The network object as JSON (replaces it).")
  String network;

  @Option(names = "--windows-network-endpoint", paramLabel = "ID", split = ",")
  List<String> endpoints = new ArrayList<>();

  @Option(names = "--windows-network-dns-search", paramLabel = "SUFFIX", split = ",")
  List<String> dnsSearch = new ArrayList<>();

  @Option(names = "--windows-network-allow-unqualified-dns-query", arity = "0..1")
  Boolean allowUnqualified;

  @Option(names = "--windows-network-shared-container", paramLabel = "NAME")
  String sharedContainer;

  @Option(names = "--windows-network-namespace", paramLabel = "GUID")
  String networkNamespace;

  @Option(
      names = "--windows-resources-cpu",
      paramLabel = "JSON",
      description = "The CPU caps as JSON, e.g. {\"count\": 2} (replaces them).")
  String cpu;

  @Option(names = "--windows-resources-cpu-count", paramLabel = "N")
  Long cpuCount;

  @Option(names = "--windows-resources-cpu-shares", paramLabel = "N", description = "0 to 10000.")
  Integer cpuShares;

  @Option(names = "--windows-resources-cpu-maximum", paramLabel = "N", description = "1 to 10000.")
  Integer cpuMaximum;

  @Option(
      names = "--windows-resources-memory-limit",
      paramLabel = "BYTES",
      converter = Values.BytesConverter.class)
  Long memoryLimit;

  @Option(
      names = "--windows-resources-storage",
      paramLabel = "JSON",
      description = "The storage caps as JSON (replaces them).")
  String storage;

  @Option(names = "--windows-resources-storage-iops", paramLabel = "N")
  Long storageIops;

  @Option(names = "--windows-resources-storage-bps", paramLabel = "N")
  Long storageBps;

  @Option(
      names = "--windows-resources-storage-sandbox-size",
      paramLabel = "BYTES",
      converter = Values.BytesConverter.class)
  Long sandboxSize;

  void applyTo(ConfigGenerator g) {
    WindowsSettings w = g.windowsSettings();
    if (!layerFolders.isEmpty()) {
      w.layerFolders(layerFolders);
    }
    if (utilityVmPath != null) {
      w.hyperv(utilityVmPath);
    }
    if (servicing != null) {
      w.servicing(servicing);
    }
    if (ignoreFlushes != null) {
      w.ignoreFlushesDuringBoot(ignoreFlushes);
    }
    if (network != null) {
      w.network(SpecConverters.json(network, WindowsNetwork::fromJson, "JSON"));
    }
    endpoints.forEach(w::networkEndpoint);
    dnsSearch.forEach(w::dnsSearch);
    if (allowUnqualified != null) {
      w.allowUnqualifiedDnsQuery(allowUnqualified);
    }
    if (sharedContainer != null) {
      w.networkSharedContainer(sharedContainer);
    }
    if (networkNamespace != null) {
      w.networkNamespace(networkNamespace);
    }
    if (cpu != null) {
      w.cpu(SpecConverters.json(cpu, WindowsCPUResources::fromJson, "JSON"));
    }
    if (cpuCount != null) {
      w.cpuCount(cpuCount);
    }
    if (cpuShares != null) {
      w.cpuShares(cpuShares);
    }
    if (cpuMaximum != null) {
      w.cpuMaximum(cpuMaximum);
    }
    if (memoryLimit != null) {
      w.memoryLimit(memoryLimit);
    }
    if (storage != null) {
      w.storage(SpecConverters.json(storage, WindowsStorageResources::fromJson, "JSON"));
    }
    if (storageIops != null) {
      w.storageIops(storageIops);
    }
    if (storageBps != null) {
      w.storageBps(storageBps);
    }
    if (sandboxSize != null) {
      w.storageSandboxSize(sandboxSize);
    }
  }

  String problem() {
    String json = jsonProblem("--windows-network", network, WindowsNetwork::fromJson);
    json =
        json != null
            ? json
            : jsonProblem("--windows-resources-cpu", cpu, WindowsCPUResources::fromJson);
    json =
        json != null
            ? json
            : jsonProblem(
                "--windows-resources-storage", storage, WindowsStorageResources::fromJson);
    if (json != null) {
      return json;
    }
    if (cpuShares != null && (cpuShares < 0 || cpuShares > 10000)) {
      return "--windows-resources-cpu-shares: expected 0 to 10000 but got " + cpuShares;
    }
    if (cpuMaximum != null && (cpuMaximum < 1 || cpuMaximum > 10000)) {
      return "--windows-resources-cpu-maximum: expected 1 to 10000 but got " + cpuMaximum;
    }
    for (Long n : new Long[] {cpuCount, storageIops, storageBps, memoryLimit, sandboxSize}) {
      if (n != null && n < 0) {
        return "--windows-resources-*: expected a count of 0 or more but got " + n;
      }
    }
    return null;
  }

  private static String jsonProblem(
      String flag,
      String value,
      java.util.function.Function<
              tools.jackson.databind.JsonNode, ? extends dev.ocikit.spec.model.ModelObject>
          bind) {
    if (value == null) {
      return null;
    }
    try {
      if (!SpecConverters.json(value, bind, "JSON").otherProperties().isEmpty()) {
        return flag + ": expected a JSON object of the spec's properties but got '" + value + "'";
      }
      return null;
    } catch (picocli.CommandLine.TypeConversionException e) {
      return flag + ": expected a JSON object but got '" + value + "'";
    }
  }
}
