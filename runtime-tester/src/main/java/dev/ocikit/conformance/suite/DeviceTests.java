package dev.ocikit.conformance.suite;

import java.util.List;
import tools.jackson.databind.JsonNode;

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

  static JsonNode config() {
    return Container.JSON.readTree(
        String.format(
            "[{\"path\":\"%s\",\"type\":\"c\",\"major\":%d,\"minor\":%d,"
                + "\"fileMode\":%d,\"uid\":%d,\"gid\":%d}]",
            PATH, MAJOR, MINOR, MODE, UID, GID));
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
              JsonNode d = o.intended().at("/linux/devices/0");
              // st_rdev of a small device number is (major << 8) | minor.
              String want =
                  "ok:mode="
                      + Integer.toOctalString(020000 | d.path("fileMode").asInt())
                      + ",rdev="
                      + ((d.path("major").asLong() << 8) | d.path("minor").asLong())
                      + ",uid="
                      + d.path("uid").asInt()
                      + ",gid="
                      + d.path("gid").asInt();
              String got = o.probe("stat:" + d.path("path").asString());
              return Verdict.expect(want.equals(got), want, got);
            }));
  }
}
