package io.tripline.rego.ast;

import java.util.List;

/**
 * A parsed Rego file. {@code packagePath} is e.g. {@code data.a.b}; {@code regoVersion} is the syntax
 * its rules were read in ({@code V0} also for a v1 module that imports {@code future.keywords}
 * without {@code rego.v1}).
 */
public record Module(
    String file, Term.Ref packagePath, List<Import> imports, List<Rule> rules, String annotations, Location location,
    RegoVersion regoVersion) implements Node {

  /** The package as dotted path without {@code data}: {@code a.b}. */
  public List<String> packageSegments() {
    return packagePath.path().stream()
        .map(t -> ((io.tripline.rego.value.StringValue) ((Term.Scalar) t).value()).value())
        .toList();
  }
}
