package io.tripline.rego.eval;

/** A continuation: runs the rest of the search; returns false to stop searching. */
@FunctionalInterface
interface Next {
  boolean run();
}
