package io.tripline.core.detect;

import io.tripline.rego.PreparedPolicy;
import io.tripline.rego.Rego;
import io.tripline.rego.RegoError;
import io.tripline.rego.RegoException;
import io.tripline.rego.metadata.RuleAnnotations;
import io.tripline.rego.value.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A compiled rule library: every package under {@code tripline.rules} that defines {@code alert},
 * with its METADATA read into a {@link RuleInfo}. Compiled once; thread-safe.
 */
public final class RuleLibrary {
  private static final List<String> ROOT = List.of("tripline", "rules");

  private final PreparedPolicy policy;
  private final List<RuleInfo> rules;
  private final Map<String, RuleInfo> byId;
  private final Value data;
  private final TechniqueAliases aliases;
  private final boolean readsAsn;

  private RuleLibrary(PreparedPolicy policy, List<RuleInfo> rules, Value data, boolean readsAsn) {
    this.readsAsn = readsAsn;
    this.policy = policy;
    this.rules = List.copyOf(rules);
    this.byId = rules.stream().collect(Collectors.toMap(RuleInfo::id, r -> r, (a, b) -> a, LinkedHashMap::new));
    this.data = data;
    this.aliases = TechniqueAliases.from(data);
  }

  /** Compiles the files and reads every rule's metadata; all problems at once. */
  public static RuleLibrary compile(PolicyFiles files) throws RuleLibraryException {
    PreparedPolicy policy;
    try {
      policy = Rego.compile(files.modules(), files.data());
    } catch (RegoException e) {
      throw new RuleLibraryException(e.errors().stream().map(RegoError::toString).toList());
    }
    Map<String, List<RuleAnnotations>> byPackage = new LinkedHashMap<>();
    for (RuleAnnotations a : policy.annotations().rules()) {
      if (a.packagePath().size() > ROOT.size() && a.packagePath().subList(0, ROOT.size()).equals(ROOT)) {
        byPackage.computeIfAbsent(String.join(".", a.packagePath()), k -> new ArrayList<>()).add(a);
      }
    }
    List<String> problems = new ArrayList<>();
    List<RuleInfo> rules = new ArrayList<>();
    Map<String, String> idOwner = new HashMap<>();
    for (Map.Entry<String, List<RuleAnnotations>> pkg : byPackage.entrySet()) {
      Optional<RuleAnnotations> alert = pkg.getValue().stream().filter(a -> a.name().equals("alert")).findFirst();
      if (alert.isEmpty()) {
        continue;
      }
      RuleInfo info = RuleMetadataReader.read(alert.get(), problems);
      if (info == null) {
        continue;
      }
      Set<String> names = pkg.getValue().stream().map(RuleAnnotations::name).collect(Collectors.toSet());
      if (info.kind().correlation() && !names.contains("match")) {
        problems.add(info.file() + ": package " + pkg.getKey() + ": a " + info.kind().label()
            + " rule needs a `match` rule saying which records take part (see README, Writing a rule)");
        continue;
      }
      String previous = idOwner.putIfAbsent(info.id(), info.file());
      if (previous != null) {
        problems.add(info.file() + ": rule id " + info.id() + " is already used by " + previous + "; ids must be unique");
        continue;
      }
      rules.add(info);
    }
    if (!problems.isEmpty()) {
      throw new RuleLibraryException(problems);
    }
    rules.sort(Comparator.comparing(RuleInfo::id));
    return new RuleLibrary(policy, rules, files.data(), mentionsAsn(files.modules()));
  }

  public PreparedPolicy policy() {
    return policy;
  }

  /** Every rule, sorted by id. */
  public List<RuleInfo> rules() {
    return rules;
  }

  public Optional<RuleInfo> rule(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The data document the rules see. */
  public Value data() {
    return data;
  }

  public TechniqueAliases aliases() {
    return aliases;
  }

  /** A library of only the rules the filter keeps (same compiled policy). */
  public RuleLibrary only(java.util.function.Predicate<RuleInfo> keep) {
    return new RuleLibrary(policy, rules.stream().filter(keep).toList(), data, readsAsn);
  }

  private static final java.util.regex.Pattern ASN_FIELD = java.util.regex.Pattern.compile("\\b(asn|as_org)\\b");

  /**
   * Whether some module names {@code asn} or {@code as_org} outside comments: only then do rules
   * need the AS of a source address, and the engine loads the ASN table (a second of CPU) for
   * them. A rule that builds the field name at run time is not seen; name the field.
   */
  public boolean readsAsn() {
    return readsAsn;
  }

  static boolean mentionsAsn(Map<String, String> modules) {
    for (String text : modules.values()) {
      for (String line : text.split("\n")) {
        int hash = line.indexOf('#');
        if (ASN_FIELD.matcher(hash < 0 ? line : line.substring(0, hash)).find()) {
          return true;
        }
      }
    }
    return false;
  }
}
