package io.tripline.rego.compiler;

import io.tripline.rego.ast.Body;
import java.util.List;

/**
 * A query ready to evaluate: the body in safe order, the position each literal had in the text
 * (for OPA's per-expression results), the source text of each expression, and the variables
 * whose bindings are reported (in order of appearance, wildcards and generated vars excluded).
 */
public record CompiledQuery(Body body, int[] originalIndex, List<String> texts, List<String> resultVars, boolean deep) {
  /** {@code deep}: nested or long enough to need a large stack ({@link io.tripline.rego.ast.StackWeight}). */
  public CompiledQuery(Body body, int[] originalIndex, List<String> texts, List<String> resultVars) {
    this(body, originalIndex, texts, resultVars, io.tripline.rego.ast.StackWeight.body(body) > io.tripline.rego.ast.StackWeight.DEEP);
  }
}
