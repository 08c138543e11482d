package io.tripline.rego.builtins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompiledCacheTest {
  @Test
  void compilesEachKeyOnceWithinCapacity() {
    List<String> compiled = new ArrayList<>();
    CompiledCache<String, String> cache = new CompiledCache<>(2, k -> {
      compiled.add(k);
      return k.toUpperCase();
    });
    assertThat(cache.get("a")).isEqualTo("A");
    assertThat(cache.get("a")).isEqualTo("A");
    assertThat(cache.get("b")).isEqualTo("B");
    assertThat(compiled).containsExactly("a", "b");
    cache.get("c");
    cache.get("a");
    assertThat(compiled).containsExactly("a", "b", "c", "a");
  }

  @Test
  void doesNotCacheFailures() {
    List<String> compiled = new ArrayList<>();
    CompiledCache<String, String> cache = new CompiledCache<>(4, k -> {
      compiled.add(k);
      throw new IllegalArgumentException("bad " + k);
    });
    assertThatThrownBy(() -> cache.get("x")).hasMessage("bad x");
    assertThatThrownBy(() -> cache.get("x")).hasMessage("bad x");
    assertThat(compiled).containsExactly("x", "x");
  }
}
