package io.tripline.iam.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A principal keeps its tags in the account's order, so outputs that list them are the same on every run. */
class AccountPrincipalTest {

  private static AccountPrincipal role(Map<String, String> tags) {
    return new AccountPrincipal("arn:aws:iam::123456789012:role/QuickSetup", "QuickSetup", true, List.of(), List.of(),
        null, null, tags, false);
  }

  @Test
  void tagsKeepTheAccountsOrderAndCannotBeChanged() {
    Map<String, String> tags = new LinkedHashMap<>();
    for (String k : List.of("QuickSetupType", "QuickSetupVersion", "QuickSetupID", "team", "env", "cost-center", "a", "z")) {
      tags.put(k, k + "-value");
    }
    AccountPrincipal p = role(tags);
    assertThat(p.tags().keySet()).containsExactly("QuickSetupType", "QuickSetupVersion", "QuickSetupID", "team", "env",
        "cost-center", "a", "z");
    tags.put("added-later", "x");
    assertThat(p.tags()).doesNotContainKey("added-later");
    assertThatThrownBy(() -> p.tags().put("k", "v")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aTagWithoutValueIsRefused() {
    Map<String, String> tags = new HashMap<>();
    tags.put("k", null);
    assertThatThrownBy(() -> role(tags)).isInstanceOf(NullPointerException.class).hasMessageContaining("tag value");
  }
}
