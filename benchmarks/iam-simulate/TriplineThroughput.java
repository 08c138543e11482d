// Decides every request of a request file with Tripline's evaluator, in process, and reports
// decisions per second (after a warm-up), then writes the decisions as a JSON array.
// Run with Java's single-file launcher and Tripline on the class path:
//   java -cp ../../cli/target/tripline.jar TriplineThroughput.java requests.json tripline-decisions.json
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.tripline.iam.AccessDecision;
import io.tripline.iam.AccessRequest;
import io.tripline.iam.DecisionJson;
import io.tripline.iam.PolicyEvaluator;
import io.tripline.iam.RequestBatch;
import io.tripline.iam.RequestReader;
import io.tripline.iam.ServiceReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

public class TriplineThroughput {
  public static void main(String[] args) throws Exception {
    String text = Files.readString(Path.of(args[0]));
    ServiceReference reference = ServiceReference.bundled();
    long t0 = System.nanoTime();
    RequestBatch batch = new RequestReader(reference).read(text);
    long readNanos = System.nanoTime() - t0;
    if (!batch.ok()) {
      batch.errors().stream().limit(20).forEach(e -> System.err.println("request error: " + e));
      System.exit(2);
    }
    List<AccessRequest> requests = batch.requests();
    PolicyEvaluator evaluator = new PolicyEvaluator(reference);
    long sink = 0;
    // Warm-up: let the JIT compile the evaluator.
    long warmEnd = System.nanoTime() + 3_000_000_000L;
    while (System.nanoTime() < warmEnd) {
      for (AccessRequest r : requests) {
        sink += evaluator.evaluate(r).decision().ordinal();
      }
    }
    int rounds = 0;
    long start = System.nanoTime();
    long end = start + 5_000_000_000L;
    while (System.nanoTime() < end) {
      for (AccessRequest r : requests) {
        sink += evaluator.evaluate(r).decision().ordinal();
      }
      rounds++;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double perSecond = rounds * (double) requests.size() / seconds;
    // End to end: read, validate against the schema, parse every policy, then decide (what `tripline iam evaluate` does per file).
    RequestReader reader = new RequestReader(reference);
    int fullRounds = 0;
    long fullStart = System.nanoTime();
    while (System.nanoTime() - fullStart < 5_000_000_000L || fullRounds == 0) {
      PolicyEvaluator fresh = new PolicyEvaluator(reference);
      for (AccessRequest r : reader.read(text).requests()) {
        sink += fresh.evaluate(r).decision().ordinal();
      }
      fullRounds++;
    }
    double fullPerSecond = fullRounds * (double) requests.size() / ((System.nanoTime() - fullStart) / 1e9);
    ArrayNode out = new ObjectMapper().createArrayNode();
    for (AccessRequest r : requests) {
      AccessDecision d = evaluator.evaluate(r);
      out.add(DecisionJson.toJson(d));
    }
    Files.writeString(Path.of(args[1]), out.toString());
    System.out.printf("{\"requests\": %d, \"rounds\": %d, \"decisionsPerSecond\": %.0f, \"endToEndDecisionsPerSecond\": %.0f, \"firstReadMs\": %.0f, \"sink\": %d}%n",
        requests.size(), rounds, perSecond, fullPerSecond, readNanos / 1e6, sink % 7);
  }
}
