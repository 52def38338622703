package dev.ocikit.cli.image;

import dev.ocikit.image.BundleCreator;
import dev.ocikit.image.BundleOptions;
import dev.ocikit.image.BundleResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code oci-tool bundle IMAGE[:REF] DEST}: unpack an image and convert its config. */
@Command(
    name = "bundle",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Create a runtime bundle from an image.",
      "%nCreate an OCI runtime bundle from an image: DEST/rootfs unpacked and verified as by 'unpack', DEST/config.json converted from the image config (image-spec conversion.md). Run it with e.g. 'runc run --bundle DEST ID'."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:bundle created",
      "1:verification failed, an image the spec says to refuse (rootfs.type other than layers), or the config cannot be converted (e.g. unknown user, relative WorkingDir)",
      "2:usage error, unreadable image, unsafe DEST, or no single image matches REF and --platform",
      "130:interrupted (143 for SIGTERM); the partial tree is removed"
    })
public final class BundleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "IMAGE[:REF]",
      description = "oci:DIR[:REF], oci-archive:FILE[:REF], or a layout dir or .tar.")
  String image;

  @Parameters(index = "1", paramLabel = "DEST", description = "Bundle directory, created 0700.")
  Path dest;

  @Mixin ImageOptions options;

  @Option(names = "--readonly-rootfs", description = "Set root.readonly in config.json.")
  boolean readonlyRootfs;

  @Option(
      names = "--oci-version",
      paramLabel = "VERSION",
      description =
          "ociVersion config.json declares (1.0.0 up to 1.3.0; default 1.3.0), for runtimes that"
              + " refuse newer configs.")
  String ociVersion;

  @Override
  public Integer call() {
    return Interruption.run(
        spec,
        cancellation -> {
          for (String name : new String[] {"rootfs", "config.json"}) {
            if (Files.exists(dest.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
              throw new IllegalArgumentException(dest.resolve(name) + " already exists");
            }
          }
          ImageArgument arg = options.image(image);
          boolean json = options.json();
          BundleOptions versioned =
              ociVersion == null
                  ? BundleOptions.defaults()
                  : BundleOptions.defaults().withOciVersion(ociVersion);
          BundleOptions bo =
              versioned
                  .withUnpack(options.unpackOptions().withCancellation(cancellation))
                  .withReadonlyRootfs(readonlyRootfs)
                  .withProgress(
                      ProgressBar.forTerminal(
                          !options.verbosity.quiet() && !json && ProgressBar.interactive(),
                          spec.commandLine().getErr()));
          BundleResult r = BundleCreator.create(arg.reference(), dest, bo);
          if (json) {
            spec.commandLine().getOut().println(ImageJson.bundle(arg, r).strip());
            spec.commandLine().getOut().flush();
            return 0;
          }
          for (String w : r.unpacked().warnings()) {
            spec.commandLine().getErr().println("warning: " + w);
          }
          if (!options.verbosity.quiet()) {
            spec.commandLine()
                .getOut()
                .println(
                    "bundle "
                        + r.bundle()
                        + " from "
                        + r.unpacked().image().manifestDescriptor().digest()
                        + ": "
                        + String.join(" ", r.config().process().args()));
            spec.commandLine().getOut().flush();
          }
          return 0;
        });
  }
}
