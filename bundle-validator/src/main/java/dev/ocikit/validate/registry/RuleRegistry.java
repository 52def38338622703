package dev.ocikit.validate.registry;

import dev.ocikit.check.RuleInfo;
import dev.ocikit.validate.rules.BundleRules;
import dev.ocikit.validate.rules.ConfigRule;
import dev.ocikit.validate.rules.CoreRules;
import dev.ocikit.validate.rules.DocumentRule;
import dev.ocikit.validate.rules.annotations.ImageAnnotationValues;
import dev.ocikit.validate.rules.annotations.ReservedNamespace;
import dev.ocikit.validate.rules.annotations.ReverseDomain;
import dev.ocikit.validate.rules.bundle.ArgsExecutableFound;
import dev.ocikit.validate.rules.bundle.RootPathExists;
import dev.ocikit.validate.rules.bundle.RootPathInsideBundle;
import dev.ocikit.validate.rules.documents.FeaturesHooksKnown;
import dev.ocikit.validate.rules.documents.FeaturesVersionRange;
import dev.ocikit.validate.rules.documents.StateBundleAbsolute;
import dev.ocikit.validate.rules.documents.StatePidRequired;
import dev.ocikit.validate.rules.freebsd.DevicePathRelative;
import dev.ocikit.validate.rules.freebsd.EnforceStatfsRange;
import dev.ocikit.validate.rules.freebsd.JailAddressesNumeric;
import dev.ocikit.validate.rules.freebsd.VnetAddresses;
import dev.ocikit.validate.rules.hooks.HookEnvForm;
import dev.ocikit.validate.rules.hooks.HookPathAbsolute;
import dev.ocikit.validate.rules.hooks.HookPathExecutable;
import dev.ocikit.validate.rules.hooks.HookPathResolves;
import dev.ocikit.validate.rules.image.ConfigEnvForm;
import dev.ocikit.validate.rules.image.DescriptorDataMatches;
import dev.ocikit.validate.rules.image.LayersNonEmpty;
import dev.ocikit.validate.rules.linux.CgroupResourceControllers;
import dev.ocikit.validate.rules.linux.CgroupUnifiedControllers;
import dev.ocikit.validate.rules.linux.CpuBurstWithinQuota;
import dev.ocikit.validate.rules.linux.CpuQuotaPeriod;
import dev.ocikit.validate.rules.linux.CpusetList;
import dev.ocikit.validate.rules.linux.DeviceNumbers;
import dev.ocikit.validate.rules.linux.DeviceNumbersUnique;
import dev.ocikit.validate.rules.linux.DevicePathUnique;
import dev.ocikit.validate.rules.linux.HostnameNeedsUtsNamespace;
import dev.ocikit.validate.rules.linux.HugepagePageSize;
import dev.ocikit.validate.rules.linux.IdMappingsNeedUserNamespace;
import dev.ocikit.validate.rules.linux.IntelRdtClosId;
import dev.ocikit.validate.rules.linux.IntelRdtL3CacheSchema;
import dev.ocikit.validate.rules.linux.IpcSysctlNeedsIpcNamespace;
import dev.ocikit.validate.rules.linux.MaskedPathsAbsolute;
import dev.ocikit.validate.rules.linux.MemoryPolicyModeArgs;
import dev.ocikit.validate.rules.linux.MemoryPolicyNodes;
import dev.ocikit.validate.rules.linux.MemoryReservationWithinLimit;
import dev.ocikit.validate.rules.linux.MemorySwapAtLeastLimit;
import dev.ocikit.validate.rules.linux.NamespacePathAbsolute;
import dev.ocikit.validate.rules.linux.NamespacesKernelSupported;
import dev.ocikit.validate.rules.linux.NamespacesUnique;
import dev.ocikit.validate.rules.linux.NetDeviceNames;
import dev.ocikit.validate.rules.linux.NetDeviceNamesUnique;
import dev.ocikit.validate.rules.linux.NetDevicesExist;
import dev.ocikit.validate.rules.linux.NetSysctlNeedsNetworkNamespace;
import dev.ocikit.validate.rules.linux.PersonalityFlags;
import dev.ocikit.validate.rules.linux.PidsLimit;
import dev.ocikit.validate.rules.linux.PriorityInterfacesExist;
import dev.ocikit.validate.rules.linux.RdmaLimitSet;
import dev.ocikit.validate.rules.linux.ReadonlyPathsAbsolute;
import dev.ocikit.validate.rules.linux.RealtimeRuntimeWithinPeriod;
import dev.ocikit.validate.rules.linux.RootfsPropagationValue;
import dev.ocikit.validate.rules.linux.SeccompErrnoRet;
import dev.ocikit.validate.rules.linux.SeccompKernelSupported;
import dev.ocikit.validate.rules.linux.SeccompListenerMetadata;
import dev.ocikit.validate.rules.linux.SeccompListenerPath;
import dev.ocikit.validate.rules.linux.SeccompSyscallNames;
import dev.ocikit.validate.rules.linux.SelinuxLabelForm;
import dev.ocikit.validate.rules.linux.SwappinessRange;
import dev.ocikit.validate.rules.linux.TimeOffsetsNeedTimeNamespace;
import dev.ocikit.validate.rules.linux.UnifiedKeyForm;
import dev.ocikit.validate.rules.linux.WeightDeviceSet;
import dev.ocikit.validate.rules.mounts.DestinationAbsolute;
import dev.ocikit.validate.rules.mounts.DestinationRelativeDeprecated;
import dev.ocikit.validate.rules.mounts.FilesystemTypeKnown;
import dev.ocikit.validate.rules.mounts.IdMappingsOption;
import dev.ocikit.validate.rules.mounts.IdMappingsTogether;
import dev.ocikit.validate.rules.mounts.IdmapWithoutMappings;
import dev.ocikit.validate.rules.process.AmbientWithinPermittedAndInheritable;
import dev.ocikit.validate.rules.process.ArgsRequired;
import dev.ocikit.validate.rules.process.CapabilitiesKernelKnown;
import dev.ocikit.validate.rules.process.CapabilitiesKnown;
import dev.ocikit.validate.rules.process.CwdAbsolute;
import dev.ocikit.validate.rules.process.EffectiveWithinPermitted;
import dev.ocikit.validate.rules.process.EnvForm;
import dev.ocikit.validate.rules.process.ExecCpuAffinityList;
import dev.ocikit.validate.rules.process.IoPriorityRange;
import dev.ocikit.validate.rules.process.RlimitSoftWithinHard;
import dev.ocikit.validate.rules.process.RlimitType;
import dev.ocikit.validate.rules.process.RlimitsUnique;
import dev.ocikit.validate.rules.process.SchedulerValues;
import dev.ocikit.validate.rules.process.UmaskRange;
import dev.ocikit.validate.rules.process.UserPosixIds;
import dev.ocikit.validate.rules.root.RootAbsentForHyperV;
import dev.ocikit.validate.rules.root.RootPathConventional;
import dev.ocikit.validate.rules.root.RootRequired;
import dev.ocikit.validate.rules.solaris.ResourceValueForms;
import dev.ocikit.validate.rules.windows.CommandLineRequired;
import dev.ocikit.validate.rules.windows.MountsNotNested;
import dev.ocikit.validate.rules.windows.RootPathVolumeGuid;
import dev.ocikit.validate.rules.windows.RootReadonly;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The explicit list of semantic rules. A rule that is not listed here does not run; a test checks
 * that every {@link ConfigRule} and {@link DocumentRule} class is listed and has fixtures.
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
              new ImageAnnotationValues(),
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
              new CapabilitiesKernelKnown(),
              new FilesystemTypeKnown(),
              new HookPathResolves(),
              new HookPathExecutable(),
              new CgroupUnifiedControllers(),
              new CgroupResourceControllers(),
              new NetDevicesExist(),
              new PriorityInterfacesExist(),
              new NamespacesKernelSupported(),
              new SeccompKernelSupported(),
              new ExecCpuAffinityList(),
              new IoPriorityRange(),
              new SchedulerValues(),
              new UserPosixIds(),
              new CommandLineRequired(),
              new RootReadonly(),
              new MountsNotNested(),
              new DeviceNumbersUnique(),
              new CpuBurstWithinQuota(),
              new SeccompListenerMetadata(),
              new PidsLimit(),
              new HugepagePageSize(),
              new RdmaLimitSet(),
              new WeightDeviceSet(),
              new UnifiedKeyForm(),
              new RootfsPropagationValue(),
              new SwappinessRange(),
              new IntelRdtL3CacheSchema(),
              new IntelRdtClosId(),
              new MemoryPolicyNodes(),
              new MemoryPolicyModeArgs(),
              new PersonalityFlags(),
              new NetDeviceNames(),
              new NetDeviceNamesUnique(),
              new SelinuxLabelForm(),
              new dev.ocikit.validate.rules.zos.NamespacesUnique(),
              new DevicePathRelative(),
              new EnforceStatfsRange(),
              new JailAddressesNumeric(),
              new VnetAddresses(),
              new ResourceValueForms(),
              new MemoryReservationWithinLimit(),
              new RealtimeRuntimeWithinPeriod(),
              new ArgsExecutableFound(),
              new RootPathExists(),
              new RootPathInsideBundle()));

  private static final List<DocumentRule> DOCUMENT_RULES =
      sortedDocumentRules(
          List.of(
              new StatePidRequired(),
              new StateBundleAbsolute(),
              new FeaturesVersionRange(),
              new FeaturesHooksKnown(),
              new DescriptorDataMatches(),
              new ConfigEnvForm(),
              new LayersNonEmpty()));

  private RuleRegistry() {}

  /** Every config rule, sorted by id. */
  public static List<ConfigRule> configRules() {
    return CONFIG_RULES;
  }

  /** Every rule over runtime state, features and image-spec documents, sorted by id. */
  public static List<DocumentRule> documentRules() {
    return DOCUMENT_RULES;
  }

  /**
   * Metadata of every rule (core, schema keywords excluded, bundle, config and document), sorted by
   * id.
   */
  public static List<RuleInfo> catalog() {
    List<RuleInfo> all = new ArrayList<>(CoreRules.all());
    all.add(BundleRules.CONFIG_PRESENT);
    CONFIG_RULES.forEach(r -> all.add(r.info()));
    DOCUMENT_RULES.forEach(r -> all.add(r.info()));
    all.sort(Comparator.comparing(RuleInfo::id));
    return all;
  }

  private static List<ConfigRule> sorted(List<ConfigRule> rules) {
    List<ConfigRule> copy = new ArrayList<>(rules);
    copy.sort(Comparator.comparing(r -> r.info().id()));
    return List.copyOf(copy);
  }

  private static List<DocumentRule> sortedDocumentRules(List<DocumentRule> rules) {
    List<DocumentRule> copy = new ArrayList<>(rules);
    copy.sort(Comparator.comparing(r -> r.info().id()));
    return List.copyOf(copy);
  }
}
