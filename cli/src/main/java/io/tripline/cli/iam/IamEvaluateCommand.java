package io.tripline.cli.iam;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.tripline.iam.account.AccountDataException;
import io.tripline.iam.account.AccountPolicyResolver;
import io.tripline.iam.account.ExportFileLoader;
import io.tripline.iam.account.LiveAccountReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
      "2:the request file is missing or malformed (the JSON pointer of each problem is printed), "
          + "or the account data could not be read",
      "3:internal error (a bug: rerun with TRIPLINE_DEBUG=1 and report it)"
    })
public final class IamEvaluateCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--request", required = true, paramLabel = "FILE|-",
      description = "Request file (JSON object or array of objects); - reads standard input.")
  String request;

  @Option(names = "--compact", description = "Print each result on one line (JSON lines for an array of requests) instead of indented JSON.")
  boolean compact;

  @Option(names = "--account", paramLabel = "FILE",
      description = "`aws iam get-account-authorization-details` output: requests that give no identity-based policies get "
          + "their user's or role's policies and boundary from it; sts:AssumeRole requests get the role's trust policy.")
  Path account;

  @Option(names = "--live", description = "Like --account, but read the account live through the AWS SDK (read-only: "
      + "iam:GetAccountAuthorizationDetails, iam:GetPolicy, iam:GetPolicyVersion).")
  boolean live;

  @Option(names = "--profile", paramLabel = "NAME", description = "With --live: the AWS profile (default: the SDK's default credential chain).")
  String profile;

  @Option(names = "--region", paramLabel = "REGION", description = "With --live: a region of the partition to read (IAM is global; default: aws).")
  String region;

  @Option(names = "--endpoint-url", paramLabel = "URL", description = "With --live: the IAM endpoint to call instead of AWS's.")
  java.net.URI endpoint;

  @CommandLine.Mixin LiveTimeoutOptions timeoutOptions = new LiveTimeoutOptions();

  @Override
  public Integer call() throws IOException {
    Terminal terminal = Terminal.detect(spec.commandLine().getOut());
    PrintWriter err = spec.commandLine().getErr();
    LiveTimeoutOptions.requireLive(spec.commandLine(), live, endpoint);
    String text;
    try {
      text = request.equals("-")
          ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
          : Files.readString(Path.of(request), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      err.println("tripline iam evaluate: no such file: " + request);
      return 2;
    } catch (java.nio.charset.CharacterCodingException e) {
      err.println("tripline iam evaluate: " + request + ": not UTF-8 text; a request file is JSON");
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
    AccountPolicyResolver resolver = null;
    if (account != null && live) {
      err.println("tripline iam evaluate: give --account FILE or --live, not both");
      return 2;
    }
    if (account != null || live) {
      try {
        resolver = new AccountPolicyResolver(account != null ? new ExportFileLoader().load(account) : readLive());
      } catch (AccountDataException e) {
        err.println("tripline iam evaluate: " + e.getMessage());
        return 2;
      }
    }
    PolicyEvaluator evaluator = new PolicyEvaluator(reference);
    ArrayNode results = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < batch.requests().size(); i++) {
      AccessRequest r = batch.requests().get(i);
      String at = batch.array() ? "/" + i : "";
      if (resolver != null) {
        List<String> problems = new ArrayList<>();
        r = resolver.complete(r, problems);
        for (String p : problems) {
          err.println(terminal.yellow("warning") + ": " + source + ": " + (at.isEmpty() ? "/" : at) + ": " + p);
        }
      }
      AccessDecision d = evaluator.evaluate(r);
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
    if (compact && batch.array()) {
      for (JsonNode result : results) {
        out.println(mapper.writeValueAsString(result)); // JSON lines: one result per request, in order
      }
    } else {
      out.println(mapper.writeValueAsString(batch.array() ? results : results.get(0)));
    }
    out.flush();
    err.flush();
    return 0;
  }

  private io.tripline.iam.account.AccountAuthorizationDetails readLive() throws AccountDataException {
    try (LiveAccountReader reader = LiveAccountReader.create(profile, region, endpoint, timeoutOptions.timeouts(spec.commandLine()))) {
      return reader.read();
    }
  }
}
