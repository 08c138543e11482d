package io.tripline.rego.eval;

import io.tripline.rego.compiler.RuleNode;
import io.tripline.rego.value.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The documents an expression sees: input, base data, {@code with} replacements of data paths
 * and functions, and the caches of virtual documents and user-function results computed under
 * exactly these.
 */
final class WithScope {
  final Value input;
  final Value data;
  final Map<List<String>, Value> dataOverrides;
  final Map<String, FunctionMock> mocks;
  final Map<RuleNode, Optional<Value>> cache = new HashMap<>();
  /** Results of user-function calls under these documents (see {@link CallKey}). */
  final Map<CallKey, Optional<Value>> calls = new HashMap<>();

  WithScope(Value input, Value data, Map<List<String>, Value> dataOverrides, Map<String, FunctionMock> mocks) {
    this.input = input;
    this.data = data;
    this.dataOverrides = dataOverrides;
    this.mocks = mocks;
  }

  /** A replacement for a function: another function or builtin (by name), or a constant value. */
  record FunctionMock(String function, Value value) {}
}
