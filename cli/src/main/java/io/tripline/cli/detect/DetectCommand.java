package io.tripline.cli.detect;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tripline.cli.LibraryOptions;
import io.tripline.cli.Terminal;
import io.tripline.cli.Tripline;
import io.tripline.core.detect.CorrelationHistory;
import io.tripline.core.detect.DetectionException;
import io.tripline.core.detect.DetectionOptions;
import io.tripline.core.detect.DetectionSummary;
import io.tripline.core.detect.Finding;
import io.tripline.core.detect.LearnedContext;
import io.tripline.core.detect.RuleLibrary;
import io.tripline.core.detect.Severity;
import io.tripline.core.enrich.GeoIpEnricher;
import io.tripline.core.log.CloudTrailLogReader;
import io.tripline.core.log.LogInputException;
import io.tripline.core.log.ReadMode;
import io.tripline.core.log.ReadProblem;
import io.tripline.core.log.ReadSummary;
import io.tripline.core.record.CloudTrailRecord;
import io.tripline.core.report.FindingJson;
import io.tripline.core.report.FindingsSarif;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tripline detect PATH...}: runs the rule library over CloudTrail logs and prints the findings. */
@Command(
    name = "detect",
    mixinStandardHelpOptions = true,
    description = {
      "Run the detection rules over CloudTrail logs and print the findings.",
      "",
      "Reads every format `tripline logs inspect` reads (S3-layout trees, .json.gz, JSON lines, "
          + "`aws cloudtrail lookup-events` output; - for standard input). Record rules see one record at a "
          + "time; correlation rules (threshold, sequence, new_value) see the records of one group within their "
          + "window. The bundled library runs unless --policies is given."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the logs were evaluated (and no finding reached --fail-on)",
      "1:a finding at or above --fail-on",
      "2:usage or input error (a path, the library, a data or history file)",
      "3:internal error (a bug: rerun with TRIPLINE_DEBUG=1 and report it)"
    })
