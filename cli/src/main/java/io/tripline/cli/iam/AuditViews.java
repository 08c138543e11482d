package io.tripline.cli.iam;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.cli.Terminal;
import io.tripline.cli.Tripline;
import io.tripline.core.report.FindingsSarif;
import io.tripline.iam.audit.AuditResult;
import io.tripline.iam.audit.IamCheck;
import io.tripline.iam.audit.IamFinding;
import io.tripline.iam.audit.Severity;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The four renderings of an IAM audit: table (terminal), JSON, SARIF 2.1.0 and Markdown. */
final class AuditViews {

  static final int WIDTH = 100;
  static final String SCHEMA = "tripline.iam.audit/v1";

  private AuditViews() {}

  static void table(AuditResult r, String source, Severity failOn, Terminal t) {
    PrintWriter out = t.out();
    out.println(t.bold("IAM audit of account " + r.account()) + ": " + r.principals().size() + " principals, " + r.checks().size() + " checks");
    out.println(t.dim("source: " + source));
    List<String> quiet = new ArrayList<>();
    for (AuditResult.PrincipalResult p : r.principals()) {
      if (p.findings().isEmpty()) {
        quiet.add(label(p.arn()));
        continue;
      }
      out.println();
      out.println(t.bold(label(p.arn())) + "  " + t.dim(p.arn()));
      for (IamFinding f : p.findings()) {
        String sev = String.format("%-8s", f.check().severity().text().toUpperCase(Locale.ROOT));
        out.println("  " + paint(t, f.check().severity(), sev) + f.check().id() + "  " + f.check().title());
        String indent = "          ";
        StatementLabels.wrap(f.message(), WIDTH, indent).forEach(out::println);
        List<String> st = StatementLabels.statements(f.finding().path("statements"));
        if (!st.isEmpty()) {
          StatementLabels.wrap(t.dim("granted by:") + " " + String.join(", ", st), WIDTH + (t.color() ? 8 : 0), indent).forEach(out::println);
        }
      }
    }
    if (!quiet.isEmpty()) {
      out.println();
      StatementLabels.wrap(t.green("No findings:") + " " + String.join(", ", quiet), WIDTH + (t.color() ? 9 : 0), "").forEach(out::println);
    }
    for (String problem : r.problems()) {
      out.println(t.yellow("warning") + ": " + problem);
    }
    out.println();
    out.println(summary(r, failOn));
  }

