package io.tripline.rego;

import com.fasterxml.jackson.databind.JsonNode;
import io.tripline.rego.ast.Location;
import io.tripline.rego.builtins.BuiltinTable;
import io.tripline.rego.compiler.CompileException;
import io.tripline.rego.compiler.CompiledQuery;
import io.tripline.rego.compiler.Compiler;
import io.tripline.rego.compiler.RuleNode;
import io.tripline.rego.eval.EvalException;
import io.tripline.rego.eval.Evaluation;
import io.tripline.rego.eval.SharedResults;
import io.tripline.rego.eval.Solution;
import io.tripline.rego.metadata.AnnotationSet;
import io.tripline.rego.parser.ParseException;
import io.tripline.rego.parser.RegoParser;
import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled modules and base data, immutable and safe to share between threads: every
 * evaluation gets its own state. Queries are compiled once and cached by their text.
 */
public final class PreparedPolicy {
  private final RuleNode root;
  private final Value data;
  private final BuiltinTable builtins;
  private final AnnotationSet annotations;
  private final Map<String, CompiledQuery> queries = new ConcurrentHashMap<>();
  private final Map<String, Captured> captured = new ConcurrentHashMap<>();
  private static final int MAX_CACHED_QUERIES = 10_000;
  /** Rules nested or long enough that evaluations run on a large stack. */
  private final boolean deep;
  /** Input-independent documents and function results shared by this policy's evaluations (null: none). */
  private final SharedResults shared;

  PreparedPolicy(RuleNode root, Value data, BuiltinTable builtins) {
    this(root, data, builtins, AnnotationSet.EMPTY, false);
  }

  PreparedPolicy(RuleNode root, Value data, BuiltinTable builtins, AnnotationSet annotations, boolean deep) {
    this.deep = deep;
    this.root = root;
    this.data = data;
    this.builtins = builtins;
    this.annotations = annotations;
    this.shared = share(root, builtins, deep);
  }

  private static SharedResults share(RuleNode root, BuiltinTable builtins, boolean deep) {
    try {
      return deep ? DeepStack.call(() -> new SharedResults(root, builtins)) : new SharedResults(root, builtins);
    } catch (RuntimeException | StackOverflowError e) {
      return null; // a policy the analysis cannot follow is evaluated without shared results
    }
  }

  /**
   * Drops the results this policy's evaluations share (input-independent documents, function
   * results kept under the paths they read): to free memory, or to measure a run that starts cold.
   */
  public void clearSharedResults() {
    if (shared != null) {
      shared.clear();
    }
  }

  /** The {@code # METADATA} annotations of the policy's modules: every rule with its chain and merged {@code custom}. */
  public AnnotationSet annotations() {
    return annotations;
  }

  /** Parses and compiles a query (cached); throws {@link RegoException} on errors. */
  public CompiledQuery prepare(String query) {
    CompiledQuery q = queries.get(query);
    if (q == null) {
      q = DeepStack.call(() -> {
        try {
          return Compiler.compileQuery(RegoParser.parseQuery(query), query, root, builtins);
        } catch (ParseException e) {
          throw RegoException.of(e);
        } catch (CompileException e) {
          throw RegoException.of(e);
        }
      });
      if (queries.size() >= MAX_CACHED_QUERIES) {
        queries.clear(); // a server asked arbitrary queries must not keep every one
      }
      queries.put(query, q);
    }
    return q;
  }

  public QueryResult evaluate(String query, Value input) {
    return evaluate(prepare(query), input, EvalOptions.DEFAULT);
  }

  public QueryResult evaluate(String query, Value input, EvalOptions options) {
    return evaluate(prepare(query), input, options);
  }

  /** Evaluates with a Jackson tree as input, converted lazily as the policy reads it. */
  public QueryResult evaluateJson(String query, JsonNode input, EvalOptions options) {
    return evaluate(prepare(query), input == null ? null : ValueJson.fromNode(input), options);
  }

  /** The value of the document at an entrypoint path such as {@code tripline/rules/x/alert}; null if undefined. */
  public Value evaluateEntrypoint(String path, Value input) {
    String query = "data." + String.join(".", path.replace('/', '.').split("\\.")).replaceAll("^\\.+", "");
    QueryResult r = evaluate(query, input);
    return r.isUndefined() ? null : r.results().get(0).expressions().get(0).value();
  }

  /**
   * Prepares the documents at several refs (e.g. every rule package's {@code alert}) to be
   * evaluated together for one input, with one rule-index lookup across all of them.
   */
  public PreparedDocuments prepareDocuments(List<String> refs) {
    return new PreparedDocuments(this, root, refs);
  }

