package dev.ocikit.cli.image;

import dev.ocikit.image.Progress;
import dev.ocikit.image.UnpackedImage;
import dev.ocikit.image.Unpacker;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code oci-tool unpack IMAGE[:REF] DEST}: verify and unpack an image into DEST/rootfs. */
@Command(
    name = "unpack",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Unpack an image into DEST/rootfs, verifying every blob.",
      "%nUnpack one image of an OCI image layout directory or archive (.tar) into DEST/rootfs. Every blob digest and layer DiffID is verified while reading; on any failure no DEST/rootfs is left behind. IMAGE is oci:DIR[:REF], oci-archive:FILE[:REF] (as skopeo writes them) or a plain DIR or FILE[:REF]; REF is a ref.name annotation or @sha256:<hex>."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:unpacked",
      "1:verification failed (tampered or corrupt blob, DiffID mismatch, hostile layer) or an image the spec says to refuse (rootfs.type other than layers)",
      "2:usage error, unreadable image, unsafe DEST, or no single image matches REF and --platform",
      "130:interrupted (143 for SIGTERM); the partial tree is removed"
    })
public final class UnpackCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "IMAGE[:REF]",
      description = "oci:DIR[:REF], oci-archive:FILE[:REF], or a layout dir or .tar.")
  String image;

  @Parameters(index = "1", paramLabel = "DEST", description = "Created 0700; gets rootfs/.")
  Path dest;

  @Mixin ImageOptions options;

  @Override
  public Integer call() {
    return Interruption.run(
        spec,
        cancellation -> {
          Path rootfs = dest.resolve("rootfs");
          if (Files.exists(rootfs, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException(rootfs + " already exists");
          }
          ImageArgument arg = options.image(image);
          boolean json = options.json();
          Progress progress =
              ProgressBar.forTerminal(
                  !options.verbosity.quiet() && !json && ProgressBar.interactive(),
                  spec.commandLine().getErr());
          UnpackedImage u =
              Unpacker.unpack(
                  arg.reference(),
                  dest,
                  options.unpackOptions().withCancellation(cancellation).withProgress(progress));
          if (json) {
            spec.commandLine().getOut().println(ImageJson.unpack(arg, dest, u).strip());
            spec.commandLine().getOut().flush();
            return 0;
          }
          for (String w : u.warnings()) {
            spec.commandLine().getErr().println("warning: " + w);
          }
          if (!options.verbosity.quiet()) {
            spec.commandLine()
                .getOut()
                .println(
                    "unpacked "
                        + u.image().manifestDescriptor().digest()
                        + " ("
                        + u.image().manifest().layers().size()
                        + " layers) into "
                        + u.rootfs());
            spec.commandLine().getOut().flush();
          }
          return 0;
        });
  }
}