public final class DetectCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  enum Format { table, json, jsonl, sarif }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin LibraryOptions library;

  @Mixin EngineOptions engine;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Log files or directories (- for standard input).")
  List<String> paths;

  @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
      description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--min-severity", paramLabel = "SEVERITY",
      description = "Print only findings at or above informational, low, medium, high or critical.")
  String minSeverity;

  @Option(names = "--fail-on", paramLabel = "SEVERITY",
      description = "Exit 1 when a finding is at or above this severity (default: never).")
  String failOn;

  @Option(names = "--history", paramLabel = "PATH",
      description = "Earlier logs (or a state file written by --save-history) that new_value rules count as "
          + "already seen, so \"first time\" means something on day one; repeatable.")
  List<Path> history = new ArrayList<>();

  @Option(names = "--save-history", paramLabel = "FILE",
      description = "Write what new_value rules have seen (history and this run) to a state file for the next run.")
  Path saveHistory;

  @Option(names = "--two-pass",
      description = "Read the files twice: first to learn trail buckets from trail records, then to detect, so "
          + "records before the trail record know them too.")
  boolean twoPass;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per core).")
  Integer threads;

  @Option(names = "--geoip", paramLabel = "FILE",
      description = "MaxMind DB file (GeoLite2/GeoIP2 Country, City or ASN) asked before the bundled country and "
          + "ASN data for input.tripline.source; repeatable.")
  List<Path> geoip = new ArrayList<>();

  @Option(names = "--wide", description = "Do not cut table lines to the terminal width.")
  boolean wide;

  @Option(names = "--no-enrich", description = "Do not add input.tripline.source (country, asn, as_org) to records.")
  boolean noEnrich;

  @Override
  public Integer call() throws IOException {
    try {
      return detect();
    } finally {
      engine.close();
    }
  }

  private int detect() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Severity min = severity("--min-severity", minSeverity, Severity.INFORMATIONAL, err);
    Severity fail = severity("--fail-on", failOn, null, err);
    if (min == null || (failOn != null && fail == null)) {
      return 2;
    }
    if (paths.contains("-") && (paths.size() > 1 || twoPass)) {
      err.println("tripline detect: - (standard input) cannot be combined with other paths or --two-pass");
      return 2;
    }
    String engineProblem = engine.problem();
    if (engineProblem != null) {
      err.println("tripline detect: " + engineProblem);
      return 2;
    }
    RuleLibrary lib = library.load("tripline detect", err);
    if (lib == null) {
      return 2;
    }
    DetectionOptions options = DetectionOptions.defaults().evalOptions(library.evalOptions());
    if (threads != null) {
      options = options.threads(threads);
    }
    boolean terminal = System.console() != null;
    if (terminal && format == Format.table) {
      options = options.progress(p -> {
        err.printf("\r%,d records, %,d findings, %,.0f records/s ", p.records(), p.findings(),
            p.records() / Math.max(1e-9, p.elapsed().toNanos() / 1e9));
        err.flush();
      });
    }
    try {
      if (!noEnrich) {
        options = options.enricher(GeoIpEnricher.load(geoip, lib.readsAsn()));
      } else if (!geoip.isEmpty()) {
        err.println("tripline detect: --geoip and --no-enrich exclude each other");
        return 2;
      }
      options = options.history(history(lib, options, err));
      if (twoPass) {
        options = options.initialContext(learn());
      }
    } catch (LogInputException | IOException e) {
      err.println("tripline detect: " + e.getMessage());
      return 2;
    }
    List<Finding> findings = new ArrayList<>();
    DetectionSummary summary;
    ReadSummary read;
    Format f = format;
    try (CloudTrailLogReader reader = open()) {
      summary = engine.create(lib, options).run(reader.iterator(), x -> {
        if (x.severity().compareTo(min) >= 0) {
          findings.add(x);
          if (f == Format.jsonl) {
            out.println(FindingJson.of(x).toString());
          }
        }
      });
      read = reader.summary();
    } catch (LogInputException e) {
      err.println("tripline detect: " + e.getMessage());
      return 2;
    } catch (DetectionException e) {
      err.println("tripline detect: " + e.getMessage());
      return 2;
    }
    if (terminal && format == Format.table) {
      err.print("\r" + " ".repeat(60) + "\r");
    }
    switch (format) {
      case table -> new FindingsTable(Terminal.detect(out, wide)).print(findings, summary, read);
      case json -> out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
          DetectJson.of(findings, summary, read)));
      case sarif -> out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
          FindingsSarif.of(lib.rules(), findings, Tripline.version())));
      case jsonl -> { }
    }
    out.flush();
    reportProblems(err, read, summary);
    if (saveHistory != null) {
      options.history().write(saveHistory);
    }
    if (read.recordsRead() == 0) {
      err.println("tripline detect: no CloudTrail records in " + String.join(", ", paths)
          + " (nothing was evaluated; check the path and format)");
      return 2;
    }
    if (fail != null && findings.stream().anyMatch(x -> x.severity().compareTo(fail) >= 0)) {
      return 1;
    }
    return 0;
  }

  private CorrelationHistory history(RuleLibrary lib, DetectionOptions options, PrintWriter err) throws IOException {
    CorrelationHistory h = new CorrelationHistory();
    List<Path> logs = new ArrayList<>();
    for (Path p : history) {
      if (!Files.exists(p)) {
        throw new IOException(p + ": no such history file or directory");
      }
      if (CorrelationHistory.isStateFile(p)) {
        h = CorrelationHistory.read(p);
      } else {
        logs.add(p);
      }
    }
    if (!logs.isEmpty()) {
      try (CloudTrailLogReader reader = CloudTrailLogReader.open(logs, ReadMode.SKIP_BAD_RECORDS)) {
        engine.create(lib, options.history(h)).learnHistory(reader.iterator());
      } catch (DetectionException e) {
        throw new IOException("reading --history: " + e.getMessage(), e);
      }
    }
    return h;
  }

  private LearnedContext learn() {
    LearnedContext c = new LearnedContext();
    try (CloudTrailLogReader reader = open()) {
      for (CloudTrailRecord r : reader) {
        c.observe(r);
      }
    }
    return c;
  }

  private CloudTrailLogReader open() {
    if (paths.equals(List.of("-"))) {
      return CloudTrailLogReader.open("<stdin>", System.in, ReadMode.SKIP_BAD_RECORDS);
    }
    return CloudTrailLogReader.open(paths.stream().map(Path::of).toList(), ReadMode.SKIP_BAD_RECORDS);
  }

  private static Severity severity(String option, String text, Severity fallback, PrintWriter err) {
    if (text == null) {
      return fallback;
    }
    Severity s = Severity.parse(text).orElse(null);
    if (s == null) {
      err.println("tripline detect: " + option + " must be informational, low, medium, high or critical, not \"" + text + "\"");
    }
    return s;
  }

  private static void reportProblems(PrintWriter err, ReadSummary read, DetectionSummary summary) {
    List<ReadProblem> problems = read.problems();
    problems.stream().limit(20).forEach(p -> err.println("skipped: " + p.describe()));
    if (read.recordsSkipped() > 0) {
      err.println(read.recordsSkipped() + " bad record(s) skipped");
    }
    summary.errorMessages().stream().limit(20).forEach(m -> err.println("rule error: " + m));
    if (summary.errors() > 0) {
      err.println(summary.errors() + " evaluation error(s); the rules concerned did not run on those records");
    }
    err.flush();
  }
}
