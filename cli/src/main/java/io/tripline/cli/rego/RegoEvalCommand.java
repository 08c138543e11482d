package io.tripline.cli.rego;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.rego.EvalOptions;
import io.tripline.rego.PolicySources;
import io.tripline.rego.PreparedPolicy;
import io.tripline.rego.QueryResult;
import io.tripline.rego.Rego;
import io.tripline.rego.RegoError;
import io.tripline.rego.RegoException;
import io.tripline.rego.ast.RegoVersion;
import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tripline rego eval}: evaluates a query like {@code opa eval --format json}. Parse,
 * compile and evaluation errors print in OPA's JSON error shape with exit code 1.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Evaluate a Rego query with the embedded engine; prints the result as `opa eval --format json` does.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:evaluated (an undefined result prints {}; a false value prints \"value\": false, as opa eval)",
      "2:usage or input error: an unreadable file, or a parse, compile or evaluation error (printed as JSON)",
      "3:internal error (a bug: rerun with TRIPLINE_DEBUG=1 and report it)"
    })
public final class RegoEvalCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = {"-d", "--data-path"}, paramLabel = "FILE_OR_DIR",
      description = "Rego modules and JSON/YAML data files, or directories of them (repeatable).")
  List<Path> dataPaths = new ArrayList<>();

  @Option(names = {"-i", "--input"}, paramLabel = "FILE", description = "Input document (JSON or YAML).")
  Path input;

  @Option(names = "--data", paramLabel = "FILE", description = "A data document (JSON or YAML) merged at data's root.")
  List<Path> dataFiles = new ArrayList<>();

  @Option(names = "--strict-builtin-errors", description = "Treat builtin errors as evaluation errors instead of undefined.")
  boolean strict;

  @Option(names = "--allow-net", description = "Let http.send and net.lookup_ip_addr reach the network (refused by default).")
  boolean allowNet;

  @Option(names = "--v0-compatible",
      description = "Read modules as Rego v0 (as `opa eval --v0-compatible`): rules without `if`, partial sets "
          + "`p[x] { ... }`, future keywords only when imported, and the v0-only builtins (any, all, cast_*, re_match, "
          + "set_diff, net.cidr_overlap). A bundle directory's .manifest rego_version/file_rego_versions still win.")
  boolean v0Compatible;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = io.tripline.cli.GoDurationConverter.class,
      description = "Stop evaluation after this long (as `opa eval --timeout`; e.g. 500ms, 2s; default 0: none); "
          + "the error is eval_cancel_error at the expression evaluated last.")
  java.time.Duration timeout;

  @Parameters(index = "0", paramLabel = "QUERY", description = "The query, e.g. data.example.allow")
  String query;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PolicySources sources;
    Value in = null;
    try {
      sources = PolicySources.load(dataPaths, v0Compatible ? RegoVersion.V0 : RegoVersion.V1);
      Value data = sources.data();
      for (Path f : dataFiles) {
        data = PolicySources.merge(data, PolicySources.readData(f));
      }
      sources = sources.withData(data);
      if (input != null) {
        in = PolicySources.readData(input);
      }
    } catch (IOException e) {
      err.println("tripline rego eval: " + e.getMessage());
      return 2;
    } catch (RegoException e) {
      out.println(ValueJson.writePretty(errors(e)));
      return 2;
    }
    try {
      PreparedPolicy policy = Rego.compile(sources);
      QueryResult result = policy.evaluateCapturing(query, in,
          new EvalOptions(strict, line -> err.println(line)).allowNet(allowNet).timeout(timeout));
      out.println(ValueJson.writePretty(result.toJson()));
      return 0;
    } catch (RegoException e) {
      out.println(ValueJson.writePretty(errors(e)));
      return 2;
    }
  }

  /** {"errors": [{"message", "code", "location": {"file", "row", "col"}}]} as opa eval prints them. */
  static ObjectNode errors(RegoException e) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ArrayNode list = root.putArray("errors");
    for (RegoError x : e.errors()) {
      ObjectNode o = list.addObject();
      o.put("message", x.message());
      o.put("code", x.code());
      if (x.location() != null && x.location().line() > 0) {
        ObjectNode loc = o.putObject("location");
        loc.put("file", x.location().file());
        loc.put("row", x.location().line());
        loc.put("col", x.location().col());
      }
    }
    return root;
  }
}
