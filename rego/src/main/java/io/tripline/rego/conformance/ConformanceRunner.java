package io.tripline.rego.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.tripline.rego.EvalOptions;
import io.tripline.rego.PreparedPolicy;
import io.tripline.rego.QueryResult;
import io.tripline.rego.Rego;
import io.tripline.rego.RegoException;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueJson;
import io.tripline.rego.value.ValueOrder;
import io.tripline.rego.value.ValueText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs OPA-format YAML conformance cases as OPA's own runner does: results are compared as
 * lists of binding sets (sorted first when {@code sort_bindings}); {@code want_result: []}
 * means undefined; {@code want_error_code} must equal the error's code and {@code want_error}
 * be a substring of its message; {@code strict_error} turns on strict builtin errors.
 */
public final class ConformanceRunner {
  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  /** Runs every .yaml/.yml file under the given directories (or files). */
  public ConformanceReport run(List<Path> roots) throws IOException {
    List<CaseOutcome> out = new ArrayList<>();
    for (Path root : roots) {
      List<Path> files;
      try (Stream<Path> s = Files.walk(root)) {
        files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
      }
      for (Path f : files) {
        Path rel = Files.isDirectory(root) ? root.relativize(f) : f.getFileName();
        String folder = rel.getParent() == null ? root.getFileName().toString() : rel.getParent().toString();
        out.addAll(runFile(folder, f));
      }
    }
    return new ConformanceReport(out);
  }

  /** Runs the cases of one YAML file. */
  public List<CaseOutcome> runFile(String folder, Path file) throws IOException {
    JsonNode doc = YAML.readTree(Files.readString(file));
    List<CaseOutcome> out = new ArrayList<>();
    if (doc == null || !doc.has("cases")) {
      return out;
    }
    for (JsonNode c : doc.get("cases")) {
      ConformanceCase tc = ConformanceCase.from(c);
      out.add(runCase(folder, file.toString(), tc));
    }
    return out;
  }

  CaseOutcome runCase(String folder, String file, ConformanceCase tc) {
    if (tc.skip()) {
      return new CaseOutcome(folder, file, tc.note(), CaseOutcome.Status.SKIPPED, "", "");
    }
    boolean wantsError = tc.wantError() != null || tc.wantErrorCode() != null;
    String expected = wantsError
        ? "error " + (tc.wantErrorCode() == null ? "" : tc.wantErrorCode() + " ") + (tc.wantError() == null ? "" : "\"" + tc.wantError() + "\"")
        : tc.wantResult() == null ? "no error" : ValueJson.write(ValueJson.fromNode(tc.wantResult()));
    List<Value> got;
    try {
      got = evaluate(tc);
    } catch (RegoException e) {
      String msg = e.errors().get(0).message();
      String gotText = "error " + e.errors().get(0);
      String full = e.errors().get(0).toString();
      boolean ok = wantsError
          && (tc.wantErrorCode() == null || e.errors().stream().anyMatch(x -> x.code().equals(tc.wantErrorCode())))
          && (tc.wantError() == null || full.contains(tc.wantError()) || msg.contains(tc.wantError()));
      return outcome(folder, file, tc, ok, expected, gotText);
    } catch (RuntimeException | StackOverflowError e) {
      return outcome(folder, file, tc, false, expected, "crash " + e);
    }
    String gotText = ValueJson.write(io.tripline.rego.value.ArrayValue.of(got));
    if (wantsError) {
      return outcome(folder, file, tc, false, expected, gotText);
    }
    if (tc.wantResult() == null) {
      return outcome(folder, file, tc, true, expected, gotText);
    }
    List<Value> want = new ArrayList<>();
    tc.wantResult().forEach(n -> want.add(ValueJson.fromNode(n)));
    if (tc.sortBindings()) {
      want.sort(ValueOrder.INSTANCE);
      got = new ArrayList<>(got);
      got.sort(ValueOrder.INSTANCE);
      gotText = ValueJson.write(io.tripline.rego.value.ArrayValue.of(got));
    }
    return outcome(folder, file, tc, want.equals(got), expected, gotText);
  }

  private static CaseOutcome outcome(String folder, String file, ConformanceCase tc, boolean ok, String exp, String got) {
    return new CaseOutcome(folder, file, tc.note(), ok ? CaseOutcome.Status.PASSED : CaseOutcome.Status.FAILED, exp, got);
  }

  /** The result set: one object of bindings per solution. */
  private List<Value> evaluate(ConformanceCase tc) {
    Map<String, String> modules = new LinkedHashMap<>();
    for (int i = 0; i < tc.modules().size(); i++) {
      modules.put("test-" + i + ".rego", tc.modules().get(i));
    }
    Value data = tc.data() == null ? ObjectValue.EMPTY : ValueJson.fromNode(tc.data());
    PreparedPolicy policy = Rego.compile(modules, data);
    Value input = null;
    if (tc.input() != null) {
      input = ValueJson.fromNode(tc.input());
    } else if (tc.inputTerm() != null) {
      QueryResult r = Rego.compile(Map.of(), ObjectValue.EMPTY).evaluate("__x := " + tc.inputTerm(), null);
      input = r.isUndefined() ? null : r.results().get(0).bindings().get("__x");
    }
    QueryResult result = policy.evaluate(tc.query(), input, new EvalOptions(tc.strictError(), line -> { }));
    List<Value> out = new ArrayList<>();
    for (QueryResult.Result r : result.results()) {
      ObjectValue.Builder b = ObjectValue.builder();
      r.bindings().forEach(b::put);
      // OPA's runner compares results as JSON: sets become arrays, keys strings
      out.add(ValueJson.fromNode(ValueJson.toNode(b.build())));
    }
    return out;
  }

  /** Formats a value for failure lines. */
  static String show(Value v) {
    return ValueText.of(v);
  }
}
