package io.tripline.cli.iam;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.cli.Terminal;
import io.tripline.core.log.LogInputException;
import io.tripline.iam.ServiceReference;
import io.tripline.iam.access.AccountAccess;
import io.tripline.iam.access.AccountPrincipal;
import io.tripline.iam.access.EffectiveAccessAnalyzer;
import io.tripline.iam.access.Grant;
import io.tripline.iam.access.PrincipalAccess;
import io.tripline.iam.account.AccountDataException;
import io.tripline.iam.gaps.ActivityCall;
import io.tripline.iam.gaps.ActivityWindow;
import io.tripline.iam.gaps.PolicySuggester;
import io.tripline.iam.gaps.PolicySuggestion;
import io.tripline.iam.gaps.StatementVerdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tripline iam suggest}: the least-privilege policy a principal's CloudTrail activity
 * needs, and what to do with each statement of today's policies; offline, from logs.
 */
@Command(
    name = "suggest",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Write the least-privilege policy a principal's observed activity needs (actions and resources from the CloudTrail "
          + "records, grouped as IAM Access Analyzer's policy generation groups them) and say which statements of today's "
          + "policies to keep, replace or remove. Offline, from logs.",
      "",
      "Log reading and tampering seen in the activity of a principal that is not a designated log reader or admin "
          + "(tag tripline:purpose) is left out of the policy and listed: a phished account's calls are in the same logs. "
          + "--keep-sensitive keeps them."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:a policy was suggested",
      "2:usage error, an unreadable input, or no activity for the principal",
      "3:internal error (a bug: rerun with TRIPLINE_DEBUG=1 and report it)"
    })
public final class IamSuggestCommand implements Callable<Integer> {

  enum Format { text, json }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin AccountInputs inputs;

  @Option(names = "--activity", required = true, paramLabel = "PATH",
      description = "CloudTrail logs: files or folders (S3 layout, .json.gz, JSON lines, lookup-events output); repeatable.")
  List<Path> activity = new ArrayList<>();

  @Option(names = "--principal", paramLabel = "NAME",
      description = "The user or role (name or ARN); default: every principal of the export seen in the activity.")
  String principal;

  @Option(names = "--keep-sensitive", description = "Keep log reading and tampering seen in the activity in the suggested policy.")
  boolean keepSensitive;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
  Format format;

  @Option(names = "--policy-out", paramLabel = "FILE",
      description = "Also write the suggested policy document (one principal) to FILE, ready for aws iam create-policy.")
  Path policyOut;

  @Override
  public Integer call() throws IOException {
    Terminal terminal = Terminal.detect(spec.commandLine().getOut());
    PrintWriter err = spec.commandLine().getErr();
    String name = "tripline iam suggest: ";
    AccountAccess access;
    try {
      access = inputs.load();
    } catch (AccountDataException e) {
      err.println(name + e.getMessage());
      err.flush();
      return 2;
    }
    ServiceReference reference = ServiceReference.bundled();
    ActivityLogs.Activity logs;
    try {
      logs = ActivityLogs.read(activity, reference);
    } catch (LogInputException e) {
      err.println(name + e.getMessage());
      err.flush();
      return 2;
    }
    logs.problems().forEach(p -> err.println(terminal.yellow("warning") + ": " + p));
    ActivityWindow window = new ActivityWindow(access, logs.calls());
    List<String> targets;
    if (principal != null) {
      Optional<AccountPrincipal> p = find(access, principal);
      if (p.isEmpty()) {
        err.println(name + "--principal " + principal + ": no such user or role in " + inputs.describe() + " (users: "
            + String.join(", ", access.principals().stream().map(AccountPrincipal::name).toList()) + ")");
        err.flush();
        return 2;
      }
      targets = List.of(p.get().arn());
    } else {
      targets = window.principals();
    }
    if (targets.isEmpty() || targets.stream().allMatch(t -> window.calls(t).isEmpty())) {
      err.println(name + "no calls by " + (principal != null ? principal : "any principal of the export") + " in " + logs.records()
          + " record(s) of " + activity + "; give the logs that cover its activity");
      err.flush();
      return 2;
    }
    List<PrincipalAccess> effective = new EffectiveAccessAnalyzer(access, reference).analyze();
    PolicySuggester suggester = new PolicySuggester(access, reference);
    List<PolicySuggestion> suggestions = new ArrayList<>();
    for (String arn : targets) {
      effective.stream().filter(a -> a.principal().arn().equals(arn)).findFirst()
          .ifPresent(a -> suggestions.add(suggester.suggest(a, window, keepSensitive)));
    }
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    PrintWriter out = terminal.out();
    if (format == Format.json) {
      ArrayNode all = JsonNodeFactory.instance.arrayNode();
      suggestions.forEach(s -> all.add(json(s, window)));
      out.println(mapper.writeValueAsString(principal != null ? all.get(0) : all));
    } else {
      for (PolicySuggestion s : suggestions) {
        text(s, window, terminal, mapper);
      }
    }
    if (policyOut != null) {
      if (suggestions.size() != 1) {
        err.println(name + "--policy-out needs one principal; add --principal");
        err.flush();
        return 2;
      }
      Files.writeString(policyOut, mapper.writeValueAsString(suggestions.get(0).policy()) + "\n", StandardCharsets.UTF_8);
    }
    out.flush();
    err.flush();
    return 0;
  }

