package io.tripline.rego.test;

import io.tripline.rego.EvalOptions;
import io.tripline.rego.PolicySources;
import io.tripline.rego.PreparedPolicy;
import io.tripline.rego.QueryResult;
import io.tripline.rego.Rego;
import io.tripline.rego.RegoError;
import io.tripline.rego.RegoException;
import io.tripline.rego.ast.Module;
import io.tripline.rego.ast.Rule;
import io.tripline.rego.ast.RuleKind;
import io.tripline.rego.parser.ParseException;
import io.tripline.rego.parser.RegoParser;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the {@code test_} rules of a set of modules as {@code opa test} does: every rule whose
 * name starts with {@code test_} in every package, files in name order and rules in source
 * order. A test passes when its value is {@code true}; it fails when it is undefined or any
 * other value; it errors when evaluation raises an error (conflicts, strict builtin errors).
 * Rules named {@code todo_...} are reported as skipped without running.
 */
public final class PolicyTestRunner {
  public static final String TEST_PREFIX = "test_";
  public static final String SKIP_PREFIX = "todo_";

  private final TestRunOptions options;

  public PolicyTestRunner(TestRunOptions options) {
    this.options = options;
  }

  /** Compiles the sources and runs their tests; throws {@link RegoException} when they do not compile. */
  public TestRun run(PolicySources sources) {
    List<Module> modules = new ArrayList<>();
    try {
      for (Map.Entry<String, String> m : sources.modules().entrySet()) {
        modules.add(io.tripline.rego.DeepStack.call(
            () -> RegoParser.parseModule(m.getKey(), m.getValue(), sources.regoVersion(m.getKey()))));
      }
    } catch (ParseException e) {
      Rego.compile(sources); // reports every parse error as the engine does
      throw e;
    }
    modules.sort(Comparator.comparing(Module::file));
    Map<String, ParameterizedTest> parameterized = new HashMap<>();
    Map<String, String> augmented = new LinkedHashMap<>(sources.modules());
    for (Module m : modules) {
      String pkg = "data." + String.join(".", m.packageSegments());
      StringBuilder companions = new StringBuilder();
      for (Rule r : m.rules()) {
        ParameterizedTest pt = r.name().startsWith(TEST_PREFIX) ? ParameterizedTest.of(r) : null;
        if (pt != null && parameterized.putIfAbsent(pkg + "." + r.name(), pt) == null) {
          String companion = pt.casesRule(sources.modules().get(m.file()), m.regoVersion());
          if (companion != null) {
            companions.append(companion);
          }
        }
      }
      if (companions.length() > 0) {
        augmented.put(m.file(), sources.modules().get(m.file()) + "\n" + companions);
      }
    }
    PreparedPolicy policy = Rego.compile(new PolicySources(augmented, sources.data(), sources.regoVersions()));
    CoverageTracer tracer = options.coverage() ? new CoverageTracer() : null;
    List<TestResult> results = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Module m : modules) {
      String pkg = "data." + String.join(".", m.packageSegments());
      for (Rule r : m.rules()) {
        String name = r.name();
        boolean test = name.startsWith(TEST_PREFIX);
        boolean todo = name.startsWith(SKIP_PREFIX);
        if (!(test || todo) || r.kind() == RuleKind.FUNCTION || !seen.add(pkg + "." + name)) {
          continue;
        }
        if (options.run() != null && !options.run().matcher(pkg + "." + name).find()) {
          continue;
        }
        if (todo) {
          results.add(new TestResult(pkg, name, r.location(), TestOutcome.SKIPPED, null, List.of(), Duration.ZERO));
          continue;
        }
        results.add(runOne(policy, m, pkg, r, parameterized.get(pkg + "." + name), tracer));
      }
    }
    return new TestRun(List.copyOf(results), tracer == null ? null : CoverageReport.of(tracer.hits(), modules));
  }

  private TestResult runOne(PreparedPolicy policy, Module m, String pkg, Rule r, ParameterizedTest pt,
      CoverageTracer tracer) {
    List<String> output = new ArrayList<>();
    EvalOptions eo = EvalOptions.DEFAULT.strict(options.strictBuiltinErrors()).print(output::add).trace(tracer)
        .timeout(options.timeout());
    String query = query(m.packageSegments(), r.name());
    long start = System.nanoTime();
    TestOutcome outcome;
    String error = null;
    List<TestResult.SubTest> subTests = List.of();
    try {
      Value v = value(policy, query, eo);
      if (pt == null) {
        outcome = v == BooleanValue.TRUE ? TestOutcome.PASS : TestOutcome.FAIL;
      } else {
        Value reached = value(policy, query(m.packageSegments(), pt.casesName()), eo);
        subTests = subTests(v, reached);
        outcome = !subTests.isEmpty() && subTests.stream().allMatch(TestResult.SubTest::passed)
            ? TestOutcome.PASS : TestOutcome.FAIL;
      }
    } catch (RegoException e) {
      outcome = TestOutcome.ERROR;
      error = e.errors().stream().map(RegoError::toString).collect(Collectors.joining("\n"));
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    return new TestResult(pkg, r.name(), r.location(), outcome, error, List.copyOf(output), took, subTests);
  }

  private static Value value(PreparedPolicy policy, String query, EvalOptions eo) {
    QueryResult result = policy.evaluate(query, null, eo);
    return result.isUndefined() ? null : result.results().get(0).expressions().get(0).value();
  }

  /** One sub-test per key reached or produced, in key order, named as OPA names them. */
  private static List<TestResult.SubTest> subTests(Value produced, Value reached) {
    java.util.TreeSet<Value> keys = new java.util.TreeSet<>(io.tripline.rego.value.ValueOrder.INSTANCE);
    for (Value doc : new Value[] {produced, reached}) {
      if (doc instanceof ObjectValue o) {
        keys.addAll(o.keys());
      }
    }
    List<TestResult.SubTest> out = new ArrayList<>();
    for (Value k : keys) {
      boolean passed = produced instanceof ObjectValue o && o.get(k) == BooleanValue.TRUE;
      String name = k instanceof StringValue s ? s.value() : io.tripline.rego.value.ValueJson.write(k);
      out.add(new TestResult.SubTest(name, passed));
    }
    return out;
  }

  /** {@code data.a.b.test_x}, quoting package segments that are not identifiers. */
  private static String query(List<String> pkg, String name) {
    StringBuilder sb = new StringBuilder("data");
    for (String s : pkg) {
      if (s.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        sb.append('.').append(s);
      } else {
        sb.append("[\"").append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
      }
    }
    return sb.append('.').append(name).toString();
  }
}
