package io.tripline.rego.test;

import io.tripline.rego.ast.Body;
import io.tripline.rego.ast.ElseClause;
import io.tripline.rego.ast.Expr;
import io.tripline.rego.ast.Literal;
import io.tripline.rego.ast.Module;
import io.tripline.rego.ast.Rule;
import io.tripline.rego.ast.Term;
import io.tripline.rego.ast.TermWalk;
import io.tripline.rego.value.ValueJson;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Line coverage per file as {@code opa test --coverage} reports it: a line is covered when an
 * expression on it was evaluated or a rule whose head is on it produced a value; lines of
 * rule heads and expressions never reached are not covered; {@code some x} declarations and
 * lines without rules or expressions (imports, comments) are not counted.
 */
public record CoverageReport(Map<String, FileCoverage> files, int coveredLines, int notCoveredLines, double coverage) {

  /** One file: covered and not covered line ranges, their line counts, and the percentage covered. */
  public record FileCoverage(List<LineRange> covered, List<LineRange> notCovered, int coveredLines,
      int notCoveredLines, double coverage) {}

  static CoverageReport of(Map<String, Set<Integer>> hits, List<Module> modules) {
    Map<String, Set<Integer>> covered = new TreeMap<>();
    Map<String, Set<Integer>> notCovered = new TreeMap<>();
    hits.forEach((file, rows) -> covered.put(file, new TreeSet<>(rows)));
    for (Module m : modules) {
      Set<Integer> hit = covered.getOrDefault(m.file(), Set.of());
      Set<Integer> missed = notCovered.computeIfAbsent(m.file(), f -> new TreeSet<>());
      for (Rule r : m.rules()) {
        if (!hit.contains(r.location().line())) {
          missed.add(r.location().line());
        }
        for (int row : expressionRows(r)) {
          if (!hit.contains(row)) {
            missed.add(row);
          }
        }
      }
    }
    Map<String, FileCoverage> files = new TreeMap<>();
    int coveredTotal = 0;
    int notCoveredTotal = 0;
    Set<String> names = new TreeSet<>(covered.keySet());
    names.addAll(notCovered.keySet());
    for (String f : names) {
      List<LineRange> c = ranges(covered.getOrDefault(f, Set.of()));
      List<LineRange> n = ranges(notCovered.getOrDefault(f, Set.of()));
      int cl = c.stream().mapToInt(LineRange::lines).sum();
      int nl = n.stream().mapToInt(LineRange::lines).sum();
      files.put(f, new FileCoverage(c, n, cl, nl, percent(cl, nl)));
      coveredTotal += cl;
      notCoveredTotal += nl;
    }
    return new CoverageReport(files, coveredTotal, notCoveredTotal, percent(coveredTotal, notCoveredTotal));
  }

  /** The report as {@code opa test --coverage} prints it: Go's indented JSON, empty fields left out (omitempty). */
  public String toJson() {
    Map<String, Object> fileMap = new LinkedHashMap<>();
    files.forEach((name, f) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      if (!f.covered().isEmpty()) {
        m.put("covered", rangesTree(f.covered()));
      }
      if (!f.notCovered().isEmpty()) {
        m.put("not_covered", rangesTree(f.notCovered()));
      }
      if (f.coveredLines() != 0) {
        m.put("covered_lines", f.coveredLines());
      }
      if (f.notCoveredLines() != 0) {
        m.put("not_covered_lines", f.notCoveredLines());
      }
      if (f.coverage() != 0) {
        m.put("coverage", f.coverage());
      }
      fileMap.put(name, m);
    });
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("files", fileMap);
    root.put("covered_lines", coveredLines);
    root.put("not_covered_lines", notCoveredLines);
    root.put("coverage", coverage);
    StringBuilder sb = new StringBuilder();
    indent(root, "", sb);
    return sb.toString();
  }

  private static List<Object> rangesTree(List<LineRange> ranges) {
    List<Object> out = new ArrayList<>();
    for (LineRange r : ranges) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("start", Map.of("row", r.start()));
      m.put("end", Map.of("row", r.end()));
      out.add(m);
    }
    return out;
  }

  /** Go's {@code json.Encoder} with {@code SetIndent("", "  ")}: one member per line, {@code "key": value}. */
  private static void indent(Object v, String prefix, StringBuilder sb) {
    String inner = prefix + "  ";
    if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        sb.append("{}");
        return;
      }
      sb.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        sb.append(inner).append(ValueJson.quote(e.getKey().toString())).append(": ");
        indent(e.getValue(), inner, sb);
        sb.append(++i < m.size() ? ",\n" : "\n");
      }
      sb.append(prefix).append('}');
    } else if (v instanceof List<?> l) {
      if (l.isEmpty()) {
        sb.append("[]");
        return;
      }
      sb.append("[\n");
      for (int i = 0; i < l.size(); i++) {
        sb.append(inner);
        indent(l.get(i), inner, sb);
        sb.append(i + 1 < l.size() ? ",\n" : "\n");
      }
      sb.append(prefix).append(']');
    } else if (v instanceof Double d) {
      sb.append(number(d));
    } else {
      sb.append(v);
    }
  }

  /** As Go's encoding/json writes a float64: no trailing {@code .0}, shortest round-trip digits. */
  private static String number(double d) {
    if (d == Math.rint(d)) {
      return Long.toString((long) d);
    }
    return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
  }

  private static double percent(int covered, int notCovered) {
    int total = covered + notCovered;
    return total == 0 ? 0.0 : 100.0 * covered / total;
  }

  private static List<LineRange> ranges(Set<Integer> rows) {
    List<LineRange> out = new ArrayList<>();
    Integer start = null;
    int end = 0;
    for (int row : new TreeSet<>(rows)) {
      if (start != null && row == end + 1) {
        end = row;
        continue;
      }
      if (start != null) {
        out.add(new LineRange(start, end));
      }
      start = row;
      end = row;
    }
    if (start != null) {
      out.add(new LineRange(start, end));
    }
    return out;
  }

  /** Lines of every expression of a rule: its body, else bodies, and nested comprehension and every bodies. */
  private static Set<Integer> expressionRows(Rule r) {
    Set<Integer> rows = new TreeSet<>();
    body(r.body(), rows);
    for (ElseClause e : r.elses()) {
      body(e.body(), rows);
    }
    return rows;
  }

  private static void body(Body b, Set<Integer> rows) {
    if (b == null) {
      return;
    }
    for (Literal l : b.literals()) {
      if (!(l.expr() instanceof Expr.SomeDecl)) {
        rows.add(l.location().line());
      }
      if (l.expr() instanceof Expr.Every every) {
        body(every.body(), rows);
      }
      TermWalk.literal(l, t -> {
        if (t instanceof Term.ArrayComprehension c) {
          body(c.body(), rows);
        } else if (t instanceof Term.SetComprehension c) {
          body(c.body(), rows);
        } else if (t instanceof Term.ObjectComprehension c) {
          body(c.body(), rows);
        }
      });
    }
  }
}
