package io.tripline.rego.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.rego.PreparedPolicy;
import io.tripline.rego.RegoFixture;
import org.junit.jupiter.api.Test;

/** In v1 modules {@code contains} is a keyword in rule heads, and still the string builtin when called in a body. */
class ContainsCallTest {

  @Test
  void containsIsCallableInBodiesOfV1ModulesWithMultiValueHeads() {
    PreparedPolicy p = RegoFixture.policy("""
        package t
        import rego.v1

        alert contains "cli" if contains(input.userAgent, "aws-cli")
        alert contains "not terraform" if not contains(input.userAgent, "Terraform")
        has_boto if {
          contains(input.userAgent, "Boto3")
        }
        """);
    String input = "{\"userAgent\": \"aws-cli/2.15.30 Python/3.11.8\"}";
    assertThat(RegoFixture.value(p, "data.t.alert", input)).isEqualTo("[\"cli\",\"not terraform\"]");
    assertThat(RegoFixture.value(p, "data.t.has_boto", input)).isEqualTo("undefined");
  }
}
