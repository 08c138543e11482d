package io.tripline.cli.rego;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RegoCommandsTest {

  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  private int run(Callable<Integer> command, String... args) {
    CommandLine cmd = new CommandLine(command);
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    return cmd.execute(args);
  }

  @Test
  void evalPrintsOpaResultShapeWithDataFromDirectories() throws Exception {
    Path policy = Files.createDirectories(dir.resolve("policy/tripline"));
    Files.writeString(policy.resolve("rule.rego"), """
        package tripline.rules.trail

        alert contains "trail updated" if {
          input.eventName == "UpdateTrail"
          not input.userIdentity.arn in data.tripline.admins
        }
        """);
    Files.writeString(policy.resolve("admins.json"), "{\"admins\": [\"arn:aws:iam::1:user/root\"]}");
    Path input = dir.resolve("record.json");
    Files.writeString(input, "{\"eventName\":\"UpdateTrail\",\"userIdentity\":{\"arn\":\"arn:aws:iam::1:user/eve\"}}");

    int code = run(new RegoEvalCommand(), "-d", dir.resolve("policy").toString(), "-i", input.toString(),
        "data.tripline.rules.trail.alert");

    assertThat(code).isEqualTo(0);
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.at("/result/0/expressions/0/value/0").asText()).isEqualTo("trail updated");
    assertThat(json.at("/result/0/expressions/0/text").asText()).isEqualTo("data.tripline.rules.trail.alert");
  }

  @Test
  void evalReadsV0ModulesWithV0Compatible() throws Exception {
    Path rego = dir.resolve("legacy.rego");
    Files.writeString(rego, "package legacy\n\nadmins[u] {\n  u := input.users[_]\n  any([u.admin])\n}\n");
    Path input = dir.resolve("users.json");
    Files.writeString(input, "{\"users\": [{\"name\": \"ann\", \"admin\": true}, {\"name\": \"bo\", \"admin\": false}]}");
    int code = run(new RegoEvalCommand(), "--v0-compatible", "-d", rego.toString(), "-i", input.toString(),
        "data.legacy.admins[_].name");
    assertThat(code).isEqualTo(0);
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.at("/result/0/expressions/0/value").asText()).isEqualTo("ann");
  }

  @Test
  void evalPrintsUndefinedAsAnEmptyObjectAndErrorsAsOpa() throws Exception {
    Path rego = dir.resolve("p.rego");
    Files.writeString(rego, "package p\n\nallow if input.x > y\n");
    int code = run(new RegoEvalCommand(), "-d", rego.toString(), "data.p.allow");
    assertThat(code).isEqualTo(2);
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.at("/errors/0/code").asText()).isEqualTo("rego_unsafe_var_error");
    assertThat(json.at("/errors/0/message").asText()).isEqualTo("var y is unsafe");
    assertThat(json.at("/errors/0/location/row").asInt()).isEqualTo(3);

    StringWriter fresh = new StringWriter();
    CommandLine cmd = new CommandLine(new RegoEvalCommand());
    cmd.setOut(new PrintWriter(fresh));
    assertThat(cmd.execute("data.nothing.here")).isEqualTo(0);
    assertThat(fresh.toString().replaceAll("\\s", "")).isEqualTo("{}");
  }

  @Test
  void conformanceReportsFailuresTableAndSummary() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("cases/basics"));
    Files.writeString(folder.resolve("t.yaml"), """
        cases:
          - note: passes
            query: x = 1 + 1
            want_result: [{x: 2}]
          - note: fails
            query: x = 1
            want_result: [{x: 3}]
        """);
    int code = run(new RegoConformanceCommand(), dir.resolve("cases").toString());
    assertThat(code).isEqualTo(0);
    String text = out.toString();
    assertThat(text).contains("FAIL ").contains("fails: expected [{\"x\":3}], got [{\"x\":1}]");
    assertThat(text).containsPattern("basics\\s+1\\s+1\\s+0");
    assertThat(text.strip().lines().reduce((a, b) -> b).orElse("")).isEqualTo("1 passed, 1 failed, 0 skipped");

    out.getBuffer().setLength(0);
    assertThat(run(new RegoConformanceCommand(), "--fail-under", "90", dir.resolve("cases").toString())).isEqualTo(1);
  }
}
