package dev.ocikit.validate.rules;

import dev.ocikit.validate.RuleInfo;
import dev.ocikit.validate.rules.annotations.ReservedNamespace;
import dev.ocikit.validate.rules.annotations.ReverseDomain;
import dev.ocikit.validate.rules.bundle.RootPathExists;
import dev.ocikit.validate.rules.hooks.HookEnvForm;
import dev.ocikit.validate.rules.hooks.HookPathAbsolute;
import dev.ocikit.validate.rules.linux.CpuQuotaPeriod;
import dev.ocikit.validate.rules.linux.CpusetList;
import dev.ocikit.validate.rules.linux.DeviceNumbers;
import dev.ocikit.validate.rules.linux.DevicePathUnique;
import dev.ocikit.validate.rules.linux.HostnameNeedsUtsNamespace;
import dev.ocikit.validate.rules.linux.IdMappingsNeedUserNamespace;
import dev.ocikit.validate.rules.linux.IpcSysctlNeedsIpcNamespace;
import dev.ocikit.validate.rules.linux.MaskedPathsAbsolute;
import dev.ocikit.validate.rules.linux.MemorySwapAtLeastLimit;
import dev.ocikit.validate.rules.linux.NamespacePathAbsolute;
import dev.ocikit.validate.rules.linux.NamespacesUnique;
import dev.ocikit.validate.rules.linux.NetSysctlNeedsNetworkNamespace;
import dev.ocikit.validate.rules.linux.ReadonlyPathsAbsolute;
import dev.ocikit.validate.rules.linux.SeccompErrnoRet;
import dev.ocikit.validate.rules.linux.SeccompListenerPath;
import dev.ocikit.validate.rules.linux.SeccompSyscallNames;
import dev.ocikit.validate.rules.linux.TimeOffsetsNeedTimeNamespace;
import dev.ocikit.validate.rules.mounts.DestinationAbsolute;
import dev.ocikit.validate.rules.mounts.DestinationRelativeDeprecated;
import dev.ocikit.validate.rules.mounts.IdMappingsOption;
import dev.ocikit.validate.rules.mounts.IdMappingsTogether;
import dev.ocikit.validate.rules.mounts.IdmapWithoutMappings;
import dev.ocikit.validate.rules.process.AmbientWithinPermittedAndInheritable;
import dev.ocikit.validate.rules.process.ArgsRequired;
import dev.ocikit.validate.rules.process.CapabilitiesKnown;
import dev.ocikit.validate.rules.process.CwdAbsolute;
import dev.ocikit.validate.rules.process.EffectiveWithinPermitted;
import dev.ocikit.validate.rules.process.EnvForm;
import dev.ocikit.validate.rules.process.RlimitSoftWithinHard;
import dev.ocikit.validate.rules.process.RlimitType;
import dev.ocikit.validate.rules.process.RlimitsUnique;
import dev.ocikit.validate.rules.process.UmaskRange;
import dev.ocikit.validate.rules.root.RootAbsentForHyperV;
import dev.ocikit.validate.rules.root.RootPathConventional;
import dev.ocikit.validate.rules.root.RootRequired;
import dev.ocikit.validate.rules.windows.RootPathVolumeGuid;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The explicit list of semantic rules. A rule that is not listed here does not run; a test checks
 * that every {@link ConfigRule} class is listed and has fixtures.
 */
public final class RuleRegistry {
  private static final List<ConfigRule> CONFIG_RULES =
      sorted(
          List.of(
              new AmbientWithinPermittedAndInheritable(),
              new ArgsRequired(),
              new CapabilitiesKnown(),
              new CwdAbsolute(),
              new EffectiveWithinPermitted(),
              new EnvForm(),
              new RlimitSoftWithinHard(),
              new RlimitType(),
              new RlimitsUnique(),
              new UmaskRange(),
              new DestinationAbsolute(),
              new DestinationRelativeDeprecated(),
              new IdMappingsOption(),
              new IdMappingsTogether(),
              new IdmapWithoutMappings(),
              new HookEnvForm(),
              new HookPathAbsolute(),
              new ReservedNamespace(),
              new ReverseDomain(),
              new CpuQuotaPeriod(),
              new CpusetList(),
              new DeviceNumbers(),
              new DevicePathUnique(),
              new HostnameNeedsUtsNamespace(),
              new IdMappingsNeedUserNamespace(),
              new IpcSysctlNeedsIpcNamespace(),
              new MaskedPathsAbsolute(),
              new MemorySwapAtLeastLimit(),
              new NamespacePathAbsolute(),
              new NamespacesUnique(),
              new NetSysctlNeedsNetworkNamespace(),
              new ReadonlyPathsAbsolute(),
              new SeccompErrnoRet(),
              new SeccompListenerPath(),
              new SeccompSyscallNames(),
              new TimeOffsetsNeedTimeNamespace(),
              new RootAbsentForHyperV(),
              new RootPathConventional(),
              new RootRequired(),
              new RootPathVolumeGuid(),
              new RootPathExists()));

  private RuleRegistry() {}

  /** Every config rule, sorted by id. */
  public static List<ConfigRule> configRules() {
    return CONFIG_RULES;
  }

  /** Metadata of every rule (core, schema keywords excluded, bundle and config), sorted by id. */
  public static List<RuleInfo> catalog() {
    List<RuleInfo> all = new ArrayList<>(CoreRules.all());
    all.add(BundleRules.CONFIG_PRESENT);
    CONFIG_RULES.forEach(r -> all.add(r.info()));
    all.sort(Comparator.comparing(RuleInfo::id));
    return all;
  }

  private static List<ConfigRule> sorted(List<ConfigRule> rules) {
    List<ConfigRule> copy = new ArrayList<>(rules);
    copy.sort(Comparator.comparing(r -> r.info().id()));
    return List.copyOf(copy);
  }
}
