package io.tripline.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FindingsSarifUriTest {
  @Test
  void filesBecomeUriReferences() {
    assertThat(FindingsSarif.artifactUri("bundled:rules/aws/cloudtrail/stop_logging.rego")).isEqualTo("rules/aws/cloudtrail/stop_logging.rego");
    assertThat(FindingsSarif.artifactUri("classpath:scenarios/a.yaml")).isEqualTo("scenarios/a.yaml");
    assertThat(FindingsSarif.artifactUri("/tmp/my rules/#1/x:y.rego")).isEqualTo("/tmp/my%20rules/%231/x%3Ay.rego");
    assertThat(FindingsSarif.artifactUri("règles\\a%b.rego")).isEqualTo("r%C3%A8gles/a%25b.rego");
  }
}
