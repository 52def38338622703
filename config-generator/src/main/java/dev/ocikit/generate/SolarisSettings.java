package dev.ocikit.generate;

import dev.ocikit.spec.runtime.Solaris;
import dev.ocikit.spec.runtime.SolarisAnet;
import dev.ocikit.spec.runtime.SolarisCappedCPU;
import dev.ocikit.spec.runtime.SolarisCappedMemory;
import java.util.function.UnaryOperator;

/**
 * Edits of {@code solaris}: the zone's SMF milestone, privilege limit, caps and automatic network
 * interfaces. Sizes are strings with an optional K, M, G or T scale, as zonecfg takes them.
 *
 * @see <a
 *     href="https://github.com/opencontainers/runtime-spec/blob/v1.3.0/config-solaris.md">config-solaris.md</a>
 */
public final class SolarisSettings {
  private final ConfigGenerator g;

  SolarisSettings(ConfigGenerator g) {
    this.g = g;
  }

  private SolarisSettings edit(UnaryOperator<Solaris> e) {
    g.update(
        c -> c.withSolaris(e.apply(c.solaris() == null ? Solaris.builder().build() : c.solaris())));
    return this;
  }

  /**
   * Sets {@code milestone}, the SMF FMRI that must be online before the process starts.
   *
   * @param fmri the milestone's FMRI
   * @return these settings, for chaining
   */
  public SolarisSettings milestone(String fmri) {
    return edit(s -> s.withMilestone(fmri));
  }

  /**
   * Sets {@code limitpriv}, a comma-separated privilege set.
   *
   * @param privileges the privilege set, e.g. {@code default,!file_link_any}
   * @return these settings, for chaining
   */
  public SolarisSettings limitpriv(String privileges) {
    return edit(s -> s.withLimitpriv(privileges));
  }

  /**
   * Sets {@code maxShmMemory}, e.g. {@code 512m}.
   *
   * @param size the shared memory limit
   * @return these settings, for chaining
   */
  public SolarisSettings maxShmMemory(String size) {
    return edit(s -> s.withMaxShmMemory(size));
  }

  /**
   * Sets {@code cappedCPU.ncpus}, e.g. {@code 1.25} for 125% of one CPU.
   *
   * @param ncpus the CPU cap, in CPUs
   * @return these settings, for chaining
   */
  public SolarisSettings cappedCpuNcpus(String ncpus) {
    return edit(s -> s.withCappedCPU(SolarisCappedCPU.builder().ncpus(ncpus).build()));
  }

  /**
   * Sets {@code cappedMemory.physical}, keeping {@code swap}.
   *
   * @param size the physical memory cap
   * @return these settings, for chaining
   */
  public SolarisSettings cappedMemoryPhysical(String size) {
    return edit(s -> s.withCappedMemory(memory(s).withPhysical(size)));
  }

  /**
   * Sets {@code cappedMemory.swap}, keeping {@code physical}.
   *
   * @param size the swap cap
   * @return these settings, for chaining
   */
  public SolarisSettings cappedMemorySwap(String size) {
    return edit(s -> s.withCappedMemory(memory(s).withSwap(size)));
  }

  private static SolarisCappedMemory memory(Solaris s) {
    return s.cappedMemory() == null ? SolarisCappedMemory.builder().build() : s.cappedMemory();
  }

  /**
   * Appends an automatic network resource (a VNIC created when the container starts).
   *
   * @param anet the network resource to append
   * @return these settings, for chaining
   */
  public SolarisSettings anet(SolarisAnet anet) {
    return edit(s -> s.withAnet(ListEdits.append(s.anet(), anet)));
  }
}
