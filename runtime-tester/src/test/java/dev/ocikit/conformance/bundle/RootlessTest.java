package dev.ocikit.conformance.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What the rootless mode does to a test's config, and what it refuses. */
class RootlessTest {
  private static final Rootless USER = new Rootless("ocikit-rootless", 999, 995);
  private static final String ID = "ocikit-ct-ab12-r0-t1-1";

  private static ConfigEditor fresh() {
    return new ConfigEditor(DefaultConfig.create(ID));
  }

  private static JsonNode adapted(Consumer<ConfigEditor> edit) {
    ConfigEditor c = fresh();
    edit.accept(c);
    USER.adapt(c, ID);
    return c.snapshot().toJson();
  }

  private static String refused(Consumer<ConfigEditor> edit) {
    ConfigEditor c = fresh();
    edit.accept(c);
    return assertThrows(NotApplicable.class, () -> USER.adapt(c, ID)).getMessage();
  }

  @Test
  void theDefaultConfigGetsAUserNamespaceMappingRootToTheUserAndNoCgroup() {
    JsonNode linux = adapted(c -> {}).path("linux");
    assertEquals(999, linux.path("uidMappings").get(0).path("hostID").asInt());
    assertEquals(0, linux.path("uidMappings").get(0).path("containerID").asInt());
    assertEquals(1, linux.path("uidMappings").get(0).path("size").asInt());
    assertEquals(995, linux.path("gidMappings").get(0).path("hostID").asInt());
    assertTrue(linux.path("namespaces").toString().contains("\"user\""), linux.toString());
    assertTrue(linux.path("cgroupsPath").isMissingNode(), linux.toString());
    assertTrue(linux.path("resources").isMissingNode(), linux.toString());
  }

  @Test
  void sysfsBecomesABindOfSysAndDevptsLosesTheTtyGroup() {
    JsonNode mounts = adapted(c -> {}).path("mounts");
    for (JsonNode m : mounts) {
      assertFalse("sysfs".equals(m.path("type").asString("")), m.toString());
      assertFalse(m.path("options").toString().contains("gid=5"), m.toString());
    }
    assertTrue(mounts.toString().contains("\"rbind\""), mounts.toString());
  }

  @Test
  void writingTwiceKeepsOneAdaptation() {
    ConfigEditor c = fresh();
    USER.adapt(c, ID);
    USER.adapt(c, ID);
    JsonNode linux = c.snapshot().toJson().path("linux");
    assertEquals(1, linux.path("uidMappings").size());
    long users = 0;
    for (JsonNode n : linux.path("namespaces")) {
      users += "user".equals(n.path("type").asString("")) ? 1 : 0;
    }
    assertEquals(1, users);
  }

  @Test
  void whatRootlessCannotGiveIsNotApplicableWithTheReason() {
    assertEquals(
        Rootless.NOT_APPLICABLE
            + "linux.resources.memory needs a cgroup an unprivileged user cannot write (cgroup v1)",
        refused(c -> c.generator().resources().memoryLimit(1 << 26)));
    assertTrue(refused(c -> c.user(1000, 1000, List.of(), null)).contains("uid 1000"));
    assertTrue(
        refused(c -> c.generator().linuxSettings().cgroupsPath("rel/path"))
            .contains("linux.cgroupsPath rel/path"));
    assertTrue(
        refused(c -> c.generator().linuxSettings().uidMapping(100000, 0, 65536))
            .contains("user namespace of its own"));
  }

  @Test
  void rootIsNoRootlessUser() {
    assertThrows(IllegalArgumentException.class, () -> new Rootless("root", 0, 0));
  }
}
