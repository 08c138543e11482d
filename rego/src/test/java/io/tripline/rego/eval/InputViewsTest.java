package io.tripline.rego.eval;

import static io.tripline.rego.RegoFixture.policy;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tripline.rego.EvalOptions;
import io.tripline.rego.PreparedPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** CloudTrail records as Jackson trees, evaluated in parallel with one prepared policy. */
class InputViewsTest {
  private static final String RULE = """
      package tripline.rules.trail_updated

      alert contains {"message": sprintf("%s updated trail %s", [input.userIdentity.arn, input.requestParameters.name])} if {
        input.eventSource == "cloudtrail.amazonaws.com"
        input.eventName == "UpdateTrail"
        not input.errorCode
      }
      """;

  @Test
  void jsonNodeInputsEvaluateInParallel() throws Exception {
    PreparedPolicy p = policy(RULE);
    ObjectMapper mapper = new ObjectMapper();
    var hit = mapper.readTree("{\"eventSource\":\"cloudtrail.amazonaws.com\",\"eventName\":\"UpdateTrail\","
        + "\"userIdentity\":{\"arn\":\"arn:aws:iam::1:user/eve\"},\"requestParameters\":{\"name\":\"main\"}}");
    var denied = mapper.readTree("{\"eventSource\":\"cloudtrail.amazonaws.com\",\"eventName\":\"UpdateTrail\","
        + "\"errorCode\":\"AccessDenied\"}");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        var record = i % 2 == 0 ? hit : denied;
        results.add(pool.submit(() -> p.evaluateJson("x := data.tripline.rules.trail_updated.alert", record,
            EvalOptions.DEFAULT).results().get(0).bindings().get("x").toString()));
      }
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get()).isEqualTo(i % 2 == 0
            ? "[{\"message\":\"arn:aws:iam::1:user/eve updated trail main\"}]"
            : "[]");
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
