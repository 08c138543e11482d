package io.tripline.rego.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The direct matcher for star-only globs agrees with the regular expression a glob compiles to. */
class GlobStarMatchTest {
  @Test
  void agreesWithTheCompiledExpressionOnRandomPatterns() {
    Random random = new Random(42);
    String alphabet = "ab:/*";
    for (int i = 0; i < 5_000; i++) {
      String pattern = random(random, alphabet, 6);
      String subject = random(random, "ab:/\n", 8);
      boolean expected = GlobPattern.compile(pattern, List.of()).matches(subject);
      assertThat(GlobBuiltins.starMatch(pattern.split("\\*", -1), subject))
          .as("glob %s on %s", pattern, subject).isEqualTo(expected);
    }
  }

  @Test
  void arnPatterns() {
    String[] parts = "arn:aws:iam::*:role/SecurityAudit*".split("\\*", -1);
    assertThat(GlobBuiltins.starMatch(parts, "arn:aws:iam::123456789012:role/SecurityAudit")).isTrue();
    assertThat(GlobBuiltins.starMatch(parts, "arn:aws:iam::123456789012:role/SecurityAuditor-1")).isTrue();
    assertThat(GlobBuiltins.starMatch(parts, "arn:aws:iam::123456789012:role/Developer")).isFalse();
    assertThat(GlobBuiltins.starMatch("a*a".split("\\*", -1), "a")).isFalse();
    assertThat(GlobBuiltins.starMatch("exact".split("\\*", -1), "exact")).isTrue();
  }

  private static String random(Random random, String alphabet, int max) {
    int n = random.nextInt(max + 1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
