package io.tripline.rego.ast;

/**
 * The syntax a module is written in, as OPA 1.x's {@code --v0-compatible} chooses it. {@code V1}
 * (the default): {@code if}, {@code contains}, {@code in} and {@code every} are keywords, rule
 * bodies need {@code if}, partial sets need {@code contains}. {@code V0}: those four words are
 * keywords only once imported ({@code import future.keywords[.x]}), rules may omit {@code if}
 * ({@code p { ... }}, {@code p[x] { ... }}), and the builtins OPA keeps for v0 only (such as
 * {@code any} and {@code cast_array}) may be called; {@code import rego.v1} makes a V0 module a
 * V1 one.
 */
public enum RegoVersion {
  V0,
  V1
}
