package io.tripline.cli.serve;

import io.tripline.cli.LibraryOptions;
import io.tripline.core.detect.PolicyFiles;
import io.tripline.core.detect.RuleLibrary;
import io.tripline.core.detect.RuleLibraryException;
import io.tripline.core.detect.opa.DataApiServer;
import io.tripline.rego.value.ObjectValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tripline serve}: the rule library behind OPA's Data API, where teams would run an OPA sidecar. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the rule library with the embedded engine behind OPA's REST Data API.",
      "",
      "Answers POST /v1/data/{path} with {\"input\": ...} and GET /v1/data/{path}[?input=JSON] with OPA's "
          + "response and error bodies ({\"result\": ...}, {} when undefined), and GET /health. "
          + "POST /v1/data/tripline/opa/batch with {\"input\": {\"records\": [...]}} evaluates many records "
          + "at once (what `tripline detect --engine opa --opa-url URL` sends). Read-only. Ctrl-C stops.",
      "",
      "Binds to 127.0.0.1 by default. Any other address exposes the policies and data to whoever can reach it: "
          + "GET /v1/data returns every document, context and exceptions included."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "130:stopped with Ctrl-C (143 with SIGTERM): requests in progress finish first",
      "2:usage or input error (the address, the port in use, the library, a data file)",
      "3:internal error (a bug: rerun with TRIPLINE_DEBUG=1 and report it)"
    })
public final class ServeCommand implements Callable<Integer> {
  static final String BATCH_PACKAGE = "lib/opa_batch.rego";
  private static final Pattern DECLARES_BATCH = Pattern.compile("(?m)^\\s*package\\s+tripline\\.opa\\s*$");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--addr", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8181",
      description = "Address to listen on (default: ${DEFAULT-VALUE}; port 0 picks a free one). "
          + "Other addresses expose the policies and data.")
  String addr;

  @Option(names = "--policies", paramLabel = "DIR",
      description = "Rule library directory (.rego and data files, loaded as `opa run -s` loads them); repeatable. "
          + "Default: the bundled library. The batch package (lib/opa_batch.rego) is added when missing.")
  List<Path> policies = new ArrayList<>();

  @Option(names = "--data", paramLabel = "FILE",
      description = "JSON/YAML data merged at the root, e.g. your copy of tripline-data.yaml; repeatable.")
  List<Path> data = new ArrayList<>();

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per core).")
  Integer threads;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    InetSocketAddress address;
    try {
      address = ListenAddress.parse(addr);
    } catch (IllegalArgumentException e) {
      err.println("tripline serve: " + e.getMessage());
      return 2;
    }
    PolicyFiles files;
    RuleLibrary library;
    try {
      LibraryOptions source = new LibraryOptions();
      source.policies = policies;
      source.data = data;
      files = withBatchPackage(source.files().withData(data));
      library = RuleLibrary.compile(files);
    } catch (RuleLibraryException e) {
      err.println("tripline serve: the rule library does not load:");
      e.problems().forEach(p -> err.println("  " + p));
      return 2;
    } catch (IOException | IllegalArgumentException e) {
      err.println("tripline serve: " + e.getMessage());
      return 2;
    }
    int workers = threads != null ? Math.max(1, threads) : Math.max(2, Runtime.getRuntime().availableProcessors());
    DataApiServer server;
    try {
      server = DataApiServer.start(library.policy(), address, workers, line -> {
        err.println(line);
        err.flush();
      });
    } catch (BindException e) {
      err.println("tripline serve: cannot listen on " + addr + ": " + bindProblem(e)
          + " (is OPA or another tripline serve running there? pick another --addr, e.g. 127.0.0.1:8282)");
      return 2;
    } catch (IOException e) {
      err.println("tripline serve: cannot listen on " + addr + ": " + e.getMessage());
      return 2;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      err.println("tripline serve: stopped");
      err.flush();
      stopped.countDown();
    }, "tripline-serve-stop"));
    out.println("tripline serve: " + library.rules().size() + " rules (" + files.modules().size() + " modules, "
        + (policies.isEmpty() ? "the bundled library" : String.join(", ", policies.stream().map(Path::toString).toList()))
        + ") on " + server.url() + " with " + workers + " worker threads");
    out.println("  POST " + server.url() + "/v1/data/tripline/opa/batch   {\"input\": {\"records\": [...]}}");
    out.println("  POST " + server.url() + "/v1/data/{path}               {\"input\": ...}");
    out.println("  GET  " + server.url() + "/health");
    out.println("Ctrl-C stops.");
    out.flush();
    if (!server.address().getAddress().isLoopbackAddress()) {
      err.println("tripline serve: warning: listening on " + server.address().getAddress().getHostAddress()
          + ": anyone who can reach it can read the policies and data (GET /v1/data); bind 127.0.0.1 unless that is intended");
      err.flush();
    }
    stopped.await();
    return 0;
  }

  private static String bindProblem(BindException e) {
    String m = String.valueOf(e.getMessage()).toLowerCase();
    if (m.contains("in use")) {
      return "address already in use";
    }
    return e.getMessage();
  }

  /** The files with the batch package added when no module declares {@code package tripline.opa}. */
  static PolicyFiles withBatchPackage(PolicyFiles files) throws IOException {
    if (files.modules().values().stream().anyMatch(src -> DECLARES_BATCH.matcher(src).find())) {
      return files;
    }
    try (InputStream in = ServeCommand.class.getClassLoader().getResourceAsStream(BATCH_PACKAGE)) {
      if (in == null) {
        throw new IOException("the batch package " + BATCH_PACKAGE + " is not on the class path (a broken build?)");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return files.plus(new PolicyFiles(Map.of("bundled:" + BATCH_PACKAGE, text), ObjectValue.EMPTY));
    }
  }
}
