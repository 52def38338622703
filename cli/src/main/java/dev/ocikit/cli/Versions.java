package dev.ocikit.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: our version and the spec versions we implement. */
final class Versions implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Versions.class.getPackage().getImplementationVersion();
    return new String[] {
      "ocikit " + (v == null ? "dev" : v),
      "runtime-spec 1.0.0 to 1.3.0, image-spec 1.1.1 (+ blake3)"
    };
  }
}
