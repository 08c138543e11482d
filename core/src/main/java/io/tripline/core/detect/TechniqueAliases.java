package io.tripline.core.detect;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * ATT&CK IDs across versions (the library's {@code data.mitre.attack.aliases}): each older ID maps
 * to its current one, so a rule tagged with either counts for the same technique.
 */
public final class TechniqueAliases {
  private final Map<String, String> toCurrent = new HashMap<>();
  private final String currentVersion;

  private TechniqueAliases(String currentVersion) {
    this.currentVersion = currentVersion;
  }

  /** Reads {@code data.mitre.attack}; no aliases when absent. */
  public static TechniqueAliases from(Value data) {
    Value attack = get(get(data, "mitre"), "attack");
    Value version = get(attack, "current_version");
    TechniqueAliases t = new TechniqueAliases(version instanceof StringValue s ? s.value() : "19");
    if (get(attack, "aliases") instanceof ArrayValue list) {
      for (Value pair : list.asList()) {
        if (pair instanceof ObjectValue o && o.get("v18") instanceof StringValue old && o.get("v19") instanceof StringValue now) {
          t.toCurrent.put(old.value(), now.value());
        }
      }
    }
    return t;
  }

  private static Value get(Value v, String key) {
    return v instanceof ObjectValue o ? o.get(key) : null;
  }

  /** The ATT&CK version the canonical IDs belong to. */
  public String currentVersion() {
    return currentVersion;
  }

  /** The current ID of a technique (itself when it did not move). */
  public String canonical(String id) {
    return toCurrent.getOrDefault(id, id);
  }

  /** Whether two IDs name the same technique. */
  public boolean same(String a, String b) {
    return canonical(a).equals(canonical(b));
  }

  /** Every ID that names the same technique as {@code id}, itself first. */
  public Set<String> allNames(String id) {
    Set<String> out = new LinkedHashSet<>();
    out.add(id);
    String c = canonical(id);
    out.add(c);
    toCurrent.forEach((old, now) -> {
      if (now.equals(c)) {
        out.add(old);
      }
    });
    return out;
  }
}
