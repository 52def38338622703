package dev.ocikit.generate;

import dev.ocikit.spec.runtime.LinuxBlockIO;
import dev.ocikit.spec.runtime.LinuxThrottleDevice;
import dev.ocikit.spec.runtime.LinuxWeightDevice;
import java.math.BigInteger;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Edits of {@code linux.resources.blockIO}: weights (10 to 1000) and per-device throttles. A device
 * is named by its major and minor numbers; each list holds one entry per device.
 *
 * @see <a
 *     href="https://github.com/opencontainers/runtime-spec/blob/v1.3.0/config-linux.md#block-io">config-linux.md#block-io</a>
 */
public final class BlockIoSettings {
  /** The four throttle lists. */
  public enum Throttle {
    /** {@code throttleReadBpsDevice}: bytes per second read. */
    READ_BPS(LinuxBlockIO::throttleReadBpsDevice, LinuxBlockIO::withThrottleReadBpsDevice),
    /** {@code throttleWriteBpsDevice}: bytes per second written. */
    WRITE_BPS(LinuxBlockIO::throttleWriteBpsDevice, LinuxBlockIO::withThrottleWriteBpsDevice),
    /** {@code throttleReadIOPSDevice}: read operations per second. */
    READ_IOPS(LinuxBlockIO::throttleReadIOPSDevice, LinuxBlockIO::withThrottleReadIOPSDevice),
    /** {@code throttleWriteIOPSDevice}: write operations per second. */
    WRITE_IOPS(LinuxBlockIO::throttleWriteIOPSDevice, LinuxBlockIO::withThrottleWriteIOPSDevice);

    private final Function<LinuxBlockIO, List<LinuxThrottleDevice>> get;
    private final BiFunction<LinuxBlockIO, List<LinuxThrottleDevice>, LinuxBlockIO> set;

    Throttle(
        Function<LinuxBlockIO, List<LinuxThrottleDevice>> get,
        BiFunction<LinuxBlockIO, List<LinuxThrottleDevice>, LinuxBlockIO> set) {
      this.get = get;
      this.set = set;
    }
  }

  private final ResourceSettings resources;

  BlockIoSettings(ResourceSettings resources) {
    this.resources = resources;
  }

  private BlockIoSettings edit(UnaryOperator<LinuxBlockIO> e) {
    resources.edit(
        r ->
            r.withBlockIO(
                e.apply(r.blockIO() == null ? LinuxBlockIO.builder().build() : r.blockIO())));
    return this;
  }

  /**
   * Sets {@code weight}, the default relative weight (10 to 1000).
   *
   * @param weight the relative weight, 10 to 1000
   * @return these settings, for chaining
   */
  public BlockIoSettings weight(int weight) {
    return edit(b -> b.withWeight(weight));
  }

  /**
   * Sets {@code leafWeight}, the weight against the cgroup's children (10 to 1000).
   *
   * @param weight the weight against the children, 10 to 1000
   * @return these settings, for chaining
   */
  public BlockIoSettings leafWeight(int weight) {
    return edit(b -> b.withLeafWeight(weight));
  }

  /**
   * Sets the weight and leaf weight (either may be null) of device {@code major:minor}, keeping a
   * value already set when the new one is null.
   *
   * @param major the device's major number
   * @param minor the device's minor number
   * @param weight the relative weight, 10 to 1000, or null to keep the current one
   * @param leafWeight the weight against the children, 10 to 1000, or null to keep the current one
   * @return these settings, for chaining
   */
  public BlockIoSettings weightDevice(long major, long minor, Integer weight, Integer leafWeight) {
    return edit(
        b -> {
          LinuxWeightDevice old = null;
          for (LinuxWeightDevice d :
              b.weightDevice() == null ? List.<LinuxWeightDevice>of() : b.weightDevice()) {
            old = same(d.major(), d.minor(), major, minor) ? d : old;
          }
          LinuxWeightDevice d =
              LinuxWeightDevice.builder()
                  .major(major)
                  .minor(minor)
                  .weight(weight != null || old == null ? weight : old.weight())
                  .leafWeight(leafWeight != null || old == null ? leafWeight : old.leafWeight())
                  .build();
          return b.withWeightDevice(
              ListEdits.replace(
                  b.weightDevice(), x -> same(x.major(), x.minor(), major, minor), d));
        });
  }

  /**
   * Removes the weights of device {@code major:minor}.
   *
   * @param major the device's major number
   * @param minor the device's minor number
   * @return these settings, for chaining
   */
  public BlockIoSettings removeWeightDevice(long major, long minor) {
    return edit(
        b ->
            b.withWeightDevice(
                ListEdits.remove(b.weightDevice(), x -> same(x.major(), x.minor(), major, minor))));
  }

  /**
   * Sets the {@code throttle} rate of device {@code major:minor}.
   *
   * @param throttle which limit: read or write, in bytes or operations per second
   * @param major the device's major number
   * @param minor the device's minor number
   * @param rate the limit, in bytes or operations per second as {@code throttle} says
   * @return these settings, for chaining
   */
  public BlockIoSettings throttle(Throttle throttle, long major, long minor, long rate) {
    LinuxThrottleDevice t =
        LinuxThrottleDevice.builder()
            .major(major)
            .minor(minor)
            .rate(BigInteger.valueOf(rate))
            .build();
    return edit(
        b ->
            throttle.set.apply(
                b,
                ListEdits.replace(
                    throttle.get.apply(b), x -> same(x.major(), x.minor(), major, minor), t)));
  }

  /**
   * Removes the {@code throttle} rate of device {@code major:minor}.
   *
   * @param throttle which limit to remove
   * @param major the device's major number
   * @param minor the device's minor number
   * @return these settings, for chaining
   */
  public BlockIoSettings removeThrottle(Throttle throttle, long major, long minor) {
    return edit(
        b ->
            throttle.set.apply(
                b,
                ListEdits.remove(
                    throttle.get.apply(b), x -> same(x.major(), x.minor(), major, minor))));
  }

  private static boolean same(Long major, Long minor, long wantMajor, long wantMinor) {
    return major != null && minor != null && major == wantMajor && minor == wantMinor;
  }
}
