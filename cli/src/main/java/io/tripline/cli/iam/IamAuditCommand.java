package io.tripline.cli.iam;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.cli.Terminal;
import io.tripline.core.log.LogInputException;
import io.tripline.iam.ServiceReference;
import io.tripline.iam.gaps.ActivityWindow;
import io.tripline.iam.gaps.UnusedPermissions;
import io.tripline.iam.access.AccountAccess;
import io.tripline.iam.access.EffectiveAccessAnalyzer;
import io.tripline.iam.access.PrincipalAccess;
import io.tripline.iam.account.AccountDataException;
import io.tripline.iam.audit.AuditResult;
import io.tripline.iam.audit.BundledChecks;
import io.tripline.iam.audit.IamAudit;
import io.tripline.iam.audit.IamChecks;
import io.tripline.iam.audit.Severity;
import io.tripline.rego.PolicySources;
import io.tripline.rego.RegoError;
import io.tripline.rego.RegoException;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.Value;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tripline iam audit}: who can read or tamper with the logs, with or without MFA, who is
 * admin-equivalent or can escalate, from an account export or live, as the Rego checks of
 * {@code policies/iam} decide over each principal's effective access.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Audit an account's IAM for log access: decides every log-reading, log-tampering and privilege-escalation action "
          + "for every user and role (with and without MFA) on the account's real trails and buckets, then runs the IAM "
          + "checks (policies/iam, Rego) over each principal's effective access.",
      "",
      "Designated log readers and admins: tag the role or user tripline:purpose=log-audit or =admin, or list their ARNs "
          + "in a --data file as {\"tripline\": {\"iam\": {\"log_readers\": [...], \"admins\": [...]}}}."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no finding at or above --fail-on",
      "1:findings at or above --fail-on",
      "2:usage error, or an input file is missing or malformed (the file and JSON pointer are printed)",
      "3:internal error (a bug: rerun with TRIPLINE_DEBUG=1 and report it)"
    })
public final class IamAuditCommand implements Callable<Integer> {

  enum Format { table, json, sarif, markdown }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin AccountInputs inputs;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table (default), json (findings and each principal's effective access), sarif (2.1.0) or markdown.")
  Format format;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "low",
      description = "Exit 1 when a finding is at or above this severity: informational, low (default), medium, high, critical.")
  String failOn;

  @Option(names = "--data", paramLabel = "FILE", description = "JSON or YAML data for the checks (log readers, admins), merged at the data root.")
  List<Path> data = new ArrayList<>();

  @Option(names = "--checks", paramLabel = "DIR", description = "Run the checks in DIR (.rego files, tests skipped) instead of the bundled ones.")
  Path checksDir;

  @Option(names = "--activity", paramLabel = "PATH",
      description = "CloudTrail logs (files or folders; repeatable): adds each principal's sensitive permissions unused in them "
          + "(check TRL-IAM-009).")
  List<Path> activity = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    Terminal terminal = Terminal.detect(spec.commandLine().getOut());
    PrintWriter err = spec.commandLine().getErr();
    String name = "tripline iam audit: ";
    Severity threshold = Severity.parse(failOn).orElse(null);
    if (threshold == null) {
      err.println(name + "--fail-on " + failOn + ": expected one of informational, low, medium, high, critical");
      err.flush();
      return 2;
    }
    IamChecks checks;
    try {
      checks = compileChecks(err);
    } catch (InputError e) {
      err.println(name + e.getMessage());
      err.flush();
      return 2;
    }
    if (checks == null) {
      err.flush();
      return 2;
    }
    AccountAccess access;
    try {
      access = inputs.load();
    } catch (AccountDataException e) {
      err.println(name + e.getMessage());
      err.flush();
      return 2;
    }
    if (access.accountId() == null) {
      err.println(name + inputs.describe() + ": no users or roles in the export; nothing to audit");
      err.flush();
      return 2;
    }
    List<PrincipalAccess> analysis = new EffectiveAccessAnalyzer(access).analyze();
    UnaryOperator<ObjectNode> enrich = UnaryOperator.identity();
    if (!activity.isEmpty()) {
      ActivityLogs.Activity logs;
      try {
        logs = ActivityLogs.read(activity, ServiceReference.bundled());
      } catch (LogInputException e) {
        err.println(name + e.getMessage());
        err.flush();
        return 2;
      }
      logs.problems().forEach(p -> err.println(terminal.yellow("warning") + ": " + p));
      enrich = new UnusedPermissions(analysis, new ActivityWindow(access, logs.calls()));
    }
    AuditResult result = new IamAudit(checks).run(access, analysis, enrich);
    PrintWriter out = terminal.out();
    switch (format) {
      case table -> AuditViews.table(result, inputs.describe(), threshold, terminal);
      case json -> AuditViews.json(result, inputs.describe(), out);
      case sarif -> AuditViews.sarif(result, inputs.source.live ? null : inputs.source.export, out);
      case markdown -> AuditViews.markdown(result, inputs.describe(), threshold, out);
    }
    if (format != Format.table) {
      result.problems().forEach(p -> err.println(terminal.yellow("warning") + ": " + p));
    }
    out.flush();
    err.flush();
    return result.countAtOrAbove(threshold) > 0 ? 1 : 0;
  }

  /** The compiled checks, or null after printing compile errors. */
  private IamChecks compileChecks(PrintWriter err) throws InputError {
    Map<String, String> modules;
    try {
      if (checksDir != null) {
        if (!Files.isDirectory(checksDir)) {
          throw new InputError("--checks " + checksDir + ": not a directory of .rego files");
        }
        modules = BundledChecks.read(checksDir);
      } else {
        modules = BundledChecks.modules();
      }
      if (modules.isEmpty()) {
        throw new InputError(checksDir != null ? "--checks " + checksDir + ": no .rego files" : "the bundled IAM checks are missing from the jar (rebuild the CLI)");
      }
      Value merged = ObjectValue.EMPTY;
      for (Path d : data) {
        if (!Files.isRegularFile(d)) {
          throw new InputError("--data " + d + ": no such file");
        }
        merged = PolicySources.merge(merged, PolicySources.readData(d));
      }
      return IamChecks.compile(modules, merged);
    } catch (RegoException e) {
      for (RegoError re : e.errors()) {
        err.println(re);
      }
      err.println("tripline iam audit: the IAM checks do not compile; fix them or run ./tripline policy test on the folder");
      return null;
    } catch (IllegalArgumentException e) {
      throw new InputError(e.getMessage());
    } catch (IOException e) {
      throw new InputError(e.getMessage());
    }
  }

  /** A problem with the command's input files; exit 2. */
  static final class InputError extends Exception {
    private static final long serialVersionUID = 1L;

    InputError(String message) {
      super(message);
    }
  }
}
