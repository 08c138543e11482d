package io.tripline.cli;

import io.tripline.core.detect.PolicyFiles;
import io.tripline.core.detect.RuleInfo;
import io.tripline.core.detect.RuleLibrary;
import io.tripline.core.detect.RuleLibraryException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * The options every command that runs rules shares: which library ({@code --policies}, default the
 * bundled one), which data ({@code --data}), which rules ({@code --rule} id globs).
 */
public final class LibraryOptions {

  @Option(names = "--policies", paramLabel = "DIR",
      description = "Rule library directory (.rego and data files, loaded as `opa eval -d`); repeatable. "
          + "Default: the bundled library.")
  public List<Path> policies = new ArrayList<>();

  @Option(names = "--data", paramLabel = "FILE",
      description = "JSON/YAML data merged at the root, e.g. your copy of tripline-data.yaml "
          + "(context and exceptions under `tripline:`); repeatable.")
  public List<Path> data = new ArrayList<>();

  @Option(names = "--rule", paramLabel = "ID_GLOB",
      description = "Run only rules whose id matches (`*` matches anything, e.g. TRL-CT-*); repeatable.")
  public List<String> rules = new ArrayList<>();

  @Option(names = "--rule-timeout", paramLabel = "DURATION", defaultValue = "10s",
      converter = GoDurationConverter.class,
      description = "Wall-clock budget of one rule on one record (detect, coverage; e.g. 500ms, 2s; 0 for none; "
          + "default ${DEFAULT-VALUE}). A rule that exceeds it is stopped, the run goes on, and the problem says "
          + "which rule timed out on which record (eventID).")
  public java.time.Duration ruleTimeout;

  /** Class-path data documents merged before --data (e.g. the simulated company's context). */
  public final List<String> bundledData = new ArrayList<>();

  /** The evaluation options of the rules: the {@code --rule-timeout} budget. */
  public io.tripline.rego.EvalOptions evalOptions() {
    return io.tripline.rego.EvalOptions.DEFAULT.ruleTimeout(ruleTimeout);
  }

  /** The files of the library, without user data. */
  public PolicyFiles files() throws IOException {
    if (policies.isEmpty()) {
      return PolicyFiles.bundled(LibraryOptions.class.getClassLoader());
    }
    for (Path p : policies) {
      if (!Files.exists(p)) {
        throw new IOException(p + ": no such directory (give a directory of .rego files with --policies)");
      }
    }
    return PolicyFiles.fromPaths(policies);
  }

  /**
   * Compiles the library, or prints every problem (file:line and what to fix) to {@code err} and
   * returns null.
   */
  public RuleLibrary load(String command, PrintWriter err) {
    try {
      PolicyFiles files = files();
      for (String resource : bundledData) {
        files = files.withDataResource(LibraryOptions.class.getClassLoader(), resource);
      }
      RuleLibrary library = RuleLibrary.compile(files.withData(data));
      if (!rules.isEmpty()) {
        List<Pattern> globs = rules.stream().map(LibraryOptions::glob).toList();
        library = library.only(r -> globs.stream().anyMatch(g -> g.matcher(r.id()).matches()));
        if (library.rules().isEmpty()) {
          err.println(command + ": no rule id matches " + String.join(", ", rules)
              + " (see `tripline policy list` for the ids)");
          return null;
        }
      }
      if (library.rules().isEmpty()) {
        err.println(command + ": the library has no rules (no package under tripline.rules defines `alert`)");
        return null;
      }
      return library;
    } catch (RuleLibraryException e) {
      err.println(command + ": the rule library does not load:");
      e.problems().forEach(p -> err.println("  " + p));
      return null;
    } catch (IOException | IllegalArgumentException e) {
      err.println(command + ": " + e.getMessage());
      return null;
    }
  }

  static Pattern glob(String g) {
    StringBuilder b = new StringBuilder();
    for (char c : g.toCharArray()) {
      b.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(b.toString(), Pattern.CASE_INSENSITIVE);
  }

  /** Both ATT&CK ids of a rule's techniques, e.g. {@code T1562.008 (v18) / T1685.002 (v19)}. */
  public static String mitre(RuleInfo r) {
    List<String> parts = new ArrayList<>();
    r.mitre().forEach(t -> parts.add(t.id() + " (v" + t.version() + ")"));
    return String.join(", ", parts);
  }
}
