package io.tripline.rego.builtins;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every builtin the engine knows, by name. Each family file registers its functions in
 * {@link #standard()}, one line per family; that line is the only wiring there is.
 */
public final class BuiltinTable {
  private final Map<String, Builtin> byName;

  private BuiltinTable(Map<String, Builtin> byName) {
    this.byName = Collections.unmodifiableMap(byName);
  }

  /** OPA's builtins as implemented here. */
  public static BuiltinTable standard() {
    Builder b = new Builder();
    ComparisonBuiltins.register(b);
    ArithmeticBuiltins.register(b);
    SetBuiltins.register(b);
    AggregateBuiltins.register(b);
    TypeBuiltins.register(b);
    StringBuiltins.register(b);
    ObjectBuiltins.register(b);
    MembershipBuiltins.register(b);
    NumberBuiltins.register(b);
    BitsBuiltins.register(b);
    ArrayBuiltins.register(b);
    JsonFilterBuiltins.register(b);
    JsonPatchBuiltins.register(b);
    CidrBuiltins.register(b);
    GraphBuiltins.register(b);
    HashBuiltins.register(b);
    RuntimeBuiltins.register(b);
    NetworkBuiltins.register(b);
    JwtBuiltins.register(b);
    JsonSchemaBuiltins.register(b);
    X509Builtins.register(b);
    StringTransformBuiltins.register(b);
    StringSearchBuiltins.register(b);
    EncodingBuiltins.register(b);
    SerializationBuiltins.register(b);
    ConversionBuiltins.register(b);
    RegexBuiltins.register(b);
    GlobBuiltins.register(b);
    TimeBuiltins.register(b);
    UnitsBuiltins.register(b);
    VersionBuiltins.register(b);
    AwsSigningBuiltins.register(b);
    TemplateBuiltins.register(b);
    GraphqlBuiltins.register(b);
    MetadataBuiltins.register(b);
    ParseModuleBuiltins.register(b);
    DeprecatedBuiltins.register(b);
    return b.build();
  }

  /** The builtin with this name, or null. */
  public Builtin get(String name) {
    return byName.get(name);
  }

  public boolean contains(String name) {
    return byName.containsKey(name);
  }

  /** Whether OPA 1.x keeps this builtin for v0 modules only ({@code any}, {@code cast_array}, {@code re_match}, ...). */
  public static boolean v0Only(String name) {
    return DeprecatedBuiltins.NAMES.contains(name);
  }

  /** All builtins in registration order. */
  public Collection<Builtin> all() {
    return byName.values();
  }

  /** Collects builtins; a second registration of a name is a programming error. */
  public static final class Builder {
    private final Map<String, Builtin> byName = new LinkedHashMap<>();

    public Builder add(Builtin builtin) {
      if (byName.putIfAbsent(builtin.name(), builtin) != null) {
        throw new IllegalStateException("builtin registered twice: " + builtin.name());
      }
      return this;
    }

    public Builder function(String name, Signature signature, Implementation impl) {
      return add(Builtin.function(name, signature, impl));
    }

    public Builder relation(String name, Signature signature, RelationImplementation impl) {
      return add(Builtin.relation(name, signature, impl));
    }

    public BuiltinTable build() {
      return new BuiltinTable(new LinkedHashMap<>(byName));
    }
  }
}
