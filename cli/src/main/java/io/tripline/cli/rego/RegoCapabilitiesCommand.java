package io.tripline.cli.rego;

import io.tripline.rego.builtins.BuiltinTable;
import io.tripline.rego.builtins.BuiltinCapabilities;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tripline rego capabilities}: the builtins, future keywords and features, as {@code opa capabilities} prints them. */
@Command(
    name = "capabilities",
    mixinStandardHelpOptions = true,
    description = "Print the engine's capabilities as `opa capabilities` does: every builtin with its type "
        + "declaration (JSON {\"builtins\": [{\"name\", \"decl\"}], \"future_keywords\", \"features\"}).")
public final class RegoCapabilitiesCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().println(BuiltinCapabilities.json(BuiltinTable.standard()));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
