package io.tripline.rego.ast;

/** {@code import data.a.b as c}; alias null when absent. */
public record Import(Term.Ref path, String alias, Location location) implements Node {

  /** The name the import binds in the module: the alias or the last path element. */
  public String boundName() {
    if (alias != null) {
      return alias;
    }
    if (path.path().isEmpty()) {
      return path.head().toString();
    }
    Term last = path.path().get(path.path().size() - 1);
    return last instanceof Term.Scalar s && s.value() instanceof io.tripline.rego.value.StringValue str
        ? str.value()
        : last.toString();
  }
}
