package dev.ocikit.cli.generate;

import dev.ocikit.cli.generate.CgroupValues.DeviceValue;
import dev.ocikit.generate.BlockIoSettings;
import dev.ocikit.generate.BlockIoSettings.Throttle;
import dev.ocikit.generate.ConfigGenerator;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options for {@code linux.resources.blockIO}; devices as MAJOR:MINOR:VALUE, -1 removes. */
final class BlockIoOptions {
  @Option(names = "--linux-blkio-weight", paramLabel = "N", description = "Weight, 10 to 1000.")
  Integer weight;

  @Option(
      names = "--linux-blkio-leaf-weight",
      paramLabel = "N",
      description = "Weight against child cgroups, 10 to 1000.")
  Integer leafWeight;

  @Option(
      names = "--linux-blkio-weight-device",
      paramLabel = "MAJOR:MINOR:WEIGHT",
      converter = CgroupValues.DeviceValueConverter.class,
      description = "Weight of one device.")
  List<DeviceValue> weightDevice = new ArrayList<>();

  @Option(
      names = "--linux-blkio-leaf-weight-device",
      paramLabel = "MAJOR:MINOR:WEIGHT",
      converter = CgroupValues.DeviceValueConverter.class,
      description = "Leaf weight of one device.")
  List<DeviceValue> leafWeightDevice = new ArrayList<>();

  @Option(
      names = "--linux-blkio-read-bps-device",
      paramLabel = "MAJOR:MINOR:RATE",
      converter = CgroupValues.DeviceValueConverter.class,
      description = "Read bytes per second from a device.")
  List<DeviceValue> readBps = new ArrayList<>();

  @Option(
      names = "--linux-blkio-write-bps-device",
      paramLabel = "MAJOR:MINOR:RATE",
      converter = CgroupValues.DeviceValueConverter.class,
      description = "Write bytes per second to a device.")
  List<DeviceValue> writeBps = new ArrayList<>();

  @Option(
      names = "--linux-blkio-read-iops-device",
      paramLabel = "MAJOR:MINOR:RATE",
      converter = CgroupValues.DeviceValueConverter.class,
      description = "Read operations per second from a device.")
  List<DeviceValue> readIops = new ArrayList<>();

  @Option(
      names = "--linux-blkio-write-iops-device",
      paramLabel = "MAJOR:MINOR:RATE",
      converter = CgroupValues.DeviceValueConverter.class,
      description = "Write operations per second to a device.")
  List<DeviceValue> writeIops = new ArrayList<>();

  void applyTo(ConfigGenerator g) {
    BlockIoSettings b = g.resources().blockIO();
    if (weight != null) {
      b.weight(weight);
    }
    if (leafWeight != null) {
      b.leafWeight(leafWeight);
    }
    for (DeviceValue d : weightDevice) {
      if (d.remove()) {
        b.removeWeightDevice(d.major(), d.minor());
      } else {
        b.weightDevice(d.major(), d.minor(), (int) d.value(), null);
      }
    }
    for (DeviceValue d : leafWeightDevice) {
      if (d.remove()) {
        b.removeWeightDevice(d.major(), d.minor());
      } else {
        b.weightDevice(d.major(), d.minor(), null, (int) d.value());
      }
    }
    throttle(b, Throttle.READ_BPS, readBps);
    throttle(b, Throttle.WRITE_BPS, writeBps);
    throttle(b, Throttle.READ_IOPS, readIops);
    throttle(b, Throttle.WRITE_IOPS, writeIops);
  }

  private static void throttle(BlockIoSettings b, Throttle t, List<DeviceValue> values) {
    for (DeviceValue d : values) {
      if (d.remove()) {
        b.removeThrottle(t, d.major(), d.minor());
      } else {
        b.throttle(t, d.major(), d.minor(), d.value());
      }
    }
  }

  String problem() {
    for (Integer w : new Integer[] {weight, leafWeight}) {
      if (w != null && (w < 10 || w > 1000)) {
        return "--linux-blkio-weight/--linux-blkio-leaf-weight: expected 10 to 1000 but got " + w;
      }
    }
    for (List<DeviceValue> l : List.of(weightDevice, leafWeightDevice)) {
      for (DeviceValue d : l) {
        if (!d.remove() && (d.value() < 10 || d.value() > 1000)) {
          return "--linux-blkio-weight-device/--linux-blkio-leaf-weight-device: expected a weight"
              + " of 10 to 1000 (or -1) but got "
              + d.value();
        }
      }
    }
    return null;
  }
}
