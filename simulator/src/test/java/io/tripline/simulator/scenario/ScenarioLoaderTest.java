package io.tripline.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.simulator.Fixtures;
import io.tripline.simulator.source.Diagnostic;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {

  private static final String VALID = """
      id: demo
      title: Demo
      mitre: [T1562.008]
      references: [https://example.com]
      include: [small-account]
      start: "2024-03-14T16:15:10-05:00"
      actors:
        attacker:
          type: IAMUser
          userName: mallory
          sourceIp: 203.0.113.9
      steps:
        - call: cloudtrail:StopLogging
          params: {name: "${trail.name}"}
        - after: 30s
          call: iam:CreateUser
          params: {userName: "${actors.attacker.name}-2"}
      expect:
        fire: [T1562.008]
      """;

  @Test
  void loadsAScriptWithItsFragment() {
    LoadResult r = Fixtures.load(VALID);
    assertThat(r.diagnostics()).isEmpty();
    Scenario s = r.scenarios().get(0);
    assertThat(s.id()).isEqualTo("demo");
    assertThat(s.account()).isEqualTo("111122223333");
    assertThat(s.start()).contains(Instant.parse("2024-03-14T21:15:10Z"));
    assertThat(s.world().path("trails").get(0).path("name").asText()).isEqualTo("main");
    assertThat(s.steps()).extracting(Step::call).containsExactly("cloudtrail:StopLogging", "iam:CreateUser");
    assertThat(s.expect().fire()).containsExactly("T1562.008");
  }

  @Test
  void unknownCallNamesFileLineColumnAndNearestCalls() {
    LoadResult r = Fixtures.load(VALID.replace("cloudtrail:StopLogging", "cloudtrail:StopLoging"));
    assertThat(r.ok()).isFalse();
    Diagnostic d = r.diagnostics().get(0);
    assertThat(d.file()).isEqualTo("test.yaml");
    assertThat(d.line()).isEqualTo(13);
    assertThat(d.column()).isEqualTo(11);
    assertThat(d.message()).contains("unknown call 'cloudtrail:StopLoging'").contains("cloudtrail:StopLogging");
  }

  @Test
  void schemaViolationsPointAtTheOffendingNode() {
    LoadResult r = Fixtures.load(VALID.replace("- call: cloudtrail:StopLogging", "- call: cloudtrail:StopLogging\n    outcome: maybe"));
    assertThat(r.diagnostics()).anySatisfy(d -> {
      assertThat(d.line()).isEqualTo(14);
      assertThat(d.message()).startsWith("steps.0.outcome:").contains("'maybe' is not valid; expected success, denied, or an AWS error code");
    });
  }

  @Test
  void missingRequiredFieldsAreNamed() {
    LoadResult r = Fixtures.load(VALID.replace("mitre: [T1562.008]\n", ""));
    assertThat(r.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.line()).isEqualTo(1);
      assertThat(d.message()).contains("mitre");
    });
  }

  @Test
  void misspelledKeysAreReportedWhereTheyAre() {
    LoadResult r = Fixtures.load(VALID.replace("after: 30s", "afetr: 30s"));
    assertThat(r.diagnostics()).anySatisfy(d -> {
      assertThat(d.line()).isEqualTo(15);
      assertThat(d.message()).contains("afetr");
    });
  }

  @Test
  void yamlSyntaxErrorsCarryTheirPosition() {
    LoadResult r = Fixtures.load("id: x\ntitle: [unclosed\nmitre: [T1654]\n");
    assertThat(r.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.line()).isGreaterThan(1);
      assertThat(d.message()).startsWith("invalid YAML");
    });
  }

  @Test
  void duplicateKeysAreRejected() {
    LoadResult r = Fixtures.load(VALID.replace("title: Demo\n", "title: Demo\ntitle: Again\n"));
    assertThat(r.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.line()).isEqualTo(3);
      assertThat(d.message()).contains("duplicate key 'title'");
    });
  }

  @Test
  void unknownActorsAndVariablesAreErrors() {
    LoadResult r = Fixtures.load(VALID.replace("${actors.attacker.name}", "${actors.nobody.name}")
        .replace("- after: 30s", "- after: 30s\n    actor: ghost"));
    assertThat(r.diagnostics()).extracting(Diagnostic::message)
        .anySatisfy(m -> assertThat(m).contains("unknown actor 'ghost'"))
        .anySatisfy(m -> assertThat(m).contains("names no actor"));
  }

  @Test
  void badDurationsSayWhatIsExpected() {
    LoadResult r = Fixtures.load(VALID.replace("after: 30s", "after: 30 seconds"));
    assertThat(r.diagnostics()).isNotEmpty();
    assertThat(r.diagnostics().get(0).line()).isEqualTo(15);
  }

  @Test
  void missingFragmentIsReportedAtTheInclude() {
    LoadResult r = Fixtures.load(VALID.replace("[small-account]", "[no-such-account]"));
    assertThat(r.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.line()).isEqualTo(5);
      assertThat(d.message()).contains("no fragment 'no-such-account'");
    });
  }

  @Test
  void varyBlocksGenerateVariants() {
    LoadResult r = Fixtures.load(VALID + """
        vary:
          - name: eu
            set: {region: eu-west-1}
          - name: console
            set: {actors: {attacker: {via: console}}}
        """);
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.scenarios()).extracting(Scenario::id).containsExactly("demo", "demo/eu", "demo/console");
    assertThat(r.scenarios().get(1).region()).isEqualTo("eu-west-1");
    assertThat(r.scenarios().get(2).actors().get("attacker").console()).isTrue();
    assertThat(r.scenarios().get(2).actors().get("attacker").userName()).isEqualTo("mallory");
  }

  @Test
  void fragmentsValidateOnTheirOwn() {
    LoadResult r = new ScenarioLoader(Fixtures.CATALOG).load(Fixtures.dir().resolve("small-account.yaml"));
    assertThat(r.kind()).isEqualTo(LoadResult.Kind.FRAGMENT);
    assertThat(r.diagnostics()).isEmpty();
  }

  @Test
  void anAbsoluteAtBeforeTheStartIsAnErrorWhereItIsWritten() {
    LoadResult r = Fixtures.load(VALID.replace("- after: 30s", "- at: \"2024-03-14T16:00:00-05:00\""));
    assertThat(r.ok()).isFalse();
    Diagnostic d = r.diagnostics().get(0);
    assertThat(d.toString()).startsWith("test.yaml:15:9:").contains("is before the scenario's start").contains("2024-03-14T21:15:10Z");
    assertThat(Fixtures.load(VALID.replace("- after: 30s", "- at: \"2024-03-14T16:20:00-05:00\"")).diagnostics()).isEmpty();
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
    "${trail.bukcet}              | unknown field 'bukcet' of a trail; did you mean 'bucket'?",
    "${trails.main.logKeyPrefx}   | unknown field 'logKeyPrefx' of a trail; did you mean 'logKeyPrefix'?",
    "${actors.attacker.arnn}      | unknown field 'arnn' of an actor; did you mean 'arn'?",
    "${world.detectorID}          | unknown field 'detectorID' of world; did you mean 'detectorId'?",
    "${world.trail.bukcet}        | unknown field 'bukcet' of a trail; did you mean 'bucket'?",
    "${trail}                     | needs a field of a trail",
    "${repeat.idx}                | unknown field 'idx' of repeat; did you mean 'index'?"})
  void misspelledVariableFieldsAreErrorsWithTheNearestName(String variable, String message) {
    LoadResult r = Fixtures.load(VALID.replace("{name: \"${trail.name}\"}", "{name: \"" + variable + "\"}"));
    assertThat(r.diagnostics()).singleElement().asString().startsWith("test.yaml:14:").contains(message);
  }

  @Test
  void aBadDurationIsOneMessageWithAnExampleNotARegex() {
    LoadResult r = Fixtures.load(VALID.replace("after: 30s", "after: 30 seconds"));
    assertThat(r.diagnostics()).singleElement().asString()
        .isEqualTo("test.yaml:15:12: steps.1.after: '30 seconds' is not valid; expected a duration such as 45s, 2m30s, 1h, PT5M, "
            + "or a number of seconds");
  }

  @Test
  void patternsAreExplainedByExamplesNotRegexes() {
    LoadResult r = Fixtures.load(VALID.replace("include: [small-account]", "include: [small-account]\nregion: US East"));
    assertThat(r.diagnostics()).singleElement().asString().contains("'US East' is not valid; expected an AWS region such as us-east-1")
        .doesNotContain("^");
  }

  @Test
  void yamlSyntaxErrorsSayWhereAndWhatWasExpected() {
    LoadResult open = Fixtures.load("id: x\ntitle: t\nmitre: [T1654\nactors:\n  a: {type: IAMUser}\n");
    assertThat(open.diagnostics()).singleElement().asString()
        .startsWith("test.yaml:4:7: invalid YAML: expected ',' or ']'")
        .contains("while parsing a flow sequence started at line 3, column 8")
        .contains("expected ']' to close the [ list");
    LoadResult quote = Fixtures.load("id: x\ntitle: \"unfinished\nmitre: [T1654]\n");
    assertThat(quote.diagnostics()).singleElement().asString()
        .contains("started at line 2, column 8").contains("expected the closing quote");
  }

  @Test
  void baselineMixParametersAreCheckedToo() {
    LoadResult r = Fixtures.load("""
        baseline: readers
        title: readers
        include: [small-account]
        actors:
          reader: {type: IAMUser, userName: reader, sourceIp: 192.0.2.7}
        mix:
          - {call: "s3:GetObject", params: {bucketName: "${trail.bukcet}", key: "${trail.logKeyPrefix}x.json.gz"}}
        """);
    assertThat(r.diagnostics()).singleElement().asString().startsWith("test.yaml:7:")
        .contains("unknown field 'bukcet' of a trail; did you mean 'bucket'?");
  }
}
