package io.tripline.cli.simulate;

import io.tripline.cli.Terminal;
import io.tripline.cli.WideOption;
import io.tripline.core.ecs.EcsDocument;
import io.tripline.core.log.JsonLinesWriter;
import io.tripline.core.log.S3LayoutWriter;
import io.tripline.core.record.CloudTrailRecord;
import io.tripline.simulator.RunManifest;
import io.tripline.simulator.ScenarioSources;
import io.tripline.simulator.SimulationOptions;
import io.tripline.simulator.SimulationResult;
import io.tripline.simulator.Simulator;
import io.tripline.simulator.StepReport;
import io.tripline.simulator.scenario.BaselineProfile;
import io.tripline.simulator.scenario.LoadResult;
import io.tripline.simulator.scenario.Scenario;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code tripline simulate SCRIPT... --out DIR}: replays scenarios as the CloudTrail records AWS
 * would have delivered, written as S3-layout log files, JSON lines or ECS documents.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Replay attack scenarios as synthetic CloudTrail records, written as CloudTrail delivers them "
          + "(--format cloudtrail: gzipped log files under DIR/AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/), "
          + "as JSON lines (DIR/records.jsonl) or as ECS documents (DIR/records.ecs.jsonl).",
      "",
      "SCRIPT is a scenario file, a directory of scripts (each base scenario once) or a bundled scenario id (see `tripline scenario list`); a variant is "
          + "id/variant; a baseline profile id gives 100 records of that normal activity alone. "
          + "The same scripts, --seed and --start give byte-identical output.",
      "Steps that happened but that no trail delivered (logging stopped, selectors, no data events) "
          + "are listed with the reason, and where they are still visible (management events stay in "
          + "CloudTrail Event history for 90 days)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:records written", "2:usage or input error (a script does not load, an output directory is refused)", "3:internal error (a bug: rerun with TRIPLINE_DEBUG=1 and report it)"})
public final class SimulateCommand implements Callable<Integer> {

  @picocli.CommandLine.Mixin io.tripline.cli.IncludeOption includes = new io.tripline.cli.IncludeOption();

  enum Format { cloudtrail, jsonl, ecs }

