package io.tripline.policies;

import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.core.detect.PolicyFiles;
import io.tripline.core.detect.RuleInfo;
import io.tripline.core.detect.RuleLibrary;
import io.tripline.rego.PolicySources;
import io.tripline.rego.test.PolicyTestRunner;
import io.tripline.rego.test.TestOutcome;
import io.tripline.rego.test.TestResult;
import io.tripline.rego.test.TestRun;
import io.tripline.rego.test.TestRunOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped rule library: it loads as the engine loads it, every rule's METADATA has every
 * field the contract asks for, every rule has its tests beside it (a positive one, two quiet
 * look-alikes, an exception test where it reads exceptions), and every Rego test passes, as
 * `tripline policy test policies/src/main/resources` runs them.
 */
class PolicyLibraryTest {
  static final Path ROOT = Path.of("src/main/resources");
  static final Pattern TEST_RULE = Pattern.compile("(?m)^(test_[A-Za-z0-9_]+)\\b");
  static RuleLibrary library;

  @BeforeAll
  static void load() throws Exception {
    library = RuleLibrary.compile(PolicyFiles.fromPaths(List.of(ROOT)));
  }

  @Test
  void everyRuleTestPasses() throws Exception {
    TestRun run = new PolicyTestRunner(TestRunOptions.DEFAULT).run(PolicySources.load(List.of(ROOT)));
    List<String> bad = run.results().stream().filter(r -> r.outcome() != TestOutcome.PASS && r.outcome() != TestOutcome.SKIPPED)
        .map(r -> r.fullName() + ": " + r.outcome()).toList();
    assertThat(bad).isEmpty();
    assertThat(run.passed()).isGreaterThan(0);
  }

  @Test
  void everyRuleHasTheMetadataTheContractAsksFor() {
    assertThat(library.rules()).isNotEmpty();
    for (RuleInfo r : library.rules()) {
      assertThat(r.id()).as(r.file()).matches("TRL-[A-Z0-9]+-[A-Z]?\\d{3}");
      assertThat(r.packagePath()).as(r.file()).startsWith("tripline.rules.aws.");
      assertThat(r.title()).as(r.id()).isNotBlank();
      assertThat(r.description()).as(r.id()).isNotBlank();
      assertThat(r.riskScore()).as(r.id()).isBetween(0, 100);
      assertThat(r.mitre()).as(r.id()).isNotEmpty();
      assertThat(r.tags()).as(r.id() + " tags").isNotEmpty();
      assertThat(r.outcome()).as(r.id()).isIn("success", "denied", "any");
      assertThat(r.falsePositives()).as(r.id() + " false_positives").isNotEmpty();
      assertThat(r.references()).as(r.id() + " references").isNotEmpty();
      assertThat(r.investigation()).as(r.id() + " investigation").isNotEmpty();
      assertThat(r.response()).as(r.id() + " response").isNotEmpty();
      if (r.kind().correlation()) {
        assertThat(r.window()).as(r.id() + " window").isPositive();
        assertThat(r.groupBy()).as(r.id() + " group_by").isNotEmpty();
      }
    }
  }

  @Test
  void everyRuleHasItsTestsBesideIt() throws Exception {
    List<String> missing = new ArrayList<>();
    for (RuleInfo r : library.rules()) {
      Path rule = Path.of(r.file());
      Path test = rule.resolveSibling(rule.getFileName().toString().replace(".rego", "_test.rego"));
      if (!Files.exists(test)) {
        missing.add(r.id() + ": no " + test);
        continue;
      }
      List<String> tests = new ArrayList<>();
      Matcher m = TEST_RULE.matcher(Files.readString(test));
      while (m.find()) {
        tests.add(m.group(1));
      }
      long quiet = tests.stream().filter(t -> t.contains("quiet")).count();
      long exception = tests.stream().filter(t -> t.contains("exception")).count();
      long positive = tests.size() - quiet - exception;
      if (positive < 1) {
        missing.add(r.id() + ": no positive test in " + test);
      }
      if (quiet < 2) {
        missing.add(r.id() + ": " + quiet + " look-alike test(s) named test_..._quiet in " + test + ", at least 2 needed");
      }
      if (Files.readString(rule).contains("exceptions.excepted") && exception < 1) {
        missing.add(r.id() + ": reads exceptions but " + test + " has no test_..._exception...");
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void theDefaultDataFileIsEmptyAndDocumented() throws Exception {
    String text = Files.readString(ROOT.resolve(PolicyFiles.BUNDLE_MARKER));
    assertThat(text).contains("trail_buckets: []", "log_readers: []", "corporate_cidrs: []", "exceptions: {}");
  }

  @Test
  void techniqueAliasesPairBothAttackVersions() {
    assertThat(library.aliases().same("T1562.008", "T1685.002")).isTrue();
    assertThat(library.aliases().same("T1562.001", "T1685")).isTrue();
    assertThat(library.aliases().same("T1654", "T1654")).isTrue();
    assertThat(library.aliases().same("T1654", "T1685")).isFalse();
  }
}
