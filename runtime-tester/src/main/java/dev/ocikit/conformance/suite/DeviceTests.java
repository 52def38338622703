package dev.ocikit.conformance.suite;

import dev.ocikit.check.Level;
import dev.ocikit.spec.runtime.LinuxDevice;
import dev.ocikit.spec.runtime.LinuxDeviceType;
import java.util.List;

/**
 * config-linux.md "Devices": a {@code linux.devices} entry exists in the container with its type,
 * major/minor, file mode and owner. Observed by {@code stat} in the shared observer container.
 */
final class DeviceTests {
  static final String PATH = "/dev/ocikit-null";
  static final int MAJOR = 1;
  static final int MINOR = 3;
  static final int MODE = 0640;
  static final int UID = 1000;
  static final int GID = 2000;

  private DeviceTests() {}

  static LinuxDevice config() {
    return LinuxDevice.builder()
        .path(PATH)
        .type(LinuxDeviceType.C)
        .major((long) MAJOR)
        .minor((long) MINOR)
        .fileMode((long) MODE)
        .uid((long) UID)
        .gid((long) GID)
        .build();
  }

  static List<SpecTest> all() {
    return List.of(
        SpecTest.of(
            "linux.devices.node",
            "config-linux.md",
            "devices",
            Level.MUST,
            "a configured device node exists with its type, major:minor, fileMode, uid and gid",
            ctx -> {
              Observation o = Observation.get(ctx);
              LinuxDevice d = o.intended().linux().devices().get(0);
              // st_rdev of a small device number is (major << 8) | minor.
              String want =
                  "ok:mode="
                      + Long.toOctalString(020000 | d.fileMode())
                      + ",rdev="
                      + ((d.major() << 8) | d.minor())
                      + ",uid="
                      + d.uid()
                      + ",gid="
                      + d.gid();
              String got = o.probe("stat:" + d.path());
              return Verdict.expect(want.equals(got), want, got);
            }));
  }
}
