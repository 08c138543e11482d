package io.tripline.core.detect;

import io.tripline.rego.metadata.RuleAnnotations;
import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a rule's METADATA ({@code custom} merged along the chain) into a {@link RuleInfo}, collecting every problem. */
final class RuleMetadataReader {
  private static final Pattern DURATION = Pattern.compile("(\\d+)(h|m|s)");

  private final List<String> problems = new ArrayList<>();
  private final String where;
  private final RuleAnnotations a;

  private RuleMetadataReader(RuleAnnotations a) {
    this.a = a;
    this.where = a.location().file() + ":" + a.location().line() + ": package " + String.join(".", a.packagePath()) + ": ";
  }

  /** The rule, or the problems found (each naming file:line and what to write). */
  static RuleInfo read(RuleAnnotations a, List<String> problemsOut) {
    RuleMetadataReader r = new RuleMetadataReader(a);
    RuleInfo info = r.build();
    problemsOut.addAll(r.problems);
    return r.problems.isEmpty() ? info : null;
  }

  private RuleInfo build() {
    String id = text("id", true);
    if (a.title().isEmpty()) {
      problems.add(where + "METADATA has no title; add `# title: ...` above the package");
    }
    if (a.description().isEmpty()) {
      problems.add(where + "METADATA has no description; add `# description: ...` above the package");
    }
    String sev = text("severity", true);
    Severity severity = sev == null ? Severity.LOW : Severity.parse(sev).orElse(null);
    if (severity == null) {
      problems.add(where + "custom.severity \"" + sev + "\" is not one of informational, low, medium, high, critical");
      severity = Severity.LOW;
    }
    int risk = number("risk_score");
    if (risk < 0 || risk > 100) {
      problems.add(where + "custom.risk_score must be a number from 0 to 100");
    }
    String outcome = text("outcome", true);
    if (outcome != null && !List.of("success", "denied", "any").contains(outcome)) {
      problems.add(where + "custom.outcome \"" + outcome + "\" is not one of success, denied, any");
    }
    String kindText = text("kind", true);
    RuleKind kind = kindText == null ? RuleKind.RECORD : RuleKind.parse(kindText).orElse(null);
    if (kind == null) {
      problems.add(where + "custom.kind \"" + kindText + "\" is not one of record, threshold, sequence, new_value");
      kind = RuleKind.RECORD;
    }
    Duration window = Duration.ZERO;
    List<String> groupBy = List.of();
    int threshold = 1;
    List<String> newValue = List.of();
    if (kind.correlation()) {
      String w = text("window", true);
      window = w == null ? Duration.ZERO : parseDuration(w);
      if (w != null && window == null) {
        problems.add(where + "custom.window \"" + w + "\" is not a duration like 10m, 1h or 1h30m");
        window = Duration.ZERO;
      }
      groupBy = strings("group_by", true);
      Optional<Value> t = a.custom("threshold");
      threshold = t.isPresent() ? number("threshold") : 1;
      if (threshold < 1) {
        problems.add(where + "custom.threshold must be a whole number of at least 1");
      }
      if (kind == RuleKind.NEW_VALUE) {
        newValue = strings("new_value", true);
      }
    }
    return new RuleInfo(id, a.title(), a.description(), severity, risk, techniques(), strings("tags", true), outcome, kind,
        window, groupBy, threshold, newValue, strings("false_positives", true), strings("references", true),
        strings("investigation", true), strings("response", true), String.join(".", a.packagePath()),
        a.location().file());
  }

  private String text(String key, boolean required) {
    Optional<Value> v = a.custom(key);
    if (v.isEmpty()) {
      if (required) {
        problems.add(where + "METADATA custom." + key + " is missing (see README, Writing a rule)");
      }
      return null;
    }
    if (v.get() instanceof StringValue s && !s.value().isBlank()) {
      return s.value();
    }
    problems.add(where + "custom." + key + " must be a non-empty string");
    return null;
  }

  private int number(String key) {
    Optional<Value> v = a.custom(key);
    if (v.isEmpty()) {
      problems.add(where + "METADATA custom." + key + " is missing (see README, Writing a rule)");
      return 0;
    }
    if (v.get() instanceof NumberValue n) {
      try {
        return n.toBigDecimal().intValueExact();
      } catch (ArithmeticException e) {
        // falls through to the problem below
      }
    }
    problems.add(where + "custom." + key + " must be a whole number");
    return 0;
  }

  private List<String> strings(String key, boolean required) {
    Optional<Value> v = a.custom(key);
    if (v.isEmpty()) {
      if (required) {
        problems.add(where + "METADATA custom." + key + " is missing (a list of strings; see README, Writing a rule)");
      }
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (v.get() instanceof ArrayValue arr) {
      for (Value x : arr.asList()) {
        if (x instanceof StringValue s) {
          out.add(s.value());
        } else {
          problems.add(where + "custom." + key + " must hold only strings, not " + x.typeName());
        }
      }
    } else {
      problems.add(where + "custom." + key + " must be a list of strings");
    }
    return List.copyOf(out);
  }

  private List<Technique> techniques() {
    Optional<Value> v = a.custom("mitre");
    List<Technique> out = new ArrayList<>();
    if (v.isEmpty() || !(v.get() instanceof ArrayValue arr) || arr.isEmpty()) {
      problems.add(where + "custom.mitre must list at least one {id: T1234.001, version: \"18\"}");
      return out;
    }
    for (Value x : arr.asList()) {
      if (x instanceof ObjectValue o && o.get("id") instanceof StringValue id && id.value().matches("T\\d{4}(\\.\\d{3})?")
          && o.get("version") instanceof StringValue ver) {
        out.add(new Technique(id.value(), ver.value()));
      } else {
        problems.add(where + "custom.mitre entries must be {id: T1234 or T1234.001, version: \"18\"}, not " + x);
      }
    }
    return List.copyOf(out);
  }

  /** A Go-style duration of hours, minutes and seconds ({@code 90s}, {@code 15m}, {@code 1h30m}); null if malformed. */
  static Duration parseDuration(String s) {
    Matcher m = DURATION.matcher(s);
    Duration d = Duration.ZERO;
    int at = 0;
    while (m.find() && m.start() == at) {
      long n = Long.parseLong(m.group(1));
      d = d.plus(switch (m.group(2)) {
        case "h" -> Duration.ofHours(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofSeconds(n);
      });
      at = m.end();
    }
    return at == s.length() && at > 0 && !d.isZero() ? d : null;
  }
}