  private static Optional<AccountPrincipal> find(AccountAccess access, String nameOrArn) {
    if (nameOrArn.startsWith("arn:")) {
      return access.principal(nameOrArn);
    }
    return access.principals().stream().filter(p -> p.name().equals(nameOrArn)).findFirst();
  }

  private static void text(PolicySuggestion s, ActivityWindow w, Terminal t, ObjectMapper mapper) throws IOException {
    PrintWriter out = t.out();
    out.println(t.bold("Least privilege for " + AuditViews.label(s.principalArn())) + "  " + t.dim(s.principalArn()));
    out.println("activity: " + s.callsUsed() + " allowed call(s) used, " + s.callsDenied() + " denied" + (w.from() == null ? ""
        : ", " + w.from() + " to " + w.to()));
    if (!s.excludedSensitive().isEmpty()) {
      out.println();
      out.println(t.yellow("Left out (log access by a principal that is not a designated log reader; --keep-sensitive keeps it):"));
      for (ActivityCall c : s.excludedSensitive()) {
        out.println("  " + c.action());
        out.println("      " + c.resource());
      }
    }
    out.println();
    out.println(t.bold("Today's statements:"));
    for (StatementVerdict v : s.statements()) {
      String what = String.format("  %-10s %s", v.verdict().text().toUpperCase(java.util.Locale.ROOT),
          StatementLabels.policy(v.policy()) + " " + (v.sid() != null ? "'" + v.sid() + "'" : "#" + v.statementIndex()));
      out.println(v.verdict() == StatementVerdict.Verdict.REMOVE ? t.red(what) : what);
      StatementLabels.wrap(v.reason() + (v.usedBy().isEmpty() ? "" : " (used: " + String.join(", ", v.usedBy()) + ")"),
          AuditViews.WIDTH, "             ").forEach(out::println);
    }
    if (!s.unusedSensitive().isEmpty()) {
      out.println();
      out.println(t.bold("Sensitive permissions held and unused in the window:"));
      List<String> lines = new ArrayList<>();
      for (Grant g : s.unusedSensitive()) {
        String line = g.probe().action() + " (" + g.probe().note() + ")";
        if (!lines.contains(line)) {
          lines.add(line);
        }
      }
      StatementLabels.wrap(String.join(", ", lines), AuditViews.WIDTH, "  ").forEach(out::println);
    }
    out.println();
    out.println(t.bold("Suggested policy:"));
    out.println(mapper.writeValueAsString(s.policy()));
    out.println();
  }

  private static ObjectNode json(PolicySuggestion s, ActivityWindow w) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("principal", s.principalArn());
    ObjectNode act = n.putObject("activity");
    act.put("callsUsed", s.callsUsed());
    act.put("callsDenied", s.callsDenied());
    act.put("from", w.from() == null ? null : w.from().toString());
    act.put("to", w.to() == null ? null : w.to().toString());
    n.set("policy", s.policy());
    ArrayNode st = n.putArray("statements");
    for (StatementVerdict v : s.statements()) {
      ObjectNode o = st.addObject();
      o.put("policy", v.policy());
      o.put("sid", v.sid());
      o.put("statementIndex", v.statementIndex());
      o.put("verdict", v.verdict().text());
      ArrayNode used = o.putArray("usedBy");
      v.usedBy().forEach(used::add);
      o.put("reason", v.reason());
    }
    ArrayNode ex = n.putArray("excludedSensitive");
    s.excludedSensitive().forEach(c -> ex.addObject().put("action", c.action()).put("resource", c.resource()));
    ArrayNode un = n.putArray("unusedSensitive");
    s.unusedSensitive().forEach(g -> un.addObject().put("category", g.probe().category().text()).put("action", g.probe().action())
        .put("resource", g.probe().resource()));
    return n;
  }
}