  /** Records drawn when a baseline profile is given as a SCRIPT (normal activity alone). */
  static final int BASELINE_ALONE = 100;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "SCRIPT", description = "Scenario files or bundled scenario ids.")
  List<String> scripts;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (- writes JSON lines to standard output).")
  String out;

  @Option(names = "--format", defaultValue = "cloudtrail", paramLabel = "cloudtrail|jsonl|ecs",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seed for ids and jitter (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--start", paramLabel = "TIME",
      description = "Start time (ISO-8601, e.g. 2024-03-14T21:00:00Z): moves absolute timelines and places relative ones.")
  String start;

  @Option(names = "--no-tag", description = "Leave user agents untouched (no tripline_<run id> suffix).")
  boolean noTag;

  @CommandLine.Mixin WideOption display = new WideOption();

  @Option(names = "--one-world", description = "Run all SCRIPTs in one account world, their timelines interleaved: what one "
      + "changes (a trail stopped, log file validation on), the others see. They must share the account; the world is the first's.")
  boolean oneWorld;

  @Option(names = "--force", description = "Replace an earlier `tripline simulate` output in DIR: remove only the files its "
      + RunManifest.FILE_NAME + " lists (never other files), then write.")
  boolean force;

  @Option(names = "--baseline", paramLabel = "PROFILE[:N]",
      description = "Mix a benign baseline profile into the first scenario's run: N is the number of its records "
          + "written (default 100; calls no trail records are replaced by others); repeatable.")
  List<String> baselines = List.of();

  @Override
  public Integer call() throws IOException {
    PrintWriter err = Terminal.detect(spec.commandLine().getErr(), display.wide()).wrapping();
    ScenarioSources sources = includes.sources();
    SimulationOptions options = SimulationOptions.defaults().withSeed(seed).withTag(!noTag);
    if (start != null) {
      Optional<Instant> s = parseTime(start);
      if (s.isEmpty()) {
        err.println("tripline simulate: --start '" + start + "' is not a time; expected ISO-8601 such as 2024-03-14T21:00:00Z");
        err.flush();
        return 2;
      }
      options = options.withStart(s.get());
    }
    List<SimulationOptions.BaselineMix> mixes = new ArrayList<>();
    for (String b : baselines) {
      String[] parts = b.split(":", 2);
      LoadResult r = sources.bundled(parts[0]);
      if (r.baselines().isEmpty()) {
        err.println("tripline simulate: --baseline " + b + ": no baseline profile '" + parts[0] + "'; see `tripline scenario list`");
        err.flush();
        return 2;
      }
      int n;
      try {
        n = parts.length == 2 ? Integer.parseInt(parts[1]) : 100;
      } catch (NumberFormatException e) {
        n = -1;
      }
      if (n < 0 || n > SimulationOptions.MAX_BASELINE_RECORDS) {
        err.println("tripline simulate: --baseline " + b + ": N must be a whole number from 0 to "
            + SimulationOptions.MAX_BASELINE_RECORDS + " (Tripline's cap on baseline records per profile)");
        err.flush();
        return 2;
      }
      mixes.add(new SimulationOptions.BaselineMix(r.baselines().get(0), n));
    }
    List<Scenario> selected = new ArrayList<>();
    List<BaselineProfile> alone = new ArrayList<>();
    for (String script : scripts) {
      ScenarioSources.Selection selection = sources.select(script);
      if (!selection.ok()) {
        selection.problems().forEach(err::println);
        err.flush();
        return 2;
      }
      selected.addAll(selection.scenarios());
      alone.addAll(selection.baselines());
    }
    Simulator simulator = new Simulator(sources.catalog());
    List<SimulationResult> runs = new ArrayList<>();
    List<CloudTrailRecord> records = new ArrayList<>();
    if (oneWorld && !selected.isEmpty()) {
      try {
        for (SimulationResult run : simulator.run(selected, options.withBaselines(mixes))) {
          runs.add(run);
          records.addAll(run.records());
        }
      } catch (IllegalArgumentException e) {
        err.println("tripline simulate: --one-world: " + e.getMessage());
        err.flush();
        return 2;
      }
    } else {
      try {
        for (int i = 0; i < selected.size(); i++) {
          SimulationOptions o = i == 0 ? options.withBaselines(mixes) : options;
          SimulationResult run = simulator.run(selected.get(i), o);
          runs.add(run);
          records.addAll(run.records());
        }
      } catch (IllegalArgumentException e) {
        err.println("tripline simulate: " + e.getMessage());
        err.flush();
        return 2;
      }
    }
    for (BaselineProfile profile : alone) {
      SimulationResult run = simulator.run(profile, BASELINE_ALONE, options);
      runs.add(run);
      records.addAll(run.records());
    }
    records.sort(Comparator.comparing(CloudTrailRecord::eventTime));
    boolean toStdout = out.equals("-");
    if (!toStdout) {
      String refused = new OutputDirectory(Path.of(out)).prepare(force);
      if (refused != null) {
        err.println("tripline simulate: " + refused);
        err.flush();
        return 2;
      }
    }
    List<Path> files = write(records, toStdout);
    if (!toStdout) {
      Path dir = Path.of(out);
      RunManifest.of(runs, files.stream().map(f -> dir.toAbsolutePath().relativize(f.toAbsolutePath()).toString().replace('\\', '/')).toList()).write(dir);
    }
    summarize(runs, files, toStdout ? err : spec.commandLine().getOut());
    return 0;
  }

  private List<Path> write(List<CloudTrailRecord> records, boolean toStdout) throws IOException {
    if (toStdout) {
      JsonLinesWriter w = format == Format.ecs ? JsonLinesWriter.of(System.out, EcsDocument::of) : JsonLinesWriter.records(System.out);
      w.writeAll(records);
      w.close();
      return List.of();
    }
    Path dir = Path.of(out);
    Files.createDirectories(dir);
    switch (format) {
      case cloudtrail -> {
        try (S3LayoutWriter w = new S3LayoutWriter(dir, seed)) {
          w.writeAll(records);
          w.close();
          return w.filesWritten();
        }
      }
      case ecs -> {
        Path file = dir.resolve("records.ecs.jsonl");
        try (OutputStream os = Files.newOutputStream(file); JsonLinesWriter w = JsonLinesWriter.of(os, EcsDocument::of)) {
          w.writeAll(records);
        }
        return List.of(file);
      }
      default -> {
        Path file = dir.resolve("records.jsonl");
        try (OutputStream os = Files.newOutputStream(file); JsonLinesWriter w = JsonLinesWriter.records(os)) {
          w.writeAll(records);
        }
        return List.of(file);
      }
    }
  }

  private void summarize(List<SimulationResult> runs, List<Path> files, PrintWriter printer) {
    Terminal t = Terminal.detect(printer, display.wide());
    PrintWriter p = t.out();
    for (SimulationResult run : runs) {
      t.wrapped(t.bold(run.scenarioId()) + "  ", "run " + run.runId() + "  seed " + run.seed() + "  "
          + run.records().size() + " record(s)" + (run.baselineRecords() > 0 ? " (" + run.baselineRecords() + " baseline)" : ""), "  ");
      for (SimulationResult.BaselineTally b : run.baselines()) {
        if (b.shortfall()) {
          t.wrapped("  " + t.yellow("baseline " + b.profile()) + ": ", b.written() + " of " + b.requested()
              + " records written; no trail records the rest of its calls in this run", "    ");
        }
      }
      for (StepReport s : run.unlogged()) {
        t.wrapped("  " + t.yellow("not delivered to the trail") + ": ", "step " + (s.index() + 1) + " " + s.call() + " at " + s.first()
            + (s.calls() > 1 ? " (" + (s.calls() - s.recorded()) + " of " + s.calls() + " calls)" : ""), "    ");
        s.notLoggedBecause().forEach(why -> t.wrapped("    because ", why, "      "));
        s.stillVisibleIn().ifPresent(where -> t.wrapped("    still visible in ", where, "      "));
      }
    }
    if (!files.isEmpty()) {
      t.wrapped("", "wrote " + files.size() + " file(s) under " + out + (files.size() <= 3 ? ": " + files : ""), "  ");
    }
    p.flush();
  }

  static Optional<Instant> parseTime(String s) {
    try {
      return Optional.of(Instant.parse(s));
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(OffsetDateTime.parse(s).toInstant());
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }
}
