package io.tripline.iam.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tripline.iam.access.AccountAccess;
import io.tripline.iam.access.AccountResources;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the account export loader and what reads the loaded account: whatever the input, it
 * loads or fails with an {@link AccountDataException} naming the page and JSON pointer; a loaded
 * account builds its access model without throwing. {@code mvn verify} replays the committed
 * corpus ({@code AccountExportFuzzTestInputs/load/}); {@code scripts/fuzz.sh} fuzzes.
 */
class AccountExportFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void load(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    AccountAuthorizationDetails details;
    try {
      details = new ExportFileLoader().load(text, "export.json");
    } catch (AccountDataException e) {
      assertThat(e.getMessage()).contains("export.json");
      return;
    }
    AccountAccess access = AccountAccess.of(details, new AccountResources(List.of(), Map.of(), List.of()));
    assertThat(access.problems()).doesNotContainNull();
  }
}
