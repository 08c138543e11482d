package io.tripline.cli.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.cli.LibraryOptions;
import io.tripline.cli.Terminal;
import io.tripline.core.detect.RuleInfo;
import io.tripline.core.detect.RuleLibrary;
import io.tripline.core.report.FindingJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tripline policy list}: the rule library, read from each rule's METADATA. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the detection rules from their METADATA: id, severity, outcome (success, denied, any), "
        + "kind (record, threshold, sequence, new_value), ATT&CK techniques in both versions, title. "
        + "The README's rule table is this command's markdown output.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:listed", "2:the library does not load, or a usage error", "3:internal error (a bug: rerun with TRIPLINE_DEBUG=1 and report it)"})
public final class PolicyListCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  enum Format { table, json, markdown }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin LibraryOptions library;

  @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
      description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--wide", description = "Do not cut table lines to the terminal width.")
  boolean wide;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    RuleLibrary lib = library.load("tripline policy list", spec.commandLine().getErr());
    if (lib == null) {
      return 2;
    }
    List<RuleInfo> rules = lib.rules();
    switch (format) {
      case json -> {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (RuleInfo r : rules) {
          ObjectNode o = FindingJson.rule(r);
          o.put("title", r.title());
          o.put("package", r.packagePath());
          o.put("file", r.file().replaceFirst("^bundled:", ""));
          ArrayNode tags = o.putArray("tags");
          r.tags().forEach(tags::add);
          a.add(o);
        }
        out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(a));
      }
      case markdown -> {
        out.println("| id | severity | outcome | kind | MITRE ATT&CK | title |");
        out.println("|---|---|---|---|---|---|");
        for (RuleInfo r : rules) {
          String file = r.file().replaceFirst("^bundled:", "policies/src/main/resources/");
          out.println("| [" + r.id() + "](" + file + ") | " + r.severity().label() + " | " + r.outcome() + " | "
              + r.kind().label() + " | " + LibraryOptions.mitre(r) + " | " + r.title().replace("|", "\\|") + " |");
        }
      }
      case table -> {
        Terminal term = Terminal.detect(out, wide);
        String fmt = "%-12s %-13s %-7s %-9s %-22s %s";
        term.line(term.bold(String.format(fmt, "ID", "SEVERITY", "OUTCOME", "KIND", "MITRE (v18/v19)", "TITLE")));
        for (RuleInfo r : rules) {
          String mitre = r.mitre().stream().map(t -> t.id()).distinct().collect(Collectors.joining(","));
          term.line(String.format(fmt, r.id(), r.severity().label() + " " + r.riskScore(), r.outcome(),
              r.kind().label(), Terminal.cut(mitre, 22), r.title()));
        }
        out.println(rules.size() + " rules");
      }
    }
    return 0;
  }
}
