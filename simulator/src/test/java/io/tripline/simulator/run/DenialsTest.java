package io.tripline.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.simulator.Fixtures;
import io.tripline.simulator.scenario.LoadResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A denied step says which policy type refused it, in AWS's words for that type. */
class DenialsTest {

  private static String message(String call, String deniedBy) {
    String step = "call: " + call + "\nparams: {name: main}\noutcome: denied" + (deniedBy.isEmpty() ? "" : "\ndeniedBy: " + deniedBy);
    return Fixtures.run(Fixtures.oneStep(Fixtures.CLI_USER, step)).records().get(0).errorMessage();
  }

  @ParameterizedTest(name = "deniedBy {0}")
  @CsvSource(delimiter = '|', value = {
    "''       | because no identity-based policy allows the cloudtrail:StopLogging action",
    "identity | because no identity-based policy allows the cloudtrail:StopLogging action",
    "scp      | with an explicit deny in a service control policy",
    "rcp      | with an explicit deny in a resource control policy",
    "resource | with an explicit deny in a resource-based policy",
    "boundary | because no permissions boundary allows the cloudtrail:StopLogging action",
    "session  | because no session policy allows the cloudtrail:StopLogging action"})
  void eachPolicyTypeHasItsOwnWording(String deniedBy, String context) {
    assertThat(message("cloudtrail:StopLogging", deniedBy))
        .isEqualTo("User: arn:aws:iam::111122223333:user/alice is not authorized to perform: cloudtrail:StopLogging on resource: "
            + "arn:aws:cloudtrail:us-east-1:111122223333:trail/main " + context);
  }

  @Test
  void theIamActionUsesTheServicePrefixAwsAuthorizesWith() {
    assertThat(Fixtures.run(Fixtures.oneStep(Fixtures.CLI_USER, "call: monitoring:DeleteAlarms\nparams: {alarmNames: [a]}\noutcome: denied\ndeniedBy: session"))
        .records().get(0).errorMessage()).endsWith("because no session policy allows the cloudwatch:DeleteAlarms action");
  }

  @Test
  void deniedByNeedsADeniedOutcome() {
    LoadResult r = Fixtures.load(Fixtures.oneStep(Fixtures.CLI_USER, "call: cloudtrail:StopLogging\nparams: {name: main}\ndeniedBy: scp"));
    assertThat(r.diagnostics()).singleElement().asString().contains("deniedBy").contains("outcome: denied");
    LoadResult bad = Fixtures.load(Fixtures.oneStep(Fixtures.CLI_USER, "call: cloudtrail:StopLogging\noutcome: denied\ndeniedBy: firewall"));
    assertThat(bad.diagnostics()).isNotEmpty().first().asString().contains("deniedBy");
  }
}
