package dev.ocikit.conformance.suite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The explicit list of every conformance test, sorted by id. A test exists only if it is listed
 * here; the registry test checks ids are unique and metadata complete.
 */
public final class Registry {
  private Registry() {}

  /** {@return every registered test, sorted by id} */
  public static List<SpecTest> all() {
    List<SpecTest> tests = new ArrayList<>();
    tests.addAll(OperationErrorTests.all());
    tests.addAll(LifecycleTests.all());
    tests.addAll(KillDeleteTests.all());
    tests.addAll(DeleteForeignTests.all());
    tests.addAll(ConfigTests.all());
    tests.addAll(InvalidConfigTests.all());
    tests.addAll(HookTests.all());
    tests.addAll(HookNamespaces.all());
    tests.addAll(ObservationTests.all());
    tests.addAll(RlimitTests.all());
    tests.addAll(CapabilityTests.all());
    tests.addAll(NamespacedSysctlTests.all());
    tests.addAll(MountOptionTests.all());
    tests.addAll(MountOptionChecks.all());
    tests.addAll(CgroupTests.all());
    tests.addAll(CgroupResourceTests.all());
    tests.addAll(CgroupLimitTests.all());
    tests.addAll(CgroupExtraTests.all());
    tests.addAll(CgroupV2Tests.all());
    tests.addAll(UnifiedTests.all());
    tests.addAll(NamespaceTests.all());
    tests.addAll(UserNamespaceTests.all());
    tests.addAll(SeccompTests.all());
    tests.addAll(SeccompActionTests.all());
    tests.addAll(SeccompNotifyTests.all());
    tests.addAll(SeccompFlagTests.all());
    tests.addAll(MountPropagationTests.all());
    tests.addAll(IdmapMountTests.all());
    tests.addAll(LinuxProcessTests.all());
    tests.addAll(ProcessFieldTests.all());
    tests.addAll(ConsoleTests.all());
    tests.addAll(ProcessPriorityTests.all());
    tests.addAll(SecurityLabelTests.all());
    tests.addAll(DeviceTests.all());
    tests.addAll(LinuxConfigTests.all());
    tests.addAll(OwnershipTests.all());
    tests.addAll(LinuxNewerTests.all());
    tests.addAll(NetDeviceTests.all());
    tests.addAll(FeaturesTests.all());
    tests.addAll(FeaturesConfigTests.all());
    tests.sort(Comparator.comparing(SpecTest::id));
    return List.copyOf(tests);
  }
}
