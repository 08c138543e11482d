package io.tripline.simulator.coverage.report;

import io.tripline.core.detect.Finding;
import io.tripline.core.detect.RuleInfo;
import io.tripline.core.detect.RuleLibrary;
import io.tripline.simulator.coverage.ScenarioResult;
import io.tripline.simulator.coverage.StepResult;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An incident write-up for one caught scenario, in the shape of a SOC incident analysis report:
 * the detection (first and most severe rule, severity, risk), the attack chain timeline, the
 * indicators (addresses, API calls, principals, resources), the impact (log objects read and the
 * time span they cover), and containment and remediation from the rules' metadata.
 */
public final class IncidentReport {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private IncidentReport() {}

  public static String of(ScenarioResult s, RuleLibrary library) {
    StringBuilder b = new StringBuilder();
    List<Finding> findings = s.findings();
    Optional<Finding> top = findings.stream().max(Comparator.comparing((Finding f) -> f.severity()).thenComparing(f -> f.rule().riskScore()));
    Optional<Finding> first = findings.stream().min(Comparator.comparing(f -> f.trigger().eventTime()));
    b.append("# Incident analysis: ").append(Text.md(s.title())).append("\n\n");
    b.append("Scenario `").append(s.id()).append("` (").append(s.status()).append("); MITRE ATT&CK: ").append(String.join(", ", s.mitre())).append("\n\n");
    b.append("## 1. Detection\n\n");
    if (top.isEmpty()) {
      b.append("No rule fired.\n\n");
    } else {
      RuleInfo r = top.get().rule();
      b.append("- Detection source: AWS CloudTrail (Tripline rule library)\n");
      b.append("- Alert: \"").append(Text.md(r.title())).append("\" (").append(r.id()).append(")\n");
      b.append("- Severity: ").append(top.get().severity().label().toUpperCase()).append(" (").append(r.riskScore()).append("/100)\n");
      b.append("- First alert: ").append(first.map(f -> TIME.format(f.trigger().eventTime()) + " by " + f.rule().id()).orElse("")).append('\n');
      b.append("- Rules that fired: ").append(String.join(", ", s.rulesFired())).append("\n\n");
    }
    b.append("## 2. Attack chain\n\n| time | step | API call | outcome | detected by |\n|---|---|---|---|---|\n");
    for (StepResult st : s.steps()) {
      String by = st.hits().stream().map(h -> h.ruleId()).distinct().reduce((a, c) -> a + ", " + c).orElse(st.logged() ? "—" : "not logged");
      b.append("| ").append(st.time() == null ? "" : TIME.format(st.time())).append(" | ").append(Text.md(st.name())).append(" | ")
          .append(Text.md(st.call())).append(" | ").append(Text.md(st.outcome())).append(" | ").append(Text.md(by)).append(" |\n");
    }
    Set<String> ips = new TreeSet<>();
    Set<String> principals = new TreeSet<>();
    Set<String> calls = new LinkedHashSet<>();
    Set<String> objects = new TreeSet<>();
    for (Finding f : findings) {
      if (f.trigger().sourceIPAddress() != null) {
        ips.add(f.trigger().sourceIPAddress());
      }
      principals.add(f.trigger().principalArn());
      calls.add(f.trigger().eventSource().replace(".amazonaws.com", "") + ":" + f.trigger().eventName());
      if ("GetObject".equals(f.trigger().eventName())) {
        f.alert().path("resources").forEach(x -> {
          if (x.asText().contains("/CloudTrail/")) {
            objects.add(x.asText());
          }
        });
      }
    }
    b.append("\n## 3. Indicators of compromise\n\n");
    b.append("- Network: ").append(ips.isEmpty() ? "none" : String.join(", ", ips)).append('\n');
    b.append("- Principals: ").append(String.join(", ", principals)).append('\n');
    b.append("- API calls: ").append(String.join(", ", calls)).append("\n\n");
    b.append("## 4. Impact\n\n");
    if (objects.isEmpty()) {
      b.append("No CloudTrail log objects were read.\n\n");
    } else {
      b.append(objects.size()).append(" CloudTrail log file(s) read:\n\n");
      objects.forEach(o -> b.append("- `").append(o).append("`\n"));
      b.append("\nThey cover the delivery windows named in their keys (CloudTrail file names carry the delivery time, "
          + "YYYYMMDDTHHmmZ): the attacker saw every API call those files recorded.\n\n");
    }
    b.append("## 5. Containment and remediation\n\n");
    Set<String> steps = new LinkedHashSet<>();
    Set<String> triage = new LinkedHashSet<>();
    for (String id : s.rulesFired()) {
      library.rule(id).ifPresent(r -> {
        steps.addAll(r.response());
        triage.addAll(r.investigation());
      });
    }
    b.append("Investigation:\n\n");
    triage.stream().limit(10).forEach(t -> b.append("1. ").append(Text.md(t)).append('\n'));
    b.append("\nResponse:\n\n");
    steps.stream().limit(12).forEach(t -> b.append("1. ").append(Text.md(t)).append('\n'));
    return b.toString();
  }
}
