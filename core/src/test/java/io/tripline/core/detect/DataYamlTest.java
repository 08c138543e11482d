package io.tripline.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tripline.rego.value.ValueJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: data YAML files (tripline-data.yaml copies, --data) read as written. */
class DataYamlTest {

  @TempDir Path dir;

  private PolicyFiles withData(String yaml) throws IOException {
    Path f = Files.writeString(dir.resolve("data.yaml"), yaml);
    return new PolicyFiles(java.util.Map.of(), io.tripline.rego.value.ObjectValue.EMPTY).withData(List.of(f));
  }

  @Test
  void anAliasIsItsAnchoredValue() throws Exception {
    PolicyFiles p = withData("tripline_test:\n  admins: &a [alice, bob]\n  readers: *a\n");
    assertThat(ValueJson.write(p.data()).replace(" ", "")).contains("\"readers\":[\"alice\",\"bob\"]");
  }

  @Test
  void aSecondDocumentIsALocatedError() {
    assertThatThrownBy(() -> withData("a: 1\n---\nb: 2\n"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("data.yaml:3:1: a second YAML document");
  }
}
