package dev.ocikit.generate;

import dev.ocikit.spec.runtime.LinuxCPU;
import dev.ocikit.spec.runtime.LinuxDeviceCgroup;
import dev.ocikit.spec.runtime.LinuxHugepageLimit;
import dev.ocikit.spec.runtime.LinuxInterfacePriority;
import dev.ocikit.spec.runtime.LinuxMemory;
import dev.ocikit.spec.runtime.LinuxNetwork;
import dev.ocikit.spec.runtime.LinuxPids;
import dev.ocikit.spec.runtime.LinuxRdma;
import dev.ocikit.spec.runtime.LinuxResources;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Edits of {@code linux.resources}: the cgroup limits. Memory values are bytes, CPU times
 * microseconds.
 *
 * @see <a
 *     href="https://github.com/opencontainers/runtime-spec/blob/v1.3.0/config-linux.md#control-groups">config-linux.md#control-groups</a>
 */
public final class ResourceSettings {
  private final ConfigGenerator g;

  ResourceSettings(ConfigGenerator g) {
    this.g = g;
  }

  /**
   * Edits of {@code blockIO}.
   *
   * @return the block I/O settings of this generator
   */
  public BlockIoSettings blockIO() {
    return new BlockIoSettings(this);
  }

  ResourceSettings edit(UnaryOperator<LinuxResources> e) {
    g.updateLinux(
        l ->
            l.withResources(
                e.apply(l.resources() == null ? LinuxResources.builder().build() : l.resources())));
    return this;
  }

  private ResourceSettings memory(UnaryOperator<LinuxMemory> e) {
    return edit(r -> r.withMemory(e.apply(or(r.memory(), LinuxMemory.builder().build()))));
  }

  private ResourceSettings cpu(UnaryOperator<LinuxCPU> e) {
    return edit(r -> r.withCpu(e.apply(or(r.cpu(), LinuxCPU.builder().build()))));
  }

  private static <T> T or(T value, T empty) {
    return value == null ? empty : value;
  }

  /**
   * Sets {@code memory.limit}; -1 means unlimited.
   *
   * @param bytes the memory limit in bytes, or -1
   * @return these settings, for chaining
   */
  public ResourceSettings memoryLimit(long bytes) {
    return memory(m -> m.withLimit(bytes));
  }

  /**
   * Sets {@code memory.swap}: memory plus swap; -1 means unlimited.
   *
   * @param bytes the memory-plus-swap limit in bytes, or -1
   * @return these settings, for chaining
   */
  public ResourceSettings memorySwap(long bytes) {
    return memory(m -> m.withSwap(bytes));
  }

  /**
   * Sets {@code memory.reservation}, the soft limit.
   *
   * @param bytes the soft limit in bytes
   * @return these settings, for chaining
   */
  public ResourceSettings memoryReservation(long bytes) {
    return memory(m -> m.withReservation(bytes));
  }

  /**
   * Sets {@code memory.swappiness} (0 to 100).
   *
   * @param swappiness how readily the kernel swaps the cgroup's pages, 0 to 100
   * @return these settings, for chaining
   */
  public ResourceSettings memorySwappiness(long swappiness) {
    return memory(m -> m.withSwappiness(BigInteger.valueOf(swappiness)));
  }

  /**
   * Sets {@code memory.kernel}, the kernel memory limit (not recommended: kernels ignore it).
   *
   * @param bytes the kernel memory limit in bytes
   * @return these settings, for chaining
   */
  public ResourceSettings memoryKernel(long bytes) {
    return memory(m -> m.withKernel(bytes));
  }

  /**
   * Sets {@code memory.kernelTCP} (not recommended: cgroup v2 has no such limit).
   *
   * @param bytes the kernel TCP buffer limit in bytes
   * @return these settings, for chaining
   */
  public ResourceSettings memoryKernelTcp(long bytes) {
    return memory(m -> m.withKernelTCP(bytes));
  }

  /**
   * Sets {@code memory.disableOOMKiller}.
   *
   * @param disable whether the OOM killer leaves the cgroup alone
   * @return these settings, for chaining
   */
  public ResourceSettings disableOomKiller(boolean disable) {
    return memory(m -> m.withDisableOOMKiller(disable));
  }

