package io.tripline.simulator.coverage.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.core.detect.Finding;
import io.tripline.core.report.FindingJson;
import io.tripline.simulator.StepAccess;
import io.tripline.simulator.coverage.CoverageReport;
import io.tripline.simulator.coverage.ExpectationResult;
import io.tripline.simulator.coverage.RuleResult;
import io.tripline.simulator.coverage.ScenarioResult;
import io.tripline.simulator.coverage.StepResult;
import io.tripline.simulator.coverage.TechniqueResult;

/**
 * The coverage report as JSON, schema version 1 ({@code coverage-report.schema.json} beside this
 * class documents every field).
 */
public final class CoverageJson {
  public static final int SCHEMA_VERSION = 1;
  public static final String SCHEMA_RESOURCE = "/io/tripline/simulator/coverage/report/coverage-report.schema.json";

  private CoverageJson() {}

  public static ObjectNode of(CoverageReport r) {
    JsonNodeFactory n = JsonNodeFactory.instance;
    ObjectNode o = n.objectNode();
    o.put("schemaVersion", SCHEMA_VERSION);
    o.put("attackVersion", r.attackVersion());
    ObjectNode sum = o.putObject("summary");
    sum.put("scenarios", r.scenarios().size());
    sum.put("scenariosCaught", r.scenarios().stream().filter(s -> s.status().equals("caught") || s.status().equals("quiet")).count());
    sum.put("stepsExpected", r.stepsExpected());
    sum.put("stepsCaught", r.stepsCaught());
    sum.put("stepsNotLogged", r.stepsNotLogged());
    sum.put("stepCoverage", Math.round(r.stepCoverage() * 10) / 10.0);
    sum.put("expectationsFailed", r.failedExpectations().size());
    sum.put("techniquesExercised", r.techniques().stream().filter(t -> !t.exercisedBy().isEmpty()).count());
    sum.put("techniqueGaps", r.gaps().size());
    sum.put("rules", r.rules().size());
    sum.put("deadRules", r.deadRules().size());
    sum.put("baselineRecords", r.baseline().records());
    sum.put("falsePositives", r.baseline().falsePositives());
    sum.put("recordsSimulated", r.recordsSimulated());
    sum.put("elapsedMillis", r.elapsed().toMillis());
    if (r.iamAware()) {
      CoverageReport.AccessSummary a = r.accessSummary();
      sum.putObject("iam").put("source", r.accessSource()).put("stepsAllowed", a.allowed()).put("stepsDenied", a.denied())
          .put("stepsMixed", a.mixed()).put("stepsNoPermissionNeeded", a.noPermissionNeeded()).put("stepsNotDecided", a.notDecided())
          .put("deniedStepsDetected", a.deniedDetected()).put("stepsOverridden", a.overridden());
    }
    ArrayNode profiles = o.putObject("baseline").putArray("profiles");
    r.baseline().profiles().forEach(p -> profiles.addObject().put("id", p.id()).put("requested", p.requested()).put("written", p.written()));
    ArrayNode scenarios = o.putArray("scenarios");
    for (ScenarioResult s : r.scenarios()) {
      scenarios.add(scenario(s));
    }
    ArrayNode rules = o.putArray("rules");
    for (RuleResult rr : r.rules()) {
      ObjectNode x = FindingJson.rule(rr.rule());
      x.put("truePositives", rr.truePositives());
      x.put("falsePositives", rr.falsePositives());
      x.put("falsePositivesPer10k", Math.round(rr.falsePositivesPer10k() * 100) / 100.0);
      x.put("dead", rr.dead());
      ArrayNode in = x.putArray("scenarios");
      rr.scenarios().forEach(in::add);
      rules.add(x);
    }
    ArrayNode techniques = o.putArray("techniques");
    for (TechniqueResult t : r.techniques()) {
      ObjectNode x = techniques.addObject();
      x.put("id", t.id());
      strings(x.putArray("aliases"), t.aliases());
      strings(x.putArray("rules"), t.rules());
      strings(x.putArray("exercisedBy"), t.exercisedBy());
      strings(x.putArray("caughtIn"), t.caughtIn());
      x.put("gap", t.gap());
    }
    ArrayNode breakdown = o.putArray("breakdown");
    r.breakdown().forEach(b -> breakdown.addObject().put("technique", b.technique()).put("outcome", b.outcome())
        .put("eventKind", b.eventKind()).put("steps", b.steps()).put("caught", b.caught()).put("notLogged", b.notLogged()));
    return o;
  }

