package io.tripline.rego.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceRunnerTest {

  @TempDir Path dir;

  @Test
  void comparesBindingsErrorsAndUndefinedAsOpaDoes() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("mine"));
    Files.writeString(folder.resolve("cases.yaml"), """
        cases:
          - note: sets compare as sorted arrays
            query: data.t.s = x
            modules:
              - |
                package t
                s contains v if some v in input.vs
            input: {"vs": [3, 1]}
            want_result:
              - x: [1, 3]
          - note: unordered bindings need sort_bindings
            query: data.t.xs[_] = x
            modules: ["package t\\nxs := [2, 1]\\n"]
            sort_bindings: true
            want_result:
              - x: 1
              - x: 2
          - note: empty want_result means undefined
            query: data.t.missing = x
            modules: ["package t\\n"]
            want_result: []
          - note: error code and message substring
            query: data.t.p = x
            modules: ["package t\\np := 1\\np := 2 if true\\n"]
            want_error_code: eval_conflict_error
            want_error: produced conflicting values
          - note: strict builtin errors
            query: x = 1 / 0
            strict_error: true
            want_error_code: eval_builtin_error
          - note: input_term is Rego
            query: input.k = x
            input_term: '{"k": {1, 2}}'
            want_result:
              - x: [1, 2]
          - note: a wrong expectation fails
            query: x = 1
            want_result:
              - x: 2
          - note: skipped
            query: x = 1
            skip: true
        """);
    ConformanceReport report = new ConformanceRunner().run(List.of(dir));
    assertThat(report.failures()).extracting(CaseOutcome::note).containsExactly("a wrong expectation fails");
    assertThat(report.failures().get(0).expected()).isEqualTo("[{\"x\":2}]");
    assertThat(report.failures().get(0).got()).isEqualTo("[{\"x\":1}]");
    assertThat(report.summaryLine()).isEqualTo("6 passed, 1 failed, 1 skipped");
    assertThat(report.byFolder()).containsOnlyKeys("mine");
  }
}
