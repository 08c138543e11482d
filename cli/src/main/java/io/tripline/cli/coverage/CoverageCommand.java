package io.tripline.cli.coverage;

import io.tripline.cli.LibraryOptions;
import io.tripline.cli.Terminal;
import io.tripline.cli.Tripline;
import io.tripline.cli.detect.EngineOptions;
import io.tripline.core.detect.DetectionException;
import io.tripline.core.detect.DetectionOptions;
import io.tripline.core.detect.RuleLibrary;
import io.tripline.core.enrich.GeoIpEnricher;
import io.tripline.iam.access.AccountAccess;
import io.tripline.iam.access.AccountResources;
import io.tripline.iam.access.ResourceFileLoader;
import io.tripline.iam.account.AccountAuthorizationDetails;
import io.tripline.iam.account.AccountDataException;
import io.tripline.iam.account.ExportFileLoader;
import io.tripline.iam.policy.PolicyDocument;
import io.tripline.simulator.ScenarioSources;
import io.tripline.simulator.SimulationOptions.BaselineMix;
import io.tripline.simulator.Simulator;
import io.tripline.simulator.access.AccountAuthorizer;
import io.tripline.simulator.access.CallAuthorizer;
import io.tripline.simulator.coverage.CoverageReport;
import io.tripline.simulator.coverage.CoverageRunner;
import io.tripline.simulator.scenario.BaselineProfile;
import io.tripline.simulator.source.Diagnostic;
import io.tripline.simulator.scenario.LoadResult;
import io.tripline.simulator.scenario.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tripline coverage}: replays scenarios with normal activity mixed in, runs every rule, reports coverage. */
@Command(
    name = "coverage",
    mixinStandardHelpOptions = true,
    description = {
      "Replay attack scenarios and benign baselines, run the rule library, and report what was caught, what was "
          + "missed, what was noisy and how fast it was caught.",
      "",
      "With no SCRIPT: every bundled scenario and variant, the bundled library, the simulated company's context "
          + "(attack-scenarios context/company.yaml) and 100,000 baseline records across five profiles. A step's "
          + "`expect: {fire: [...]}` holds when a rule tagged with the technique (either ATT&CK version) or with "
          + "that rule id fires on the step's records; steps no trail recorded are reported as not logged, not as misses."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every expectation held and every threshold held",
      "1:an expectation failed, or --fail-under, --max-false-positives or --fail-on-gaps was crossed",
      "2:usage or input error (a script, the library, a data file)",
      "3:internal error (a bug: rerun with TRIPLINE_DEBUG=1 and report it)"
    })
public final class CoverageCommand implements Callable<Integer> {

  @picocli.CommandLine.Mixin io.tripline.cli.IncludeOption includes = new io.tripline.cli.IncludeOption();
  static final Map<String, Integer> DEFAULT_BASELINES = defaults();

  enum Format { terminal, json, junit, sarif, markdown, html, navigator, incident }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin LibraryOptions library;

  @Mixin EngineOptions engine;

  @Parameters(arity = "0..*", paramLabel = "SCRIPT",
      description = "Scenario files, directories, or bundled ids (id/variant for one variant; an id runs all its variants).")
  List<String> scripts = new ArrayList<>();

  @Option(names = "--baseline", paramLabel = "PROFILE[:N]",
      description = "Benign activity to mix in: N records (default 10000) of a bundled baseline profile; repeatable. "
          + "Default: developer:35000, administrator:15000, security-auditor:15000, ci-cd:25000, aws-service-roles:10000.")
  List<String> baselines = new ArrayList<>();

  @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seed of every simulation (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--format", defaultValue = "terminal", paramLabel = "FORMAT",
      description = "What to print: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--report", paramLabel = "DIR", description = "Also write every format to DIR (stable file names, see README).")
  Path report;

  @Option(names = "--fail-under", paramLabel = "PCT", description = "Exit 1 when step coverage is below PCT percent.")
  Double failUnder;

  @Option(names = "--max-false-positives", paramLabel = "N", description = "Exit 1 when the baselines raise more than N findings.")
  Integer maxFalsePositives;

  @Option(names = "--fail-on-gaps", description = "Exit 1 when a technique a scenario exercises has no rule that fires on it.")
  boolean failOnGaps;

  @Option(names = "--no-enrich", description = "Do not add input.tripline.source (country, ASN) to records.")
  boolean noEnrich;

  @Option(names = "--wide", description = "Do not cut lines to the terminal width.")
  boolean wide;

  @Option(names = "--iam", paramLabel = "EXPORT",
      description = "IAM-aware replay: decide every scenario step against this account's policies (`aws iam "
          + "get-account-authorization-details` output). Denied steps are written as AWS logs AccessDenied; the report "
          + "shows each step's granting statement or deny reason and which rules fire on the denied attempts.")
  Path iamExport;

