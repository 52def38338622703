package dev.ocikit.cli.generate;

import dev.ocikit.cli.generate.Values.KeyValue;
import dev.ocikit.generate.ConfigGenerator;
import dev.ocikit.generate.ResourceSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import picocli.CommandLine.Option;

/** Options for {@code linux.resources}: memory, CPU, pids and cgroup v2 files. */
final class ResourceOptions {
  @Option(
      names = "--linux-mem-limit",
      paramLabel = "BYTES",
      converter = Values.BytesConverter.class,
      description = "Memory limit (e.g. 64m); -1 unlimited.")
  Long memLimit;

  @Option(
      names = "--linux-mem-swap",
      paramLabel = "BYTES",
      converter = Values.BytesConverter.class,
      description = "Memory plus swap limit.")
  Long memSwap;

  @Option(
      names = "--linux-mem-reservation",
      paramLabel = "BYTES",
      converter = Values.BytesConverter.class,
      description = "Memory soft limit.")
  Long memReservation;

  @Option(names = "--linux-mem-swappiness", paramLabel = "N", description = "0 to 100.")
  Long swappiness;

  @Option(names = "--linux-disable-oom-kill", description = "Disable the OOM killer.")
  boolean disableOomKill;

  @Option(names = "--linux-cpu-shares", paramLabel = "N", description = "Relative CPU weight.")
  Long cpuShares;

  @Option(names = "--linux-cpu-quota", paramLabel = "USEC", description = "CPU time per period.")
  Long cpuQuota;

  @Option(names = "--linux-cpu-period", paramLabel = "USEC", description = "CPU period.")
  Long cpuPeriod;

  @Option(names = "--linux-cpu-burst", paramLabel = "USEC", description = "CPU burst (1.1.0).")
  Long cpuBurst;

  @Option(names = "--linux-cpu-idle", paramLabel = "0|1", description = "SCHED_IDLE cgroup.")
  Long cpuIdle;

  @Option(names = "--linux-realtime-runtime", paramLabel = "USEC", description = "RT runtime.")
  Long rtRuntime;

  @Option(names = "--linux-realtime-period", paramLabel = "USEC", description = "RT period.")
  Long rtPeriod;

  @Option(names = "--linux-cpus", paramLabel = "LIST", description = "cpuset CPUs, e.g. 0-3,5.")
  String cpus;

  @Option(names = "--linux-mems", paramLabel = "LIST", description = "cpuset memory nodes.")
  String mems;

  @Option(names = "--linux-pids-limit", paramLabel = "N", description = "Max pids; -1 unlimited.")
  Long pidsLimit;

  @Option(
      names = "--linux-unified",
      paramLabel = "KEY=VALUE",
      converter = Values.KeyValueConverter.class,
      description = "cgroup v2 file value, e.g. memory.high=50M.")
  List<KeyValue> unified = new ArrayList<>();

  @Option(
      names = "--linux-mem-kernel-limit",
      paramLabel = "BYTES",
      converter = Values.BytesConverter.class,
      description = "Kernel memory limit (not recommended; kernels ignore it).")
  Long memKernel;

  @Option(
      names = "--linux-mem-kernel-tcp",
      paramLabel = "BYTES",
      converter = Values.BytesConverter.class,
      description = "Kernel TCP buffer limit (not recommended; no cgroup v2 equivalent).")
  Long memKernelTcp;

  void applyTo(ConfigGenerator g) {
    ResourceSettings r = g.resources();
    set(memLimit, r::memoryLimit);
    set(memSwap, r::memorySwap);
    set(memReservation, r::memoryReservation);
    set(swappiness, r::memorySwappiness);
    set(memKernel, r::memoryKernel);
    set(memKernelTcp, r::memoryKernelTcp);
    if (disableOomKill) {
      r.disableOomKiller(true);
    }
    set(cpuShares, r::cpuShares);
    set(cpuQuota, r::cpuQuota);
    set(cpuPeriod, r::cpuPeriod);
    set(cpuBurst, r::cpuBurst);
    set(cpuIdle, r::cpuIdle);
    set(rtRuntime, r::cpuRealtimeRuntime);
    set(rtPeriod, r::cpuRealtimePeriod);
    if (cpus != null) {
      r.cpus(cpus);
    }
    if (mems != null) {
      r.mems(mems);
    }
    set(pidsLimit, r::pidsLimit);
    unified.forEach(kv -> r.unified(kv.key(), kv.value()));
  }

  private static void set(Long value, LongConsumer setter) {
    if (value != null) {
      setter.accept(value);
    }
  }

  String problem() {
    if (swappiness != null && (swappiness < 0 || swappiness > 100)) {
      return "--linux-mem-swappiness: expected 0 to 100 but got " + swappiness;
    }
    if (cpuIdle != null && cpuIdle != 0 && cpuIdle != 1) {
      return "--linux-cpu-idle: expected 0 or 1 but got " + cpuIdle;
    }
    for (Long v : new Long[] {cpuShares, cpuPeriod, cpuBurst, rtPeriod}) {
      if (v != null && v < 0) {
        return "CPU shares, periods and burst must not be negative; got " + v;
      }
    }
    if (cpus != null && !cpus.matches("\\d+(-\\d+)?(,\\d+(-\\d+)?)*")) {
      return "--linux-cpus: expected a list such as 0-3,5 but got '" + cpus + "'";
    }
    if (mems != null && !mems.matches("\\d+(-\\d+)?(,\\d+(-\\d+)?)*")) {
      return "--linux-mems: expected a list such as 0-1 but got '" + mems + "'";
    }
    return null;
  }
}
