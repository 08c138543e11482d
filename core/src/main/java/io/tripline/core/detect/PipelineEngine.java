package io.tripline.core.detect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.core.record.CloudTrailRecord;
import io.tripline.rego.value.Value;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * A bounded pipeline: the calling thread reads records in chunks and notes what the logs teach
 * (trail buckets), workers build each record's input (enrichment) and evaluate the rules, and the
 * calling thread takes the results back in order to emit record findings and feed correlation.
 * At most two chunks per worker are in flight, so memory does not grow with the input. On one
 * thread with the rules in this process there is no pipeline: each record is evaluated as soon as
 * it is read.
 */
final class PipelineEngine implements DetectionEngine {
  private final RecordEvaluator evaluator;
  private final DetectionOptions options;
  private final CorrelationHistory history;
  /** The correlation rules in library order, and those whose match the evaluator defers. */
  private final RuleInfo[] correlation;
  private final boolean[] deferred;
  private final boolean anyDeferred;

  PipelineEngine(RuleLibrary library, RecordEvaluator evaluator, DetectionOptions options) {
    this.evaluator = evaluator;
    this.correlation = library.rules().stream().filter(r -> r.kind().correlation()).toArray(RuleInfo[]::new);
    List<RuleInfo> deferredRules = evaluator.deferred();
    this.deferred = new boolean[correlation.length];
    for (int c = 0; c < correlation.length; c++) {
      deferred[c] = deferredRules.contains(correlation[c]);
    }
    this.anyDeferred = !deferredRules.isEmpty();
    this.options = options;
    this.history = options.history() != null ? options.history() : new CorrelationHistory();
  }

  /** The history new_value rules use (and extend during runs). */
  CorrelationHistory history() {
    return history;
  }

  @Override
  public void learnHistory(Iterator<CloudTrailRecord> records) throws DetectionException {
    execute(records, f -> {}, true);
  }

  @Override
  public DetectionSummary run(Iterator<CloudTrailRecord> records, Consumer<Finding> sink) throws DetectionException {
    return execute(records, sink, false);
  }