  @Option(names = "--iam-bucket-policy", paramLabel = "BUCKET=FILE",
      description = "With --iam: a bucket's policy (`aws s3api get-bucket-policy` output or the bare policy); repeatable.")
  List<String> iamBucketPolicies = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (failUnder != null && (failUnder < 0 || failUnder > 100)) {
      err.println("tripline coverage: --fail-under takes a percentage from 0 to 100, not " + failUnder);
      return 2;
    }
    String engineProblem = engine.problem();
    if (engineProblem != null) {
      err.println("tripline coverage: " + engineProblem);
      return 2;
    }
    CallAuthorizer authorizer = null;
    if (iamExport != null || !iamBucketPolicies.isEmpty()) {
      try {
        authorizer = authorizer();
      } catch (AccountDataException e) {
        err.println("tripline coverage: --iam: " + e.getMessage());
        return 2;
      }
    }
    ScenarioSources sources = includes.sources();
    List<Scenario> scenarios = scenarios(sources, err);
    List<BaselineMix> mix = baselines(sources, err);
    if (scenarios == null || mix == null) {
      return 2;
    }
    boolean companyContext = library.data.isEmpty() && scripts.isEmpty();
    if (companyContext) {
      library.bundledData.add("context/company.yaml");
    }
    RuleLibrary lib = library.load("tripline coverage", err);
    if (lib == null) {
      return 2;
    }
    DetectionOptions detection = DetectionOptions.defaults().evalOptions(library.evalOptions());
    if (!noEnrich) {
      detection = detection.enricher(GeoIpEnricher.load(List.of(), lib.readsAsn()));
    }
    boolean terminal = System.console() != null;
    CoverageReport result;
    try (EngineOptions rules = engine; ProgressBar bar = terminal ? bar(mix) : null) {
      CoverageRunner.Options options = new CoverageRunner.Options(seed, mix, detection, p -> {
        if (bar != null) {
          bar.maxHint(p.expected());
          bar.stepTo(p.records());
          bar.setExtraMessage(Terminal.cut(p.stage(), 28));
        }
      }, rules.remoteEvaluator(lib, detection.threads()), authorizer);
      result = new CoverageRunner(new Simulator(sources.catalog())).run(scenarios, lib, options);
    } catch (DetectionException e) {
      err.println("tripline coverage: " + e.getMessage());
      return 2;
    }
    ReportFiles files = new ReportFiles(result, lib, Tripline.version());
    switch (format) {
      case terminal -> new CoverageTerminalView(Terminal.detect(out, wide)).print(result, lib, companyContext, thresholds());
      case json -> out.print(files.json());
      case junit -> out.print(files.junit());
      case sarif -> out.print(files.sarif());
      case markdown -> out.print(files.markdown());
      case html -> out.print(files.html());
      case navigator -> out.print(files.navigator());
      case incident -> out.print(files.incidents().values().stream().reduce("", (a, b) -> a + b + "\n---\n\n"));
    }
    out.flush();
    if (report != null) {
      List<Path> written = files.writeAll(report);
      err.println("tripline coverage: wrote " + written.size() + " report files to " + report);
    }
    return verdict(result, err);
  }

  /** The account's policies for the IAM-aware replay, or an error naming the file and the problem. */
  private CallAuthorizer authorizer() throws AccountDataException {
    if (iamExport == null) {
      throw new AccountDataException("--iam-bucket-policy needs --iam EXPORT");
    }
    if (!java.nio.file.Files.isRegularFile(iamExport)) {
      throw new AccountDataException(iamExport + ": " + (java.nio.file.Files.isDirectory(iamExport) ? "is a directory" : "no such file")
          + "; expected `aws iam get-account-authorization-details` output");
    }
    ResourceFileLoader files = new ResourceFileLoader();
    Map<String, PolicyDocument> policies = new LinkedHashMap<>();
    for (String bp : iamBucketPolicies) {
      int eq = bp.indexOf('=');
      if (eq <= 0 || eq == bp.length() - 1) {
        throw new AccountDataException("--iam-bucket-policy " + bp + ": expected BUCKET=FILE, such as company-cloudtrail-logs=bucket-policy.json");
      }
      policies.put(bp.substring(0, eq), files.bucketPolicy(Path.of(bp.substring(eq + 1))));
    }
    AccountAuthorizationDetails details = new ExportFileLoader().load(iamExport);
    AccountAccess access = AccountAccess.of(details, new AccountResources(List.of(), policies, List.of()));
    if (access.accountId() == null) {
      throw new AccountDataException(iamExport + ": no users or roles in the export; nothing to decide the steps against");
    }
    return new AccountAuthorizer(access, iamExport.getFileName().toString());
  }

  private String thresholds() {
    List<String> t = new ArrayList<>();
    if (failUnder != null) {
      t.add("--fail-under " + failUnder);
    }
    if (maxFalsePositives != null) {
      t.add("--max-false-positives " + maxFalsePositives);
    }
    if (failOnGaps) {
      t.add("--fail-on-gaps");
    }
    return String.join(" ", t);
  }

  private int verdict(CoverageReport r, PrintWriter err) {
    List<String> crossed = new ArrayList<>();
    if (!r.failedExpectations().isEmpty()) {
      crossed.add(r.failedExpectations().size() + " expectation(s) failed");
    }
    if (failUnder != null && r.stepCoverage() < failUnder) {
      crossed.add(String.format("step coverage %.1f%% is under --fail-under %s", r.stepCoverage(), failUnder));
    }
    if (maxFalsePositives != null && r.baseline().falsePositives() > maxFalsePositives) {
      crossed.add(r.baseline().falsePositives() + " false positives exceed --max-false-positives " + maxFalsePositives);
    }
    if (failOnGaps && !r.gaps().isEmpty()) {
      crossed.add(r.gaps().size() + " technique gap(s): " + String.join(", ", r.gaps().stream().map(g -> g.id()).toList()));
    }
    if (crossed.isEmpty()) {
      return 0;
    }
    crossed.forEach(c -> err.println("tripline coverage: FAIL: " + c));
    err.flush();
    return 1;
  }

  private List<Scenario> scenarios(ScenarioSources sources, PrintWriter err) {
    if (scripts.isEmpty()) {
      return sources.library().scenarios();
    }
    List<Scenario> out = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    for (String arg : scripts) {
      if (arg.contains("/") && !Path.of(arg).toFile().exists()) {
        ScenarioSources.Selection sel = sources.select(arg);
        out.addAll(sel.scenarios());
        problems.addAll(sel.problems());
        continue;
      }
      for (LoadResult r : sources.load(List.of(arg))) {
        if (!r.ok()) {
          problems.addAll(r.diagnostics());
        } else if (!r.baselines().isEmpty() && !Path.of(arg).toFile().isDirectory()) {
          problems.add(new Diagnostic(arg, 0, 0, "is a baseline profile; mix it in with --baseline " + r.baselines().get(0).id() + ":N"));
        } else {
          out.addAll(r.scenarios());
        }
      }
    }
    if (!problems.isEmpty()) {
      problems.forEach(p -> err.println("tripline coverage: " + p));
      return null;
    }
    if (out.isEmpty()) {
      err.println("tripline coverage: no scenario in " + String.join(", ", scripts) + " (see `tripline scenario list`)");
      return null;
    }
    return out;
  }

  private List<BaselineMix> baselines(ScenarioSources sources, PrintWriter err) {
    Map<String, Integer> wanted = new LinkedHashMap<>();
    if (baselines.isEmpty()) {
      wanted.putAll(DEFAULT_BASELINES);
    }
    for (String b : baselines) {
      String[] p = b.split(":", 2);
      int n = 10_000;
      if (p.length == 2) {
        try {
          n = Integer.parseInt(p[1]);
        } catch (NumberFormatException e) {
          n = -1;
        }
        if (n < 1 || n > 5_000_000) {
          err.println("tripline coverage: --baseline " + b + ": N must be a whole number from 1 to 5000000 (e.g. developer:20000)");
          return null;
        }
      }
      wanted.merge(p[0], n, Integer::sum);
    }
    List<BaselineMix> out = new ArrayList<>();
    for (Map.Entry<String, Integer> e : wanted.entrySet()) {
      BaselineProfile profile = sources.library().baseline(e.getKey()).orElse(null);
      if (profile == null) {
        err.println("tripline coverage: no baseline profile '" + e.getKey() + "'; bundled: "
            + String.join(", ", sources.library().baselines().stream().map(BaselineProfile::id).toList()));
        return null;
      }
      out.add(new BaselineMix(profile, e.getValue()));
    }
    return out;
  }

  private static ProgressBar bar(List<BaselineMix> mix) {
    return new ProgressBarBuilder().setTaskName("coverage").setUnit(" rec", 1).showSpeed()
        .setInitialMax(mix.stream().mapToLong(BaselineMix::count).sum()).setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(System.err, 99)).setUpdateIntervalMillis(200).build();
  }

  private static Map<String, Integer> defaults() {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("developer", 35_000);
    m.put("administrator", 15_000);
    m.put("security-auditor", 15_000);
    m.put("ci-cd", 25_000);
    m.put("aws-service-roles", 10_000);
    return m;
  }

}
