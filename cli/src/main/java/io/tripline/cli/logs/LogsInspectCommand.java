package io.tripline.cli.logs;

import io.tripline.cli.Terminal;
import io.tripline.cli.WideOption;
import io.tripline.core.log.CloudTrailLogReader;
import io.tripline.core.log.LogInputException;
import io.tripline.core.log.LogInventory;
import io.tripline.core.log.LogReadException;
import io.tripline.core.log.ReadMode;
import io.tripline.core.log.ReadProblem;
import io.tripline.core.log.ReadSummary;
import io.tripline.core.record.CloudTrailRecord;
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
 * {@code tripline logs inspect PATH...}: reads CloudTrail logs in any supported format and
 * summarises them. Exit 0 when read (bad records are skipped and counted), 1 when {@code --strict}
 * met a bad record, 2 on a usage error or a path that does not exist.
 */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
      "Summarise CloudTrail logs: records read and skipped, time range, calls by eventSource and "
          + "eventName, principals, source IP addresses and error codes.",
      "",
      "Reads CloudTrail log files ({\"Records\":[...]}, gzipped or not), S3-layout directory trees "
          + "(AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/; digest files are counted, not read), "
          + "JSON lines, JSON arrays, single records and `aws cloudtrail lookup-events` output. "
          + "The format is detected from the content. Use - to read standard input.",
      "",
      "A directory written by `tripline simulate` has a tripline-manifest.json: records are then also "
          + "counted by origin (scenario step or baseline profile)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the logs were read (bad records, if any, were skipped and counted)",
      "1:--strict and a bad record or file was found",
      "2:usage or input error: a path that does not exist, no log file or no record was found",
      "3:internal error (a bug: rerun with TRIPLINE_DEBUG=1 and report it)"
    })
public final class LogsInspectCommand implements Callable<Integer> {

  /** How many problems the text summary prints to stderr before it only counts. */
  static final int PROBLEMS_SHOWN = 20;

  enum Format { text, json }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Log files or directories (- for standard input).")
  List<String> paths;

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--strict", description = "Stop at the first bad record or file (exit 1) instead of skipping it.")
  boolean strict;

  @Option(names = "--top", defaultValue = "10", paramLabel = "N",
      description = "Rows per table in the text summary (default: ${DEFAULT-VALUE}).")
  int top;

  @CommandLine.Mixin WideOption display = new WideOption();

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = Terminal.detect(spec.commandLine().getErr(), display.wide()).wrapping();
    if (top < 1) {
      err.println("tripline logs inspect: --top must be at least 1, not " + top);
      return 2;
    }
    if (paths.contains("-") && paths.size() > 1) {
      err.println("tripline logs inspect: - (standard input) cannot be combined with other paths");
      return 2;
    }
    ReadMode mode = strict ? ReadMode.STRICT : ReadMode.SKIP_BAD_RECORDS;
    LogInventory inventory = new LogInventory();
    OriginCounts origins;
    try {
      origins = OriginCounts.load(paths);
    } catch (IOException e) {
      err.println("tripline logs inspect: " + e.getMessage());
      return 2;
    }
    ReadSummary summary;
    try (CloudTrailLogReader reader = open(mode)) {
      for (CloudTrailRecord r : reader) {
        inventory.add(r);
        origins.add(r);
      }
      summary = reader.summary();
    } catch (LogInputException e) {
      err.println("tripline logs inspect: " + e.getMessage());
      return 2;
    } catch (LogReadException e) {
      err.println("tripline logs inspect: " + e.problem().describe());
      err.println("(stopped at the first problem because of --strict; without it, bad records are skipped and counted)");
      err.flush();
      return 1;
    }
    if (summary.filesRead() == 0 && !paths.equals(List.of("-"))) {
      err.println("tripline logs inspect: no CloudTrail log files in " + String.join(", ", paths)
          + " (looked for .json, .json.gz, .jsonl, .ndjson and .gz files" + (summary.digestFilesSkipped() > 0
              ? "; found only " + summary.digestFilesSkipped() + " digest file(s), which hold no records" : "") + ")");
      err.flush();
      return 2;
    }
    if (format == Format.json) {
      new InspectJsonView().print(out, summary, inventory, origins);
    } else {
      new InspectTextView(Terminal.detect(out, display.wide()), top).print(summary, inventory, origins);
      reportProblems(err, summary);
    }
    if (inventory.records() == 0) {
      err.println("tripline logs inspect: no records in the " + summary.filesRead() + " file(s) read");
      err.flush();
      return 2;
    }
    return 0;
  }

  private CloudTrailLogReader open(ReadMode mode) {
    if (paths.equals(List.of("-"))) {
      return CloudTrailLogReader.open("<stdin>", System.in, mode);
    }
    return CloudTrailLogReader.open(paths.stream().map(Path::of).toList(), mode);
  }

  private static void reportProblems(PrintWriter err, ReadSummary summary) {
    if (summary.recordsSkipped() == 0) {
      return;
    }
    List<ReadProblem> problems = summary.problems();
    problems.stream().limit(PROBLEMS_SHOWN).forEach(p -> err.println("skipped: " + p.describe()));
    if (summary.recordsSkipped() > PROBLEMS_SHOWN) {
      err.println("… and " + (summary.recordsSkipped() - PROBLEMS_SHOWN) + " more (see --format json)");
    }
    err.println(summary.recordsSkipped() + " bad record(s) skipped; use --strict to stop at the first");
    err.flush();
  }
}
