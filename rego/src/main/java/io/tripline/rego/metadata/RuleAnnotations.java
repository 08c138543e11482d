package io.tripline.rego.metadata;

import io.tripline.rego.ast.Location;
import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.Value;
import java.util.List;
import java.util.Optional;

/**
 * A rule definition with everything its annotations say: its package and name, where it is
 * defined, the chain OPA builds (rule, document, package, subpackages from the nearest package
 * up), and {@code custom} merged along the chain with the nearest annotation winning per key.
 */
public record RuleAnnotations(
    List<String> packagePath, String name, List<String> path, Location location, List<AnnotationsRef> chain,
    ObjectValue custom) {

  /** {@code data.a.b.rule}. */
  public String fullName() {
    return "data." + String.join(".", path);
  }

  /** The rule's own annotations (rule scope), if any: what {@code rego.metadata.rule()} returns. */
  public Optional<Annotations> own() {
    return Optional.ofNullable(chain.get(0).annotations());
  }

  /** The nearest non-empty title along the chain ("" when none). */
  public String title() {
    return chain.stream().map(AnnotationsRef::annotations).filter(a -> a != null && !a.title().isEmpty())
        .map(Annotations::title).findFirst().orElse("");
  }

  /** The nearest non-empty description along the chain ("" when none). */
  public String description() {
    return chain.stream().map(AnnotationsRef::annotations).filter(a -> a != null && !a.description().isEmpty())
        .map(Annotations::description).findFirst().orElse("");
  }

  /** One merged {@code custom} field ({@code severity}, {@code id}, ...). */
  public Optional<Value> custom(String key) {
    return Optional.ofNullable(custom.get(key));
  }

  /** {@code rego.metadata.chain()} for this rule. */
  public ArrayValue chainValue() {
    return ArrayValue.of(chain.stream().map(AnnotationsRef::toValue).toList());
  }

  /** {@code rego.metadata.rule()} for this rule: its own annotations, {@code {}} when none. */
  public ObjectValue ruleValue() {
    return own().map(Annotations::toValue).orElse(ObjectValue.EMPTY);
  }
}
