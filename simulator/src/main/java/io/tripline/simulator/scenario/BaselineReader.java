package io.tripline.simulator.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.simulator.catalog.ApiCatalog;
import io.tripline.simulator.source.Diagnostic;
import io.tripline.simulator.source.LocatedTree;
import io.tripline.simulator.template.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a schema-valid baseline tree into a {@link BaselineProfile}, checking calls and actors. */
final class BaselineReader {

  private final ApiCatalog catalog;
  private final List<Diagnostic> problems = new ArrayList<>();

  BaselineReader(ApiCatalog catalog) {
    this.catalog = catalog;
  }

  List<Diagnostic> problems() {
    return problems;
  }

  BaselineProfile read(LocatedTree tree) {
    JsonNode r = tree.root();
    ScenarioReader actorsReader = new ScenarioReader(catalog);
    Map<String, Actor> actors = actorsReader.actors(r.path("actors"), "/actors");
    JsonNode rh = r.path("rhythm");
    String[] hours = rh.path("workHours").asText("09:00-18:00").split("-");
    BaselineProfile.Rhythm rhythm = new BaselineProfile.Rhythm(rh.path("utcOffset").asText("+00:00"),
        Integer.parseInt(hours[0].substring(0, 2)), Integer.parseInt(hours[1].substring(0, 2)),
        rh.path("offHoursShare").asDouble(0.05), rh.path("weekends").asBoolean(false));
    List<BaselineProfile.MixEntry> mix = new ArrayList<>();
    JsonNode entries = r.path("mix");
    for (int i = 0; i < entries.size(); i++) {
      JsonNode e = entries.get(i);
      String pointer = "/mix/" + i;
      String call = e.path("call").asText();
      if (catalog.find(call).isEmpty()) {
        problems.add(Diagnostic.at(tree.locate(pointer + "/call"), "unknown call '" + call + "'; nearest known: " + String.join(", ", catalog.nearest(call))));
      }
      String actor = e.path("actor").asText(actors.keySet().iterator().next());
      if (!actors.containsKey(actor)) {
        problems.add(Diagnostic.at(tree.locate(pointer + "/actor"), "unknown actor '" + actor + "'; expected one of " + actors.keySet()));
      }
      if (e.path("params").isObject()) {
        actorsReader.checkParams(tree, e.get("params"), pointer + "/params", actors);
      }
      mix.add(new BaselineProfile.MixEntry(call, e.path("weight").asDouble(1), actor,
          e.path("params").isObject() ? (ObjectNode) e.get("params").deepCopy() : Template.NODES.objectNode(),
          ScenarioReader.strings(e.path("errors"))));
    }
    problems.addAll(actorsReader.problems());
    return new BaselineProfile(r.path("baseline").asText(), r.path("title").asText(), r.path("description").asText("").strip(),
        ScenarioReader.strings(r.path("lookalikeOf")), r.path("account").asText(ScenarioReader.DEFAULT_ACCOUNT),
        r.path("region").asText(ScenarioReader.DEFAULT_REGION), actors, r.path("world").deepCopy(), rhythm,
        r.path("errorRate").asDouble(0.02), List.copyOf(mix), tree.file());
  }
}
