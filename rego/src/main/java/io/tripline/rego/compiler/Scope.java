package io.tripline.rego.compiler;

import java.util.HashMap;
import java.util.Map;

/** Local variables visible in a body: source name to runtime name (renamed when shadowing). */
final class Scope {
  private final Scope parent;
  private final Map<String, String> names = new HashMap<>();

  Scope(Scope parent) {
    this.parent = parent;
  }

  String lookup(String name) {
    for (Scope s = this; s != null; s = s.parent) {
      String n = s.names.get(name);
      if (n != null) {
        return n;
      }
    }
    return null;
  }

  /** Names assigned with := further down the body being resolved (not visible yet to closures). */
  final java.util.Set<String> pending = new java.util.HashSet<>();

  /** Whether name is declared by a := that has not been reached yet. */
  boolean isPending(String name) {
    for (Scope s = this; s != null; s = s.parent) {
      if (s.names.containsKey(name)) {
        return s.pending.contains(name);
      }
    }
    return false;
  }

  /** The runtime name of name in the enclosing scopes, ignoring this scope's own definition. */
  String lookupOutside(String name) {
    return parent == null ? null : parent.lookup(name);
  }

  void define(String name, String runtimeName) {
    names.put(name, runtimeName);
  }

  boolean definedHere(String name) {
    return names.containsKey(name);
  }
}