  /**
   * Sets {@code cpu.shares}, the relative weight.
   *
   * @param shares the relative CPU weight
   * @return these settings, for chaining
   */
  public ResourceSettings cpuShares(long shares) {
    return cpu(c -> c.withShares(BigInteger.valueOf(shares)));
  }

  /**
   * Sets {@code cpu.quota}: CPU time allowed per period.
   *
   * @param micros CPU time in microseconds per period, or -1 for no limit
   * @return these settings, for chaining
   */
  public ResourceSettings cpuQuota(long micros) {
    return cpu(c -> c.withQuota(micros));
  }

  /**
   * Sets {@code cpu.period}.
   *
   * @param micros the period in microseconds
   * @return these settings, for chaining
   */
  public ResourceSettings cpuPeriod(long micros) {
    return cpu(c -> c.withPeriod(BigInteger.valueOf(micros)));
  }

  /**
   * Sets {@code cpu.burst} (since 1.1.0).
   *
   * @param micros the extra CPU time in microseconds a period may borrow
   * @return these settings, for chaining
   */
  public ResourceSettings cpuBurst(long micros) {
    return cpu(c -> c.withBurst(BigInteger.valueOf(micros)));
  }

  /**
   * Sets {@code cpu.realtimeRuntime}.
   *
   * @param micros realtime CPU time in microseconds per period
   * @return these settings, for chaining
   */
  public ResourceSettings cpuRealtimeRuntime(long micros) {
    return cpu(c -> c.withRealtimeRuntime(micros));
  }

  /**
   * Sets {@code cpu.realtimePeriod}.
   *
   * @param micros the realtime period in microseconds
   * @return these settings, for chaining
   */
  public ResourceSettings cpuRealtimePeriod(long micros) {
    return cpu(c -> c.withRealtimePeriod(BigInteger.valueOf(micros)));
  }

  /**
   * Sets {@code cpu.cpus}, a cpuset list such as {@code 0-3,5}.
   *
   * @param list the CPUs the container may run on
   * @return these settings, for chaining
   */
  public ResourceSettings cpus(String list) {
    return cpu(c -> c.withCpus(list));
  }

  /**
   * Sets {@code cpu.mems}, a memory-node list such as {@code 0-1}.
   *
   * @param list the memory nodes the container may use
   * @return these settings, for chaining
   */
  public ResourceSettings mems(String list) {
    return cpu(c -> c.withMems(list));
  }

  /**
   * Sets {@code cpu.idle} (since 1.1.0): 1 makes the cgroup SCHED_IDLE.
   *
   * @param idle 1 for SCHED_IDLE, 0 for the normal policy
   * @return these settings, for chaining
   */
  public ResourceSettings cpuIdle(long idle) {
    return cpu(c -> c.withIdle(idle));
  }

  /**
   * Sets {@code pids.limit}; -1 means unlimited.
   *
   * @param limit the most tasks the cgroup may hold, or -1
   * @return these settings, for chaining
   */
  public ResourceSettings pidsLimit(long limit) {
    return edit(r -> r.withPids(or(r.pids(), LinuxPids.builder().build()).withLimit(limit)));
  }

  /**
   * Sets the cgroup v2 file {@code key} (e.g. {@code memory.high}) in {@code unified}.
   *
   * @param key the cgroup v2 file name
   * @param value what is written to it
   * @return these settings, for chaining
   */
  public ResourceSettings unified(String key, String value) {
    return edit(
        r -> {
          Map<String, String> u = new LinkedHashMap<>(or(r.unified(), Map.of()));
          u.put(key, value);
          return r.withUnified(u);
        });
  }

  /**
   * Appends a device cgroup rule; later rules override earlier ones.
   *
   * @param rule the rule to append
   * @return these settings, for chaining
   */
  public ResourceSettings deviceRule(LinuxDeviceCgroup rule) {
    return edit(r -> r.withDevices(ListEdits.append(r.devices(), rule)));
  }

