package io.tripline.cli.iam;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.tripline.cli.Terminal;
import io.tripline.iam.AccessDecision;
import io.tripline.iam.AccessRequest;
import io.tripline.iam.DecisionJson;
import io.tripline.iam.PolicyEvaluator;
import io.tripline.iam.RequestBatch;
import io.tripline.iam.RequestProblem;
import io.tripline.iam.RequestReader;
import io.tripline.iam.ServiceReference;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tripline iam evaluate --request FILE|-}: decides IAM requests offline, as AWS's policy
 * evaluation logic would, and prints each decision as JSON with the statements that decided it.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Decide IAM requests offline as AWS would: explicit deny, SCPs and RCPs level by level, "
          + "resource-based policies, permissions boundaries, session policies, conditions.",
      "",
      "The request file holds one request object or a JSON array of them (format: "
          + "iam/src/main/resources/io/tripline/iam/request.schema.json). Prints "
          + "{\"decision\", \"decidingPolicyType\", \"matchedStatements\", \"reason\"} per request, "
          + "an array for an array. Warnings (unknown actions, ...) go to standard error."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every request was decided (whatever the decisions)",
      "2:the request file is missing or malformed (the JSON pointer of each problem is printed)"
    })
public final class IamEvaluateCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--request", required = true, paramLabel = "FILE|-",
      description = "Request file (JSON object or array of objects); - reads standard input.")
  String request;

  @Option(names = "--compact", description = "Print each result on one line instead of indented JSON.")
  boolean compact;

  @Override
  public Integer call() throws IOException {
    Terminal terminal = Terminal.detect(spec.commandLine().getOut());
    PrintWriter err = spec.commandLine().getErr();
    String text;
    try {
      text = request.equals("-")
          ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
          : Files.readString(Path.of(request), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      err.println("tripline iam evaluate: no such file: " + request);
      return 2;
    }
    ServiceReference reference = ServiceReference.bundled();
    RequestBatch batch = new RequestReader(reference).read(text);
    String source = request.equals("-") ? "<stdin>" : request;
    if (!batch.ok()) {
      for (RequestProblem p : batch.errors()) {
        err.println("tripline iam evaluate: " + source + ": " + p);
      }
      err.println("tripline iam evaluate: " + batch.errors().size() + " problem(s); nothing evaluated. The format is documented in request.schema.json.");
      err.flush();
      return 2;
    }
    for (RequestProblem w : batch.warnings()) {
      err.println(terminal.yellow("warning") + ": " + source + ": " + w);
    }
    PolicyEvaluator evaluator = new PolicyEvaluator(reference);
    ArrayNode results = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < batch.requests().size(); i++) {
      AccessRequest r = batch.requests().get(i);
      AccessDecision d = evaluator.evaluate(r);
      String at = batch.array() ? "/" + i : "";
      for (RequestProblem w : d.warnings()) {
        err.println(terminal.yellow("warning") + ": " + source + ": " + at + w);
      }
      results.add(DecisionJson.toJson(d));
    }
    ObjectMapper mapper = new ObjectMapper();
    if (!compact) {
      mapper.enable(SerializationFeature.INDENT_OUTPUT);
    }
    PrintWriter out = terminal.out();
    out.println(mapper.writeValueAsString(batch.array() ? results : results.get(0)));
    out.flush();
    err.flush();
    return 0;
  }
}
