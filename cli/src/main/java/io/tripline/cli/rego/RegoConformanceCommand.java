package io.tripline.cli.rego;

import io.tripline.rego.conformance.CaseOutcome;
import io.tripline.rego.conformance.ConformanceReport;
import io.tripline.rego.conformance.ConformanceRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tripline rego conformance DIR...}: runs OPA-format YAML test cases and reports one line
 * per failing case, a pass/fail table per folder, and {@code N passed, M failed, K skipped}.
 */
@Command(
    name = "conformance",
    mixinStandardHelpOptions = true,
    description = "Run OPA-format YAML conformance cases (cases[].note, query, modules, data, input, want_result, ...) "
        + "against the embedded engine, comparing results as OPA's own test runner does.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the cases ran (whatever the pass rate, unless --fail-under is given)",
      "1:--fail-under was given and the pass rate is below it",
      "2:usage error or unreadable directory",
      "3:internal error (a bug: rerun with TRIPLINE_DEBUG=1 and report it)"
    })
public final class RegoConformanceCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "DIR", description = "Directories (or files) of YAML test cases.")
  List<Path> dirs;

  @Option(names = "--fail-under", paramLabel = "PCT",
      description = "Exit 1 when fewer than PCT percent of the cases that ran pass.")
  Double failUnder;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (Path d : dirs) {
      if (!Files.exists(d)) {
        err.println("tripline rego conformance: no such file or directory: " + d);
        return 2;
      }
    }
    ConformanceReport report;
    try {
      report = new ConformanceRunner().run(dirs);
    } catch (IOException e) {
      err.println("tripline rego conformance: " + e.getMessage());
      return 2;
    }
    for (CaseOutcome f : report.failures()) {
      out.println("FAIL " + f.file() + ": " + f.note() + ": expected " + f.expected() + ", got " + f.got());
    }
    out.println();
    out.printf("%-32s %7s %7s %7s%n", "folder", "passed", "failed", "skipped");
    for (Map.Entry<String, long[]> e : report.byFolder().entrySet()) {
      long[] c = e.getValue();
      out.printf("%-32s %7d %7d %7d%n", e.getKey(), c[0], c[1], c[2]);
    }
    out.printf("pass rate: %.1f%%%n", report.passPercent());
    out.println(report.summaryLine());
    if (failUnder != null && report.passPercent() < failUnder) {
      return 1;
    }
    return 0;
  }
}
