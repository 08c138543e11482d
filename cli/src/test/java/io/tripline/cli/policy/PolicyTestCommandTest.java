package io.tripline.cli.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tripline.cli.rego.RegoCapabilitiesCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PolicyTestCommandTest {

  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  private int run(Callable<Integer> command, String... args) {
    CommandLine cmd = new CommandLine(command);
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    return cmd.execute(args);
  }

  private String lastLine() {
    String[] lines = out.toString().strip().split("\n");
    return lines[lines.length - 1];
  }

  @BeforeEach
  void library() throws Exception {
    Files.createDirectories(dir.resolve("tripline/known"));
    Files.writeString(dir.resolve("tripline/known/data.yaml"), "readers:\n  - arn:aws:iam::1:role/log-reader\n");
    Files.writeString(dir.resolve("reader.rego"), """
        # METADATA
        # title: CloudTrail logs read by an unknown principal
        # custom:
        #   id: TL-T-1
        #   severity: low
        package tripline.rules.log_read

        alert contains {"message": "log read"} if {
        	input.eventName == "GetObject"
        	not input.userIdentity.arn in data.tripline.known.readers
        }
        """);
    Files.writeString(dir.resolve("reader_test.rego"), """
        package tripline.rules.log_read_test

        import data.tripline.rules.log_read

        test_unknown_reader_alerts if {
        	count(log_read.alert) == 1 with input as {"eventName": "GetObject", "userIdentity": {"arn": "x"}}
        }

        test_known_reader_is_quiet if {
        	count(log_read.alert) == 0 with input as {"eventName": "GetObject",
        		"userIdentity": {"arn": "arn:aws:iam::1:role/log-reader"}}
        }

        test_wrong if {
        	print("alerts:", count(log_read.alert))
        	count(log_read.alert) == 5
        }

        test_div if {
        	1 / 0 == 1
        }

        todo_test_later if false
        """);
  }

  @Test
  void failuresAndErrorsExitOneAndEndWithTheCountsLine() {
    int code = run(new PolicyTestCommand(), "--strict-builtin-errors", dir.toString());
    assertThat(code).isEqualTo(1);
    assertThat(out.toString())
        .contains("data.tripline.rules.log_read_test.test_wrong: FAIL (")
        .contains("  alerts: 0\n")
        .contains("data.tripline.rules.log_read_test.test_div: ERROR (")
        .contains("eval_builtin_error: div: divide by zero")
        .contains("data.tripline.rules.log_read_test.todo_test_later: SKIPPED")
        .contains("PASS: 2/5\nFAIL: 1/5\nSKIPPED: 1/5\nERROR: 1/5\n")
        .doesNotContain("test_known_reader_is_quiet");
    assertThat(lastLine()).isEqualTo("2 passed, 2 failed");
  }

  @Test
  void passingSelectionExitsZeroAndVerboseListsEveryTest() {
    int code = run(new PolicyTestCommand(), "-v", "--run", "reader", dir.toString());
    assertThat(code).isEqualTo(0);
    assertThat(out.toString())
        .contains("reader_test.rego:5:\ndata.tripline.rules.log_read_test.test_unknown_reader_alerts: PASS (")
        .contains("data.tripline.rules.log_read_test.test_known_reader_is_quiet: PASS (");
    assertThat(lastLine()).isEqualTo("2 passed, 0 failed");
  }

  @Test
  void coveragePrintsOpaJsonThenTheCountsLine() throws Exception {
    int code = run(new PolicyTestCommand(), "--coverage", "--run", "reader", dir.toString());
    assertThat(code).isEqualTo(0);
    String text = out.toString().strip();
    JsonNode json = new ObjectMapper().readTree(text.substring(0, text.lastIndexOf('}') + 1));
    JsonNode reader = json.at("/files/" + dir.resolve("reader.rego").toString().replace("~", "~0").replace("/", "~1"));
    assertThat(reader.at("/covered_lines").asInt()).isEqualTo(3);
    assertThat(reader.at("/coverage").asDouble()).isEqualTo(100.0);
    assertThat(lastLine()).isEqualTo("2 passed, 0 failed");
  }

  @Test
  void compileErrorsAreReportedWithTheirLocationAndExitTwo() throws Exception {
    Files.writeString(dir.resolve("broken.rego"), "package broken\n\n# METADATA\n# scope: package\np := 1\n");
    int code = run(new PolicyTestCommand(), dir.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("broken.rego:3:1: rego_parse_error: annotation scope 'package' must be applied to package (have rule)");
  }

  @Test
  void v0CompatibleLoadsV0LibrariesWithoutImports() throws Exception {
    Path lib = Files.createDirectories(dir.resolve("legacy"));
    Files.writeString(lib.resolve("deny.rego"), "package main\n\ndeny[msg] {\n  input.port == 22\n  msg := \"ssh open\"\n}\n");
    Files.writeString(lib.resolve("deny_test.rego"),
        "package main\n\ntest_ssh_denied {\n  deny[\"ssh open\"] with input as {\"port\": 22}\n}\n");
    assertThat(run(new PolicyTestCommand(), lib.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("`if` keyword is required before rule body");
    out.getBuffer().setLength(0);
    assertThat(run(new PolicyTestCommand(), "--v0-compatible", lib.toString())).isZero();
    assertThat(lastLine()).isEqualTo("1 passed, 0 failed");
  }

  @Test
  void missingPathIsAUsageError() {
    assertThat(run(new PolicyTestCommand(), dir.resolve("nope").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no such file or directory");
  }

  @Test
  void capabilitiesListBuiltinsWithDeclarations() throws Exception {
    assertThat(run(new RegoCapabilitiesCommand())).isEqualTo(0);
    JsonNode json = new ObjectMapper().readTree(out.toString());
    JsonNode count = null;
    for (JsonNode b : json.get("builtins")) {
      if (b.get("name").asText().equals("count")) {
        count = b;
      }
    }
    assertThat(count).isNotNull();
    assertThat(count.at("/decl/type").asText()).isEqualTo("function");
    assertThat(count.at("/decl/args").size()).isEqualTo(1);
    assertThat(count.at("/decl/result/type").asText()).isEqualTo("number");
    assertThat(json.get("future_keywords").toString()).isEqualTo("[\"contains\",\"every\",\"if\",\"in\"]");
  }

  @Test
  void aPathWithoutTestsIsNotSuccess() throws Exception {
    Path rules = Files.createDirectories(dir.resolve("only-rules"));
    Files.writeString(rules.resolve("rule.rego"), "package only\n\nallow := true\n");
    assertThat(run(new PolicyTestCommand(), rules.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("no tests found in " + rules).contains("test_");
    assertThat(out.toString()).doesNotContain("0 passed");
    assertThat(run(new PolicyTestCommand(), dir.resolve("missing").toString())).isEqualTo(2);
  }

  @Test
  void aRunFilterMatchingNothingIsNotSuccess() {
    assertThat(run(new PolicyTestCommand(), "--run", "no_such_test", dir.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("no test matches --run no_such_test");
  }
}