  static String summary(AuditResult r, Severity failOn) {
    List<IamFinding> all = r.findings();
    Map<Severity, Long> bySev = new EnumMap<>(Severity.class);
    all.forEach(f -> bySev.merge(f.check().severity(), 1L, Long::sum));
    List<String> parts = new ArrayList<>();
    for (int i = Severity.values().length - 1; i >= 0; i--) {
      Severity s = Severity.values()[i];
      if (bySev.containsKey(s)) {
        parts.add(bySev.get(s) + " " + s.text());
      }
    }
    long withFindings = r.principals().stream().filter(p -> !p.findings().isEmpty()).count();
    return all.size() + " finding(s)" + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")") + " on " + withFindings + " of "
        + r.principals().size() + " principals; " + r.countAtOrAbove(failOn) + " at or above --fail-on " + failOn.text();
  }

  static void json(AuditResult r, String source, PrintWriter out) throws java.io.IOException {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("schema", SCHEMA);
    root.put("account", r.account());
    root.put("source", source);
    ArrayNode checks = root.putArray("checks");
    r.checks().forEach(c -> checks.add(check(c)));
    ArrayNode principals = root.putArray("principals");
    for (AuditResult.PrincipalResult p : r.principals()) {
      ObjectNode n = principals.addObject();
      n.put("arn", p.arn());
      ArrayNode fs = n.putArray("findings");
      for (IamFinding f : p.findings()) {
        ObjectNode fn = fs.addObject();
        fn.put("id", f.check().id());
        fn.put("title", f.check().title());
        fn.put("severity", f.check().severity().text());
        fn.put("riskScore", f.check().riskScore());
        fn.put("message", f.message());
        fn.set("finding", f.finding());
      }
      n.set("effectiveAccess", p.document());
    }
    ArrayNode problems = root.putArray("problems");
    r.problems().forEach(problems::add);
    out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
  }

  /**
   * SARIF 2.1.0: a {@code reportingDescriptor} per check, a result per finding located at the
   * export file (none when the account was read live) and, logically, at the principal.
   */
  static void sarif(AuditResult r, Path export, PrintWriter out) throws java.io.IOException {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("$schema", FindingsSarif.SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "tripline");
    driver.put("version", Tripline.version());
    driver.put("informationUri", "https://github.com/tripline/tripline");
    ArrayNode rules = driver.putArray("rules");
    Map<String, Integer> ruleIndex = new HashMap<>();
    for (IamCheck c : r.checks()) {
      ruleIndex.putIfAbsent(c.id(), rules.size());
      ObjectNode rule = rules.addObject();
      rule.put("id", c.id());
      rule.put("name", c.packagePath().substring(c.packagePath().lastIndexOf('.') + 1));
      rule.putObject("shortDescription").put("text", c.title());
      rule.putObject("fullDescription").put("text", c.description());
      if (!c.references().isEmpty()) {
        rule.put("helpUri", c.references().get(0));
      }
      rule.putObject("help").put("text", String.join("\n", c.response()));
      ObjectNode props = rule.putObject("properties");
      props.put("security-severity", String.format(Locale.ROOT, "%.1f", c.riskScore() / 10.0));
      ArrayNode tags = props.putArray("tags");
      tags.add("security");
      c.mitre().forEach(tags::add);
      rule.putObject("defaultConfiguration").put("level", level(c.severity()));
    }
    ArrayNode results = run.putArray("results");
    for (IamFinding f : r.findings()) {
      ObjectNode res = results.addObject();
      res.put("ruleId", f.check().id());
      Integer index = ruleIndex.get(f.check().id());
      if (index != null) {
        res.put("ruleIndex", index);
      }
      res.put("level", level(f.check().severity()));
      res.putObject("message").put("text", f.message());
      ObjectNode loc = res.putArray("locations").addObject();
      if (export != null) {
        loc.putObject("physicalLocation").putObject("artifactLocation").put("uri", FindingsSarif.artifactUri(export.toString()));
      }
      loc.putArray("logicalLocations").addObject().put("fullyQualifiedName", f.principal()).put("kind", "resource");
      res.putObject("partialFingerprints").put("principalAndCheck/v1", f.check().id() + ":" + f.principal() + ":" + String.join(",", f.actions()));
      res.putObject("properties").set("finding", f.finding());
    }
    out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
  }

  static void markdown(AuditResult r, String source, Severity failOn, PrintWriter out) {
    out.println("# IAM audit of account " + r.account());
    out.println();
    out.println("Source: `" + source + "`. " + summary(r, failOn) + ".");
    out.println();
    out.println("| Severity | Check | Principal | Finding | Granted by |");
    out.println("|---|---|---|---|---|");
    for (IamFinding f : r.findings()) {
      out.println("| " + f.check().severity().text() + " | " + f.check().id() + " " + md(f.check().title()) + " | `" + f.principal() + "` | "
          + md(f.message()) + " | " + md(String.join(", ", StatementLabels.statements(f.finding().path("statements")))) + " |");
    }
    List<String> quiet = r.principals().stream().filter(p -> p.findings().isEmpty()).map(p -> "`" + p.arn() + "`").collect(Collectors.toList());
    if (!quiet.isEmpty()) {
      out.println();
      out.println("No findings: " + String.join(", ", quiet) + ".");
    }
  }

  private static ObjectNode check(IamCheck c) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("id", c.id());
    n.put("package", c.packagePath());
    n.put("title", c.title());
    n.put("severity", c.severity().text());
    n.put("riskScore", c.riskScore());
    ArrayNode m = n.putArray("mitre");
    c.mitre().forEach(m::add);
    return n;
  }

  private static String level(Severity s) {
    return switch (s) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      default -> "note";
    };
  }

  private static String md(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }

  /** {@code user dev_user}, {@code role SecurityAudit}. */
  static String label(String arn) {
    String res = arn.substring(arn.lastIndexOf(':') + 1);
    String kind = res.startsWith("role/") ? "role" : res.startsWith("user/") ? "user" : "";
    return (kind.isEmpty() ? "" : kind + " ") + res.substring(res.lastIndexOf('/') + 1);
  }

  private static String paint(Terminal t, Severity s, String text) {
    return switch (s) {
      case CRITICAL, HIGH -> t.red(text);
      case MEDIUM -> t.yellow(text);
      default -> text;
    };
  }

}
