package dev.ocikit.dist;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * One command's man page in troff ({@code man(7)} macros), from the same picocli model that prints
 * {@code --help}, so the two cannot drift apart. Subcommands get pages of their own, named as git
 * names them ({@code oci-tool-unpack(1)}).
 */
final class ManPage {
  private final CommandSpec spec;
  private final String version;

  ManPage(CommandSpec spec, String version) {
    this.spec = spec;
    this.version = version;
  }

  /** The page's name: the qualified command name with dashes ({@code oci-tool-unpack}). */
  static String name(CommandSpec spec) {
    return spec.qualifiedName("-");
  }

  /** The troff text of the page. */
  String render() {
    CommandLine.Help help = new CommandLine.Help(spec, CommandLine.Help.defaultColorScheme(OFF));
    StringBuilder out = new StringBuilder();
    String name = name(spec);
    out.append(".TH \"")
        .append(name.toUpperCase(Locale.ROOT))
        .append("\" \"1\" \"\" \"ocikit ")
        .append(version)
        .append("\" \"ocikit manual\"\n");
    List<String> description = lines(String.join("\n", spec.usageMessage().description()));
    out.append(".SH NAME\n")
        .append(escape(name))
        .append(" \\- ")
        .append(escape(description.isEmpty() ? "" : description.get(0)))
        .append('\n');
    out.append(".SH SYNOPSIS\n.nf\n").append(text(help.synopsis(0).strip())).append("\n.fi\n");
    if (description.size() > 1) {
      out.append(".SH DESCRIPTION\n");
      paragraphs(out, description.subList(1, description.size()));
    }
    if (!spec.positionalParameters().isEmpty()) {
      out.append(".SH ARGUMENTS\n");
      for (PositionalParamSpec p : spec.positionalParameters()) {
        if (!p.hidden()) {
          item(out, "\\fI" + escape(p.paramLabel()) + "\\fR", p.description());
        }
      }
    }
    out.append(".SH OPTIONS\n");
    for (OptionSpec o : spec.options()) {
      if (!o.hidden()) {
        item(out, optionTerm(o), o.description());
      }
    }
    List<String> pages = new ArrayList<>();
    spec.subcommands()
        .forEach(
            (sub, cl) -> {
              if (!sub.equals("help")) {
                if (pages.isEmpty()) {
                  out.append(".SH COMMANDS\n");
                }
                pages.add("\\fB" + escape(name(cl.getCommandSpec())) + "\\fR(1)");
                String[] d = cl.getCommandSpec().usageMessage().description();
                item(out, "\\fB" + escape(sub) + "\\fR", d.length == 0 ? d : new String[] {d[0]});
              }
            });
    if (!pages.isEmpty()) {
      out.append(".PP\nEach command has a page of its own: ")
          .append(String.join(", ", pages))
          .append(".\n");
    }
    if (!spec.usageMessage().exitCodeList().isEmpty()) {
      out.append(".SH EXIT STATUS\n");
      spec.usageMessage()
          .exitCodeList()
          .forEach((code, meaning) -> item(out, "\\fB" + escape(code.strip()) + "\\fR", meaning));
    }
    out.append(".SH SEE ALSO\n");
    out.append(spec.parent() == null ? "" : "\\fB" + escape(name(spec.parent())) + "\\fR(1), ");
    out.append("the ocikit README.md and docs/ in the release archive.\n");
    return out.toString();
  }

  private static final CommandLine.Help.Ansi OFF = CommandLine.Help.Ansi.OFF;

  private static String optionTerm(OptionSpec o) {
    List<String> names = new ArrayList<>();
    for (String n : o.names()) {
      names.add("\\fB" + escape(n) + "\\fR");
    }
    String term = String.join(", ", names);
    if (o.arity().max() > 0 && !o.paramLabel().isEmpty()) {
      term += "=\\fI" + escape(o.paramLabel()) + "\\fR";
    }
    return term;
  }

  private static void item(StringBuilder out, String term, String... description) {
    out.append(".TP\n").append(term).append('\n');
    paragraphs(out, lines(String.join(" ", description)));
  }

  private static void paragraphs(StringBuilder out, List<String> lines) {
    boolean first = true;
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      if (!first) {
        out.append(".br\n");
      }
      out.append(escape(line.strip())).append('\n');
      first = false;
    }
  }

  /** Description text with picocli's format specifiers ({@code %n}, {@code %%}) applied. */
  private static List<String> lines(String picocliText) {
    return List.of(picocliText.replace("%n", "\n").replace("%%", "%").split("\n", -1));
  }

  private static String text(String preformatted) {
    StringBuilder b = new StringBuilder();
    for (String line : preformatted.split("\n", -1)) {
      b.append(escape(line)).append('\n');
    }
    return b.toString().stripTrailing();
  }

  /** Escapes troff: backslashes, and a leading dot or quote that would read as a request. */
  static String escape(String s) {
    String e = s.replace("\\", "\\e").replace("-", "\\-");
    return e.startsWith(".") || e.startsWith("'") ? "\\&" + e : e;
  }
}
