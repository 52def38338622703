package dev.ocikit.conformance.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which adaptations a host's mount table calls for; no root needed. */
class HostAdaptationsTest {
  private static final String ROOT = "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw\n";
  private static final String TMPFS =
      "30 27 0:26 / /sys/fs/cgroup ro,nosuid - tmpfs tmpfs ro,mode=755\n";
  private static final String MEMORY =
      "35 30 0:31 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n";
  private static final String UNIFIED =
      "31 30 0:27 / /sys/fs/cgroup/unified rw,nosuid shared:9 - cgroup2 cgroup2 rw\n";
  private static final String PURE_V2 = "31 27 0:27 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n";

  @Test
  void hybridHostGetsThePrivateNamespaceWithoutUnified() {
    List<HostAdaptation> a = HostAdaptations.forMountInfo(ROOT + TMPFS + UNIFIED + MEMORY);
    assertEquals(1, a.size());
    assertTrue(a.get(0).description().contains("/sys/fs/cgroup/unified"), a.get(0).description());
    List<String> p = a.get(0).prefix();
    assertEquals(List.of("unshare", "--mount", "--propagation", "unchanged"), p.subList(0, 4));
    // The unified mount is made private in the new namespace before it is unmounted, so the
    // unmount can never propagate to the host, and the script ends by exec'ing the runtime.
    String script = p.get(p.size() - 1);
    assertTrue(
        script.indexOf("--make-private /sys/fs/cgroup/unified")
            < script.indexOf("umount /sys/fs/cgroup/unified"),
        script);
    assertTrue(script.endsWith("exec \"$0\" \"$@\""), script);
  }

  @Test
  void pureHostsNeedNone() {
    assertEquals(List.of(), HostAdaptations.forMountInfo(ROOT + TMPFS + MEMORY));
    assertEquals(List.of(), HostAdaptations.forMountInfo(ROOT + PURE_V2));
    assertEquals(List.of(), HostAdaptations.forMountInfo("garbage\n\n- -\n"));
  }
}
