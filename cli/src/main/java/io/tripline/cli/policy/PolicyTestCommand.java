package io.tripline.cli.policy;

import com.google.re2j.PatternSyntaxException;
import io.tripline.cli.Terminal;
import io.tripline.rego.PolicySources;
import io.tripline.rego.RegoError;
import io.tripline.rego.RegoException;
import io.tripline.rego.ast.RegoVersion;
import io.tripline.rego.test.PolicyTestRunner;
import io.tripline.rego.test.TestReportText;
import io.tripline.rego.test.TestRun;
import io.tripline.rego.test.TestRunOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tripline policy test PATH...}: runs the {@code test_} rules of Rego files like
 * {@code opa test}, ending with {@code N passed, M failed} alone on the last line.
 */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = {
      "Run Rego unit tests like `opa test`: every rule whose name starts with test_ in every package of the "
          + ".rego files under PATH passes when it is true, fails when it is undefined or not true, and is an "
          + "error when evaluation fails (conflicts, strict builtin errors). Rules named todo_... are reported "
          + "as SKIPPED. .json/.yaml files are data, placed at the path of their directory as `opa test` does.",
      "Tests that did not pass are listed with file:line, their print output and errors (-v lists all), then "
          + "OPA's PASS/FAIL/SKIPPED/ERROR counts, then a last line `N passed, M failed` where errors count as "
          + "failed and skipped tests as neither."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every test that ran passed",
      "1:a test failed or ended in an error, or no test was found",
      "2:usage or input error (an unreadable path, policies that do not compile)",
      "3:internal error (a bug: rerun with TRIPLINE_DEBUG=1 and report it)"
    })
public final class PolicyTestCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Rego files, data files, or directories of them.")
  List<Path> paths;

  @Option(names = {"-v", "--verbose"}, description = "List every test, with the print output of each.")
  boolean verbose;

  @Option(names = {"-r", "--run"}, paramLabel = "REGEX",
      description = "Run only tests whose full name (data.pkg.test_x) matches this RE2 regular expression.")
  String run;

  @Option(names = "--coverage",
      description = "Print per-file line coverage as JSON (like `opa test --coverage`) instead of the test list "
          + "when every test passes.")
  boolean coverage;

  @Option(names = "--strict-builtin-errors",
      description = "A builtin error (e.g. to_number(\"x\")) ends the test as ERROR instead of making it undefined.")
  boolean strict;

  @Option(names = "--v0-compatible",
      description = "Read modules as Rego v0 (as `opa test --v0-compatible`): rules without `if`, partial sets "
          + "`p[x] { ... }`, future keywords only when imported, and the v0-only builtins (any, all, cast_*, re_match, "
          + "set_diff, net.cidr_overlap). A bundle directory's .manifest rego_version/file_rego_versions still win.")
  boolean v0Compatible;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5s",
      converter = io.tripline.cli.GoDurationConverter.class,
      description = "Wall-clock limit of each test (as `opa test --timeout`; e.g. 500ms, 30s; 0 for none; "
          + "default ${DEFAULT-VALUE}); a test that exceeds it is an ERROR (eval_cancel_error) and the others still run.")
  java.time.Duration timeout;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = Terminal.detect(spec.commandLine().getErr()).wrapping();
    TestRunOptions options;
    try {
      options = TestRunOptions.DEFAULT.run(run).coverage(coverage).strict(strict).timeout(timeout);
    } catch (PatternSyntaxException e) {
      err.println("tripline policy test: --run: " + e.getMessage());
      return 2;
    }
    PolicySources sources;
    try {
      sources = PolicySources.load(paths, v0Compatible ? RegoVersion.V0 : RegoVersion.V1);
    } catch (RegoException e) { // a policy file that is not UTF-8
      err.println(e.errors().size() + " error" + (e.errors().size() == 1 ? "" : "s") + " occurred during loading:");
      e.errors().forEach(err::println);
      return 2;
    } catch (IOException e) {
      err.println("tripline policy test: " + e.getMessage());
      return 2;
    }
    TestRun result;
    try {
      result = new PolicyTestRunner(options).run(sources);
    } catch (RegoException e) {
      err.println(e.errors().size() + " error" + (e.errors().size() == 1 ? "" : "s") + " occurred during loading:");
      for (RegoError x : e.errors()) {
        err.println(x);
      }
      return 2;
    }
    if (result.results().isEmpty()) {
      err.println("tripline policy test: " + (run == null
          ? "no tests found in " + paths.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(", "))
              + " (a test is a rule named test_... in a .rego file)"
          : "no test matches --run " + run));
      err.flush();
      return 1;
    }
    if (coverage && result.ok()) {
      out.println(result.coverage().toJson());
      out.println(result.passed() + " passed, " + result.failed() + " failed");
    } else {
      out.print(TestReportText.format(result, verbose));
    }
    out.flush();
    return result.ok() ? 0 : 1;
  }
}
