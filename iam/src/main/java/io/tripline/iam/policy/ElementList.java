package io.tripline.iam.policy;

import java.util.List;

/**
 * The values of Action/NotAction or Resource/NotResource, as written (a single string is a list of
 * one).
 *
 * @param values the patterns
 * @param negated true for NotAction / NotResource
 */
public record ElementList(List<String> values, boolean negated) {
  public ElementList {
    values = List.copyOf(values);
  }
}