  /**
   * Replaces the device cgroup rules.
   *
   * @param rules the rules, in order
   * @return these settings, for chaining
   */
  public ResourceSettings deviceRules(List<LinuxDeviceCgroup> rules) {
    return edit(r -> r.withDevices(rules));
  }

  /**
   * Removes the device cgroup rules equal to {@code rule}.
   *
   * @param rule the rule to remove
   * @return these settings, for chaining
   */
  public ResourceSettings removeDeviceRule(LinuxDeviceCgroup rule) {
    return edit(r -> r.withDevices(ListEdits.remove(r.devices(), rule::equals)));
  }

  /**
   * Sets {@code blockIO.weight} (10 to 1000); see {@link #blockIO()} for the rest.
   *
   * @param weight the relative weight, 10 to 1000
   * @return these settings, for chaining
   */
  public ResourceSettings blockIoWeight(int weight) {
    blockIO().weight(weight);
    return this;
  }

  /**
   * Sets the hugepage limit for {@code pageSize} (e.g. {@code 2MB}), replacing an earlier one.
   *
   * @param pageSize the hugepage size, e.g. {@code 2MB}
   * @param bytes the limit in bytes
   * @return these settings, for chaining
   */
  public ResourceSettings hugepageLimit(String pageSize, long bytes) {
    LinuxHugepageLimit h =
        LinuxHugepageLimit.builder().pageSize(pageSize).limit(BigInteger.valueOf(bytes)).build();
    return edit(
        r ->
            r.withHugepageLimits(
                ListEdits.replace(r.hugepageLimits(), x -> pageSize.equals(x.pageSize()), h)));
  }

  /**
   * Removes the hugepage limit for {@code pageSize}.
   *
   * @param pageSize the hugepage size, e.g. {@code 2MB}
   * @return these settings, for chaining
   */
  public ResourceSettings removeHugepageLimit(String pageSize) {
    return edit(
        r ->
            r.withHugepageLimits(
                ListEdits.remove(r.hugepageLimits(), x -> pageSize.equals(x.pageSize()))));
  }

  private ResourceSettings network(UnaryOperator<LinuxNetwork> e) {
    return edit(r -> r.withNetwork(e.apply(or(r.network(), LinuxNetwork.builder().build()))));
  }

  /**
   * Sets {@code network.classID}, the net_cls tag of the container's packets.
   *
   * @param classId the net_cls class id
   * @return these settings, for chaining
   */
  public ResourceSettings networkClassId(long classId) {
    return network(n -> n.withClassID(classId));
  }

  /**
   * Sets the net_prio priority of interface {@code name}, replacing an earlier one.
   *
   * @param name the interface's name
   * @param priority its priority
   * @return these settings, for chaining
   */
  public ResourceSettings networkPriority(String name, long priority) {
    LinuxInterfacePriority p =
        LinuxInterfacePriority.builder().name(name).priority(priority).build();
    return network(
        n -> n.withPriorities(ListEdits.replace(n.priorities(), x -> name.equals(x.name()), p)));
  }

  /**
   * Removes the priority of interface {@code name}.
   *
   * @param name the interface's name
   * @return these settings, for chaining
   */
  public ResourceSettings removeNetworkPriority(String name) {
    return network(
        n -> n.withPriorities(ListEdits.remove(n.priorities(), x -> name.equals(x.name()))));
  }

  /**
   * Sets the RDMA limits of {@code device} (e.g. {@code mlx5_1}); a null value leaves that limit
   * out.
   *
   * @param device the RDMA device's name
   * @param hcaHandles the most HCA handles, or null
   * @param hcaObjects the most HCA objects, or null
   * @return these settings, for chaining
   */
  public ResourceSettings rdma(String device, Long hcaHandles, Long hcaObjects) {
    LinuxRdma limit = LinuxRdma.builder().hcaHandles(hcaHandles).hcaObjects(hcaObjects).build();
    return edit(
        r -> {
          Map<String, LinuxRdma> m = new LinkedHashMap<>(or(r.rdma(), Map.of()));
          m.put(device, limit);
          return r.withRdma(m);
        });
  }
}