  private DetectionSummary execute(Iterator<CloudTrailRecord> records, Consumer<Finding> sink, boolean historyOnly)
      throws DetectionException {
    long started = System.nanoTime();
    Run run = new Run(sink, historyOnly);
    LearnedContext learned = options.initialContext() != null ? options.initialContext().copy() : new LearnedContext();
    int threads = options.threads();
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "tripline-detect");
      t.setDaemon(true);
      return t;
    }) : null;
    Deque<Future<List<Evaluated>>> inFlight = new ArrayDeque<>();
    RecordInputs.Learned learnedValues = new RecordInputs.Learned();
    try {
      if (pool == null && !evaluator.remote()) {
        // One thread, rules in this process: each record is evaluated as soon as it is read,
        // while its JSON tree is still in the processor's cache.
        while (records.hasNext()) {
          CloudTrailRecord r = records.next();
          ObjectNode context = learned.isEmpty() ? null : learned.snapshot();
          learned.observe(r);
          Value input = RecordInputs.of(r, context, learnedValues, options.enricher());
          run.consume(new Evaluated(r, input, evaluator.evaluate(input)));
          run.progress(started);
        }
      }
      while (records.hasNext()) {
        List<CloudTrailRecord> chunk = new ArrayList<>(options.chunkSize());
        List<ObjectNode> contexts = new ArrayList<>(options.chunkSize());
        while (chunk.size() < options.chunkSize() && records.hasNext()) {
          CloudTrailRecord r = records.next();
          chunk.add(r);
          contexts.add(learned.isEmpty() ? null : learned.snapshot());
          learned.observe(r);
        }
        if (pool == null) {
          run.consume(evaluate(chunk, contexts));
        } else {
          inFlight.add(pool.submit(() -> evaluate(chunk, contexts)));
          if (inFlight.size() >= 2 * threads) {
            run.consume(take(inFlight.poll()));
          }
        }
        run.progress(started);
      }
      while (!inFlight.isEmpty()) {
        run.consume(take(inFlight.poll()));
      }
      run.correlator.finish();
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    return new DetectionSummary(run.index, run.findings, run.errors, List.copyOf(run.errorMessages),
        Duration.ofNanos(System.nanoTime() - started));
  }

  private static List<Evaluated> take(Future<List<Evaluated>> f) throws DetectionException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DetectionException("interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof DetectionException d) {
        throw d;
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new DetectionException(String.valueOf(e.getCause()), e.getCause());
    }
  }

  private List<Evaluated> evaluate(List<CloudTrailRecord> chunk, List<ObjectNode> contexts) throws DetectionException {
    List<Value> inputs = new ArrayList<>(chunk.size());
    RecordInputs.Learned learnedValues = new RecordInputs.Learned();
    for (int i = 0; i < chunk.size(); i++) {
      inputs.add(RecordInputs.of(chunk.get(i), contexts.get(i), learnedValues, options.enricher()));
    }
    List<RecordVerdict> verdicts = evaluator.evaluate(inputs);
    List<Evaluated> out = new ArrayList<>(chunk.size());
    for (int i = 0; i < chunk.size(); i++) {
      out.add(new Evaluated(chunk.get(i), inputs.get(i), verdicts.get(i)));
    }
    return out;
  }

  /** The sequential part of one run: record order, findings, correlation. */
  private final class Run {
    final Consumer<Finding> sink;
    final boolean historyOnly;
    final Correlator correlator;
    final List<String> errorMessages = new ArrayList<>();
    long index;
    long findings;
    long errors;
    long lastProgress;

    Run(Consumer<Finding> sink, boolean historyOnly) {
      this.historyOnly = historyOnly;
      this.sink = f -> {
        findings++;
        sink.accept(f);
      };
      this.correlator = new Correlator(evaluator, history, options.reorderTolerance(), this.sink, this::error, historyOnly);
    }

    void error(String message) {
      errors++;
      if (errorMessages.size() < DetectionSummary.MAX_ERRORS_KEPT) {
        errorMessages.add(message);
      }
    }

    void consume(List<Evaluated> chunk) throws DetectionException {
      for (Evaluated e : chunk) {
        consume(e);
      }
    }

    void consume(Evaluated e) throws DetectionException {
      long i = index++;
      RecordVerdict v = e.verdict();
      if (v.error() != null) {
        error("record #" + (i + 1) + " (eventID " + e.record().eventID() + "): " + v.error());
      }
      if (!historyOnly) {
        for (Map.Entry<RuleInfo, List<Value>> alerts : v.alerts().entrySet()) {
          for (Value alert : alerts.getValue()) {
            sink.accept(Findings.of(alerts.getKey(), alert, i, e.record(), null));
          }
        }
      }
      List<RuleInfo> matched = v.matched();
      if (!anyDeferred || v.failed()) {
        for (RuleInfo rule : matched) {
          correlator.offer(rule, i, e.input(), e.record(), true);
        }
      } else {
        // Library order, as without deferral: a deferred rule's record joins unverified (a
        // record that could not be evaluated takes part in no rule, deferred or not).
        for (int c = 0; c < correlation.length; c++) {
          if (deferred[c] || (!matched.isEmpty() && containsRule(matched, correlation[c]))) {
            correlator.offer(correlation[c], i, e.input(), e.record(), !deferred[c]);
          }
        }
      }
      correlator.advance(e.record().eventTime());
    }

    private static boolean containsRule(List<RuleInfo> rules, RuleInfo rule) {
      for (RuleInfo r : rules) {
        if (r == rule) {
          return true;
        }
      }
      return false;
    }

    void progress(long started) {
      if (index - lastProgress >= 10_000) {
        lastProgress = index;
        options.progress().accept(new DetectionOptions.DetectionProgress(index, findings, Duration.ofNanos(System.nanoTime() - started)));
      }
    }
  }
}