  static ObjectNode scenario(ScenarioResult s) {
    ObjectNode x = JsonNodeFactory.instance.objectNode();
    x.put("id", s.id());
    x.put("title", s.title());
    x.put("status", s.status());
    x.put("file", s.file());
    x.put("records", s.records());
    strings(x.putArray("mitre"), s.mitre());
    strings(x.putArray("rulesFired"), s.rulesFired());
    ArrayNode steps = x.putArray("steps");
    for (StepResult st : s.steps()) {
      ObjectNode y = steps.addObject();
      y.put("index", st.index());
      y.put("name", st.name());
      y.put("call", st.call());
      y.put("eventName", st.eventName());
      y.put("actor", st.actor());
      y.put("outcome", st.outcome());
      y.put("eventKind", st.eventKind());
      y.put("time", st.time() == null ? null : st.time().toString());
      y.put("calls", st.calls());
      y.put("recorded", st.recorded());
      strings(y.putArray("notLoggedBecause"), st.notLoggedBecause());
      strings(y.putArray("expectFire"), st.expect().fire());
      strings(y.putArray("expectNotFire"), st.expect().notFire());
      strings(y.putArray("eventIDs"), st.eventIDs());
      y.put("status", st.status());
      ArrayNode hits = y.putArray("hits");
      st.hits().forEach(h -> hits.addObject().put("rule", h.ruleId()).put("severity", h.severity()).put("kind", h.kind())
          .put("delaySeconds", h.delay().toSeconds()).put("message", h.message()));
      st.access().ifPresent(a -> y.set("access", access(a)));
    }
    ArrayNode ex = x.putArray("expectations");
    for (ExpectationResult e : s.expectations()) {
      ObjectNode y = ex.addObject();
      y.put("step", e.step());
      y.put("stepName", e.stepName());
      y.put("kind", e.kind());
      y.put("target", e.target());
      y.put("held", e.held());
      strings(y.putArray("firedBy"), e.firedBy());
      y.put("notLogged", e.notLogged());
      if (e.deniedByPolicy()) {
        y.put("deniedByPolicy", true);
      }
    }
    ArrayNode findings = x.putArray("findings");
    for (Finding f : s.findings()) {
      findings.add(FindingJson.of(f));
    }
    return x;
  }

  static ObjectNode access(StepAccess a) {
    ObjectNode x = JsonNodeFactory.instance.objectNode();
    x.put("verdict", a.verdict());
    x.put("action", a.action());
    x.put("resource", a.resource());
    x.put("deniedBy", a.deniedBy());
    x.put("explicit", a.explicit());
    x.put("reason", a.reason());
    x.put("explanation", a.explanation());
    ArrayNode statements = x.putArray("statements");
    a.statements().forEach(s -> statements.addObject().put("policyType", s.policyType()).put("policy", s.policy()).put("sid", s.sid())
        .put("statementIndex", s.index()).put("effect", s.effect()).put("label", s.label()));
    x.put("allowedCalls", a.allowedCalls());
    x.put("deniedCalls", a.deniedCalls());
    x.put("scriptedOutcome", a.scripted());
    x.put("overridden", a.overridden());
    return x;
  }

  static void strings(ArrayNode a, java.util.Collection<String> values) {
    if (values != null) {
      values.forEach(a::add);
    }
  }
}
