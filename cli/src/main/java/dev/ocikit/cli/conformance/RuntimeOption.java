package dev.ocikit.cli.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code --runtime} value: either a name on PATH or a path ({@code runc}, {@code
 * /opt/rt/bin/rt}), or {@code NAME=COMMAND LINE}, where the command line is the executable followed
 * by global options ({@code gvisor=runsc --platform=ptrace --network=none}). The command line is
 * split at blanks; single and double quotes group and a backslash escapes one character, as in a
 * shell, but nothing is expanded.
 *
 * @param name the report name given with {@code NAME=}, or null for the executable's file name
 * @param program the executable, a name on PATH or a path
 * @param args the global options
 */
record RuntimeOption(String name, String program, List<String> args) {
  private static final Pattern NAMED =
      Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]*)=(.*)", Pattern.DOTALL);

  RuntimeOption {
    args = List.copyOf(args);
  }

  /**
   * Parses one {@code --runtime} value.
   *
   * @throws IllegalArgumentException with one line naming the option and the rule
   */
  static RuntimeOption parse(String unsafeValue) {
    Matcher m = NAMED.matcher(unsafeValue);
    if (!m.matches()) {
      if (unsafeValue.isBlank()) {
        throw new IllegalArgumentException("--runtime: empty value");
      }
      return new RuntimeOption(null, unsafeValue, List.of());
    }
    List<String> words = split(m.group(2));
    if (words.isEmpty()) {
      throw new IllegalArgumentException(
          "--runtime: '" + m.group(1) + "=' needs a command line after the '='");
    }
    return new RuntimeOption(m.group(1), words.get(0), words.subList(1, words.size()));
  }

  /** The same runtime with one more global option ({@code --runtime-arg}). */
  RuntimeOption withArg(String arg) {
    List<String> more = new ArrayList<>(args);
    more.add(arg);
    return new RuntimeOption(name, program, more);
  }

  /** Splits a command line into words: blanks separate, quotes group, backslash escapes. */
  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
          word.append(line.charAt(++i));
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == '\\' && i + 1 < line.length()) {
        word.append(line.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException(
          "--runtime: unterminated "
              + (quote == '"' ? "double" : "single")
              + " quote in '"
              + line
              + "'");
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