  /** A fresh evaluation state for one input. */
  Evaluation newEvaluation(Value input, EvalOptions options) {
    Evaluation ev = new Evaluation(root, builtins, input, data, options.strictBuiltinErrors(), options.printHook(),
        annotations, options.tracer()).allowNet(options.allowNet()).ruleIndexing(options.ruleIndexing()).share(shared);
    if (options.timeout() != null) {
      ev.limits(System.nanoTime() + options.timeout().toNanos(), "timeout " + text(options.timeout()),
          options.cancellation());
    } else if (options.cancellation() != null) {
      ev.limits(0, null, options.cancellation());
    }
    return ev;
  }

  /** Whether the policy's rules need the large stack. */
  boolean deepPolicy() {
    return deep;
  }

  /** Whether evaluations of q need the large stack. */
  boolean deep(CompiledQuery q) {
    return (deep || q.deep()) && !DeepStack.onDeepStack();
  }

  /** A duration as Go prints it for the usual cases: {@code 1.5s}, {@code 250ms}. */
  static String text(java.time.Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + "ms";
    }
    return (ms % 1000 == 0 ? String.valueOf(ms / 1000) : java.math.BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString()) + "s";
  }

  /** The error for an evaluation that overflowed even the large stack. */
  static RegoException tooDeep(Location at) {
    return new RegoException(List.of(new RegoError("eval_internal_error",
        "evaluation nested too deeply for the stack (terms may nest " + RegoParser.MAX_DEPTH
            + " levels; long chains of rules or very deep data need more): simplify the policy or its input",
        at)));
  }

  public QueryResult evaluate(CompiledQuery q, Value input, EvalOptions options) {
    if (deep(q)) {
      return DeepStack.call(() -> evaluate(q, input, options));
    }
    Evaluation ev = newEvaluation(input, options);
    List<Solution> solutions;
    try {
      solutions = ev.run(q);
    } catch (EvalException e) {
      throw RegoException.of(e);
    } catch (StackOverflowError e) {
      if (!DeepStack.onDeepStack()) {
        return DeepStack.call(() -> evaluate(q, input, options)); // once more with the large stack
      }
      throw tooDeep(q.body().literals().isEmpty() ? Location.NONE : q.body().literals().get(0).location());
    }
    List<QueryResult.Result> out = new ArrayList<>();
    for (Solution s : solutions) {
      List<QueryResult.Expression> exprs = new ArrayList<>();
      for (int i = 0; i < s.expressions().size(); i++) {
        exprs.add(new QueryResult.Expression(s.expressions().get(i), q.texts().get(i),
            q.body().literals().get(indexOf(q, i)).location()));
      }
      out.add(new QueryResult.Result(exprs, s.bindings()));
    }
    return new QueryResult(out);
  }

  /**
   * Evaluates a query as {@code opa eval} does: each expression's value is captured, so a query
   * whose value is false ({@code false}, {@code 1 == 2}, a rule defaulting to false) is defined
   * with {@code "value": false}; with several expressions or iteration a false expression still
   * makes the query undefined (OPA's rewriteQueryToCaptureValue).
   */
  public QueryResult evaluateCapturing(String query, Value input, EvalOptions options) {
    CompiledQuery plain = prepare(query);
    Captured c = captured.get(query);
    if (c == null) {
      c = DeepStack.call(() -> {
        QueryCapture.Rewritten r = QueryCapture.rewrite(RegoParser.parseQuery(query), builtins);
        CompiledQuery compiled;
        try {
          compiled = r.captures().isEmpty() ? plain : Compiler.compileQuery(r.body(), query, root, builtins);
        } catch (CompileException e) {
          compiled = plain; // a capture the compiler refuses (an output argument it cannot see): evaluate as written
          r = new QueryCapture.Rewritten(r.body(), Map.of(), r.expressions());
        }
        return new Captured(compiled, r);
      });
      if (captured.size() >= MAX_CACHED_QUERIES) {
        captured.clear();
      }
      captured.put(query, c);
    }
    QueryResult raw = evaluate(c.compiled(), input, options);
    List<QueryResult.Result> out = new ArrayList<>();
    for (QueryResult.Result res : raw.results()) {
      List<QueryResult.Expression> exprs = new ArrayList<>();
      for (int i = 0; i < c.rewrite().expressions(); i++) {
        QueryResult.Expression e = res.expressions().get(i);
        String var = c.rewrite().captures().get(i);
        Value v = var == null ? e.value() : res.bindings().get(var);
        exprs.add(new QueryResult.Expression(v == null ? e.value() : v, plain.texts().get(i), e.location()));
      }
      Map<String, Value> bindings = new java.util.LinkedHashMap<>(res.bindings());
      bindings.keySet().removeIf(k -> k.startsWith(QueryCapture.PREFIX));
      out.add(new QueryResult.Result(exprs, bindings));
    }
    return new QueryResult(out);
  }

  private record Captured(CompiledQuery compiled, QueryCapture.Rewritten rewrite) {}

  private static int indexOf(CompiledQuery q, int original) {
    for (int i = 0; i < q.originalIndex().length; i++) {
      if (q.originalIndex()[i] == original) {
        return i;
      }
    }
    return original;
  }
}
