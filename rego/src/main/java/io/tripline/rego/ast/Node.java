package io.tripline.rego.ast;

/** Every syntax node knows where it came from. */
public interface Node {
  Location location();
}
