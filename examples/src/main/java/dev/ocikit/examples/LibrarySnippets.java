package dev.ocikit.examples;

import dev.ocikit.check.ValidationOptions;
import dev.ocikit.check.ValidationResult;
import dev.ocikit.generate.ConfigGenerator;
import dev.ocikit.image.ImageValidator;
import dev.ocikit.spec.OciJson;
import dev.ocikit.spec.digest.Digest;
import dev.ocikit.spec.runtime.RuntimeConfig;
import dev.ocikit.validate.BundleValidator;
import dev.ocikit.validator.OciValidator;
import dev.ocikit.validator.ValidatorOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The code block of README.md's "Using the library", verbatim between the markers, run from a
 * directory holding {@code bundle/} and {@code image-layout/}. Keep the two in step: the README
 * shows what this class compiles.
 */
public final class LibrarySnippets {
  /**
   * What the snippet made, for the test to check.
   *
   * @param changed the config written back
   * @param r the bundle's validation result
   * @param i the image layout's validation result
   * @param fresh the generated config
   * @param d the parsed digest
   * @param any the same image layout validated by the one entry point, which tells what it is
   */
  public record Results(
      RuntimeConfig changed,
      ValidationResult r,
      ValidationResult i,
      RuntimeConfig fresh,
      Digest d,
      ValidationResult any) {}

  private LibrarySnippets() {}

  /**
   * Runs the README's snippet in the current working directory.
   *
   * @return what each line made
   * @throws IOException if {@code bundle/} or {@code image-layout/} cannot be read
   */
  public static Results run() throws IOException {
    // README snippet begins
    RuntimeConfig config = OciJson.read(Path.of("bundle/config.json"), RuntimeConfig::fromJson);
    RuntimeConfig changed = config.withHostname("web")
        .withProcess(config.process().toBuilder().args(List.of("nginx", "-g", "daemon off;")).build());
    OciJson.write(Path.of("bundle/config.json"), changed);     // atomic; unknown fields kept

    ValidationResult r = BundleValidator.validate(Path.of("bundle"), ValidationOptions.DEFAULT);
    ValidationResult i = ImageValidator.validate(Path.of("image-layout"));
    RuntimeConfig fresh = ConfigGenerator.linux().hostname("demo").build();
    Digest d = Digest.parse("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    ValidationResult any = OciValidator.validate(Path.of("image-layout"), ValidatorOptions.DEFAULT);
    // README snippet ends
    return new Results(changed, r, i, fresh, d, any);
  }

  /**
   * Runs the snippet in the current directory and prints each result.
   *
   * @param args none
   * @throws IOException if {@code bundle/} or {@code image-layout/} cannot be read
   */
  public static void main(String[] args) throws IOException {
    Results out = run();
    System.out.println("bundle: " + out.r().findings().size() + " finding(s)");
    System.out.println("image: " + out.i().findings().size() + " finding(s)");
    System.out.println("generated hostname: " + out.fresh().hostname());
    System.out.println("digest: " + out.d());
  }
}
