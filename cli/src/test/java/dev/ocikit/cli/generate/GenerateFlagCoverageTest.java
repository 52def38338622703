package dev.ocikit.cli.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Every option name of {@code generate} has a row in a flag table or a test of its own. */
class GenerateFlagCoverageTest {
  /** Options tested outside the flag tables, with where. */
  private static final Set<String> ELSEWHERE =
      Set.of(
          "--template", // GenerateCommandTest.templateKeepsUnknownFields
          "--migrate", // GenerateCommandTest.migrateBumpsVersionAndReportsDeprecations
          "--output", // GenerateCommandTest.outputIsWrittenAtomicallyAndStdoutStaysEmpty
          "-o", // alias of --output
          "--env-file", // GenerateCommandTest
          "--arch", // GenerateErrorsTest and GenerateCommandTest
          "--oci-version", // GenerateCommandTest.ociVersionIsDeclaredWithinTheKnownReleases
          "--help", // GenerateCommandTest.helpIsGroupedByArea
          "-h",
          "--version",
          "-V",
          "--quiet", // the shared mixin: CommandLineEdgeTest
          "-q",
          "--verbose",
          "-v");

  private static final Pattern FLAG = Pattern.compile("(?<![\\w-])(-{1,2}[A-Za-z][\\w-]*)");

  static Set<String> optionNames() {
    Set<String> names = new TreeSet<>();
    for (OptionSpec o : new CommandLine(new GenerateCommand()).getCommandSpec().options()) {
      names.addAll(Set.of(o.names()));
    }
    return names;
  }

  @Test
  void everyOptionHasARow() {
    Set<String> used = new TreeSet<>(ELSEWHERE);
    Stream.of(
            GenerateFlagsTest.flags(),
            GenerateLinuxFlagsTest.hooks(),
            GenerateLinuxFlagsTest.linux(),
            GenerateLinuxFlagsTest.seccompOnly(),
            GeneratePlatformFlagsTest.flags())
        .flatMap(s -> s)
        .map(Arguments::get)
        .forEach(a -> used.addAll(flags(String.valueOf(a[0]))));
    Set<String> missing = optionNames();
    missing.removeAll(used);
    assertEquals(Set.of(), missing, "options without a row");
  }

  private static Set<String> flags(String text) {
    Set<String> out = new TreeSet<>();
    for (String arg : text.split(" ")) {
      Matcher m = FLAG.matcher(arg);
      if (m.lookingAt()) {
        out.add(m.group(1).split("=")[0]);
      }
    }
    return out;
  }
}
