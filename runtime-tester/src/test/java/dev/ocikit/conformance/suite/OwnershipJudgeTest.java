package dev.ocikit.conformance.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ownership judges: unchanged owners pass, one chown fails and is named. */
class OwnershipJudgeTest {
  @Test
  void aChownedRootfsEntryIsNamed() {
    Map<String, String> before = Map.of("/", "0:0", "/bin", "0:0");
    assertEquals(List.of(), OwnershipTests.changedOwners(before, before));
    // Entries the runtime added (mount points) or that vanished are not owner changes.
    assertEquals(
        List.of(),
        OwnershipTests.changedOwners(before, Map.of("/", "0:0", "/bin", "<gone>", "/x", "1:1")));
    assertEquals(
        List.of("/bin 0:0 -> 100000:200000"),
        OwnershipTests.changedOwners(before, Map.of("/", "0:0", "/bin", "100000:200000")));
  }

  @Test
  void cgroupEntriesMustBeOwnedLikeTheirParent() {
    var dir = new OwnershipTests.Owned("/sys/fs/cgroup/pids/c", "0:0", "0:0");
    var procs = new OwnershipTests.Owned("/sys/fs/cgroup/pids/c/cgroup.procs", "0:0", "0:0");
    assertEquals(List.of(), OwnershipTests.ownedLikeParents(List.of(dir, procs)));
    var chowned =
        new OwnershipTests.Owned("/sys/fs/cgroup/pids/c/cgroup.procs", "100000:200000", "0:0");
    assertEquals(1, OwnershipTests.ownedLikeParents(List.of(dir, chowned)).size());
    assertEquals(1, OwnershipTests.ownedLikeParents(List.of()).size());
  }

  @Test
  void procCgroupLinesMapToTheirDirectories() {
    Path root = Path.of("/sys/fs/cgroup");
    assertEquals(root.resolve("cpu/a/b"), OwnershipTests.cgroupDir(root, "1:cpu,cpuacct:/a/b"));
    assertEquals(root.resolve("systemd/a"), OwnershipTests.cgroupDir(root, "9:name=systemd:/a"));
    assertNull(OwnershipTests.cgroupDir(root, "2:pids:/"));
    assertNull(OwnershipTests.cgroupDir(root, "garbage"));
  }

  @Test
  void ownersAreReadTwoLevelsDeep(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("bin/deep/deeper"));
    Map<String, String> owners = OwnershipTests.owners(root);
    assertTrue(owners.containsKey("/bin") && owners.containsKey("/bin/deep"), owners.toString());
    assertTrue(!owners.containsKey("/bin/deep/deeper"), owners.toString());
  }
}
