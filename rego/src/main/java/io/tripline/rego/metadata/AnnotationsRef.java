package io.tripline.rego.metadata;

import io.tripline.rego.ast.Location;
import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.StringValue;
import java.util.List;

/**
 * One link of a rule's annotation chain: the path it applies to (without {@code data}) and the
 * annotations there; {@code annotations} is null for the rule's own link when it has none.
 */
public record AnnotationsRef(List<String> path, Location location, Annotations annotations) {

  /** {@code {"path": [...], "annotations": {...}}} as {@code rego.metadata.chain()} returns it. */
  public ObjectValue toValue() {
    ObjectValue.Builder b = ObjectValue.builder()
        .put("path", ArrayValue.of(path.stream().map(StringValue::of).toList()));
    if (annotations != null) {
      b.put("annotations", annotations.toValue());
    }
    return b.build();
  }
}
