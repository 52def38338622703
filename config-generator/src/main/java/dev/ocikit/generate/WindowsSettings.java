package dev.ocikit.generate;

import dev.ocikit.spec.runtime.Windows;
import dev.ocikit.spec.runtime.WindowsCPUResources;
import dev.ocikit.spec.runtime.WindowsHyperV;
import dev.ocikit.spec.runtime.WindowsMemoryResources;
import dev.ocikit.spec.runtime.WindowsNetwork;
import dev.ocikit.spec.runtime.WindowsResources;
import dev.ocikit.spec.runtime.WindowsStorageResources;
import java.math.BigInteger;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Edits of {@code windows}: layer folders, Hyper-V isolation, network and resource caps. The first
 * edit of a config without a {@code windows} object creates one with an empty layer list, which
 * must then be filled ({@link #layerFolders(List)}) for the config to be valid.
 *
 * @see <a
 *     href="https://github.com/opencontainers/runtime-spec/blob/v1.3.0/config-windows.md">config-windows.md</a>
 */
public final class WindowsSettings {
  private final ConfigGenerator g;

  WindowsSettings(ConfigGenerator g) {
    this.g = g;
  }

  private WindowsSettings edit(UnaryOperator<Windows> e) {
    g.update(
        c -> c.withWindows(e.apply(c.windows() == null ? Windows.builder().build() : c.windows())));
    return this;
  }

  private WindowsSettings resources(UnaryOperator<WindowsResources> e) {
    return edit(
        w -> w.withResources(e.apply(or(w.resources(), WindowsResources.builder().build()))));
  }

  private WindowsSettings network(UnaryOperator<WindowsNetwork> e) {
    return edit(w -> w.withNetwork(e.apply(or(w.network(), WindowsNetwork.builder().build()))));
  }

  private WindowsSettings cpu(UnaryOperator<WindowsCPUResources> e) {
    return resources(r -> r.withCpu(e.apply(or(r.cpu(), WindowsCPUResources.builder().build()))));
  }

  private WindowsSettings storage(UnaryOperator<WindowsStorageResources> e) {
    return resources(
        r -> r.withStorage(e.apply(or(r.storage(), WindowsStorageResources.builder().build()))));
  }

  private static <T> T or(T value, T empty) {
    return value == null ? empty : value;
  }

  /**
   * Replaces {@code layerFolders}: image layers topmost first, the scratch folder last.
   *
   * @param folders the layer folders, topmost first, scratch last
   * @return these settings, for chaining
   */
  public WindowsSettings layerFolders(List<String> folders) {
    return edit(w -> w.withLayerFolders(List.copyOf(folders)));
  }

  /**
   * Appends one layer folder.
   *
   * @param folder a layer folder's path on the host
   * @return these settings, for chaining
   */
  public WindowsSettings addLayerFolder(String folder) {
    return edit(w -> w.withLayerFolders(ListEdits.append(w.layerFolders(), folder)));
  }

  /**
   * Makes this a Hyper-V container whose utility VM image is at {@code utilityVmPath} (null lets
   * the runtime choose); removes {@code root}, which a Hyper-V container must not have.
   *
   * @param utilityVmPath the utility VM image folder, or null
   * @return these settings, for chaining
   */
  public WindowsSettings hyperv(String utilityVmPath) {
    edit(w -> w.withHyperv(WindowsHyperV.builder().utilityVMPath(utilityVmPath).build()));
    g.update(c -> c.withRoot(null));
    return this;
  }

  /**
   * Sets {@code servicing}: start in the mode that applies pending updates.
   *
   * @param servicing whether the container runs in servicing mode
   * @return these settings, for chaining
   */
  public WindowsSettings servicing(boolean servicing) {
    return edit(w -> w.withServicing(servicing));
  }

  /**
   * Sets {@code ignoreFlushesDuringBoot}.
   *
   * @param ignore whether disk flushes are ignored while the container boots
   * @return these settings, for chaining
   */
  public WindowsSettings ignoreFlushesDuringBoot(boolean ignore) {
    return edit(w -> w.withIgnoreFlushesDuringBoot(ignore));
  }

  /**
   * Replaces {@code network} as a whole.
   *
   * @param network the network settings
   * @return these settings, for chaining
   */
  public WindowsSettings network(WindowsNetwork network) {
    return edit(w -> w.withNetwork(network));
  }

  /**
   * Adds an HNS endpoint id to {@code network.endpointList}.
   *
   * @param endpointId an HNS endpoint id
   * @return these settings, for chaining
   */
  public WindowsSettings networkEndpoint(String endpointId) {
    return network(n -> n.withEndpointList(ListEdits.appendOnce(n.endpointList(), endpointId)));
  }

  /**
   * Adds a DNS suffix to {@code network.dnsSearchList}.
   *
   * @param suffix a DNS search suffix
   * @return these settings, for chaining
   */
  public WindowsSettings dnsSearch(String suffix) {
    return network(n -> n.withDnsSearchList(ListEdits.appendOnce(n.dnsSearchList(), suffix)));
  }

  /**
   * Sets {@code network.allowUnqualifiedDNSQuery}.
   *
   * @param allow whether unqualified DNS names are resolved
   * @return these settings, for chaining
   */
  public WindowsSettings allowUnqualifiedDnsQuery(boolean allow) {
    return network(n -> n.withAllowUnqualifiedDNSQuery(allow));
  }

  /**
   * Sets {@code network.networkSharedContainerName}.
   *
   * @param name the container whose network stack is shared
   * @return these settings, for chaining
   */
  public WindowsSettings networkSharedContainer(String name) {
    return network(n -> n.withNetworkSharedContainerName(name));
  }

  /**
   * Sets {@code network.networkNamespace}, the GUID of an HNS namespace to join.
   *
   * @param guid the HNS namespace's GUID
   * @return these settings, for chaining
   */
  public WindowsSettings networkNamespace(String guid) {
    return network(n -> n.withNetworkNamespace(guid));
  }

  /**
   * Sets {@code resources.memory.limit} in bytes.
   *
   * @param bytes the memory limit in bytes
   * @return these settings, for chaining
   */
  public WindowsSettings memoryLimit(long bytes) {
    WindowsMemoryResources m =
        WindowsMemoryResources.builder().limit(BigInteger.valueOf(bytes)).build();
    return resources(r -> r.withMemory(m));
  }

  /**
   * Replaces {@code resources.cpu} (set one of count, shares or maximum).
   *
   * @param cpu the CPU limits
   * @return these settings, for chaining
   */
  public WindowsSettings cpu(WindowsCPUResources cpu) {
    return resources(r -> r.withCpu(cpu));
  }

  /**
   * Sets {@code resources.cpu.count}, the number of CPUs.
   *
   * @param count the number of CPUs
   * @return these settings, for chaining
   */
  public WindowsSettings cpuCount(long count) {
    return cpu(c -> c.withCount(BigInteger.valueOf(count)));
  }

  /**
   * Sets {@code resources.cpu.shares} (0 to 10000).
   *
   * @param shares the relative CPU weight, 0 to 10000
   * @return these settings, for chaining
   */
  public WindowsSettings cpuShares(int shares) {
    return cpu(c -> c.withShares(shares));
  }

  /**
   * Sets {@code resources.cpu.maximum}, in hundredths of a percent of all CPUs (1 to 10000).
   *
   * @param maximum the CPU cap, 1 to 10000
   * @return these settings, for chaining
   */
  public WindowsSettings cpuMaximum(int maximum) {
    return cpu(c -> c.withMaximum(maximum));
  }

  /**
   * Replaces {@code resources.storage}.
   *
   * @param storage the storage limits
   * @return these settings, for chaining
   */
  public WindowsSettings storage(WindowsStorageResources storage) {
    return resources(r -> r.withStorage(storage));
  }

  /**
   * Sets {@code resources.storage.iops}.
   *
   * @param iops the most I/O operations per second
   * @return these settings, for chaining
   */
  public WindowsSettings storageIops(long iops) {
    return storage(s -> s.withIops(BigInteger.valueOf(iops)));
  }

  /**
   * Sets {@code resources.storage.bps}.
   *
   * @param bps the most bytes per second
   * @return these settings, for chaining
   */
  public WindowsSettings storageBps(long bps) {
    return storage(s -> s.withBps(BigInteger.valueOf(bps)));
  }

  /**
   * Sets {@code resources.storage.sandboxSize}, the minimum system drive size in bytes.
   *
   * @param bytes the minimum system drive size in bytes
   * @return these settings, for chaining
   */
  public WindowsSettings storageSandboxSize(long bytes) {
    return storage(s -> s.withSandboxSize(BigInteger.valueOf(bytes)));
  }
}
