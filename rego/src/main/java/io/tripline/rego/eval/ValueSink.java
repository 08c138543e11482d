package io.tripline.rego.eval;

import io.tripline.rego.value.Value;

/** Receives each value a term evaluates to; returns false to stop. */
@FunctionalInterface
interface ValueSink {
  boolean accept(Value v);
}
