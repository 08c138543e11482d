package io.tripline.iam.policy;

import java.util.List;
import java.util.Map;

/**
 * A Principal or NotPrincipal element: {@code "*"} (everyone, anonymous included) or a map from
 * principal type ({@code AWS}, {@code Service}, {@code Federated}, {@code CanonicalUser}) to
 * identifiers.
 *
 * @param everyone true for {@code "Principal": "*"}
 * @param byType identifiers per principal type, in document order
 * @param negated true for NotPrincipal
 */
public record PrincipalSpec(boolean everyone, Map<String, List<String>> byType, boolean negated) {
  public PrincipalSpec {
    byType = Map.copyOf(byType);
  }

  /** The identifiers listed for {@code type} (for example {@code AWS}), possibly none. */
  public List<String> of(String type) {
    return byType.getOrDefault(type, List.of());
  }
}
