package io.tripline.rego.metadata;

import io.tripline.rego.ast.Location;
import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.util.List;

/**
 * One parsed {@code # METADATA} block. Absent strings are empty; {@code custom} is an object
 * (empty when absent); {@code schemas} keeps each entry as written. {@code location} is the
 * {@code # METADATA} line.
 */
public record Annotations(
    Scope scope,
    String title,
    String description,
    boolean entrypoint,
    List<String> organizations,
    List<RelatedResource> relatedResources,
    List<Author> authors,
    List<Value> schemas,
    ObjectValue custom,
    Location location) {

  /** The object {@code rego.metadata.rule()} and {@code rego.metadata.chain()} return, in OPA's shape. */
  public ObjectValue toValue() {
    ObjectValue.Builder b = ObjectValue.builder().put("scope", StringValue.of(scope.text()));
    if (!title.isEmpty()) {
      b.put("title", StringValue.of(title));
    }
    if (entrypoint) {
      b.put("entrypoint", BooleanValue.TRUE);
    }
    if (!description.isEmpty()) {
      b.put("description", StringValue.of(description));
    }
    if (!organizations.isEmpty()) {
      b.put("organizations", ArrayValue.of(organizations.stream().map(StringValue::of).toList()));
    }
    if (!relatedResources.isEmpty()) {
      b.put("related_resources", ArrayValue.of(relatedResources.stream().map(RelatedResource::toValue).toList()));
    }
    if (!authors.isEmpty()) {
      b.put("authors", ArrayValue.of(authors.stream().map(Author::toValue).toList()));
    }
    if (!schemas.isEmpty()) {
      b.put("schemas", ArrayValue.of(schemas));
    }
    if (!custom.isEmpty()) {
      b.put("custom", custom);
    }
    return b.build();
  }
}
