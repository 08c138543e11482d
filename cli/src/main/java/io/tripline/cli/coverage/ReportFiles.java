package io.tripline.cli.coverage;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tripline.core.detect.RuleLibrary;
import io.tripline.simulator.coverage.CoverageReport;
import io.tripline.simulator.coverage.ScenarioResult;
import io.tripline.simulator.coverage.report.CoverageHtml;
import io.tripline.simulator.coverage.report.CoverageJson;
import io.tripline.simulator.coverage.report.CoverageJunit;
import io.tripline.simulator.coverage.report.CoverageMarkdown;
import io.tripline.simulator.coverage.report.CoverageNavigator;
import io.tripline.simulator.coverage.report.CoverageSarif;
import io.tripline.simulator.coverage.report.IncidentReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every report format of one coverage run, and {@code --report DIR} with stable names:
 * {@code coverage.json}, {@code coverage.junit.xml}, {@code coverage.sarif}, {@code coverage.md},
 * {@code coverage.html}, {@code attack-navigator-layer.json}, {@code incidents/<scenario>.md}.
 */
final class ReportFiles {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final CoverageReport report;
  private final RuleLibrary library;
  private final String version;

  ReportFiles(CoverageReport report, RuleLibrary library, String version) {
    this.report = report;
    this.library = library;
    this.version = version;
  }

  String json() throws IOException {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(CoverageJson.of(report)) + "\n";
  }

  String junit() {
    return CoverageJunit.of(report, library);
  }

  String sarif() throws IOException {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(CoverageSarif.of(report, library, version)) + "\n";
  }

  String markdown() {
    return CoverageMarkdown.of(report);
  }

  String html() {
    return CoverageHtml.of(report);
  }

  String navigator() throws IOException {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(CoverageNavigator.of(report)) + "\n";
  }

  /** One incident write-up per caught scenario, by scenario id. */
  Map<String, String> incidents() {
    Map<String, String> out = new LinkedHashMap<>();
    for (ScenarioResult s : report.scenarios()) {
      if (s.status().equals("caught") || s.status().equals("partial")) {
        out.put(s.id(), IncidentReport.of(s, library));
      }
    }
    return out;
  }

  List<Path> writeAll(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    written.add(write(dir.resolve("coverage.json"), json()));
    written.add(write(dir.resolve("coverage.junit.xml"), junit()));
    written.add(write(dir.resolve("coverage.sarif"), sarif()));
    written.add(write(dir.resolve("coverage.md"), markdown()));
    written.add(write(dir.resolve("coverage.html"), html()));
    written.add(write(dir.resolve("attack-navigator-layer.json"), navigator()));
    Path incidents = dir.resolve("incidents");
    Files.createDirectories(incidents);
    for (Map.Entry<String, String> e : incidents().entrySet()) {
      written.add(write(incidents.resolve(e.getKey().replaceAll("[^A-Za-z0-9._-]", "_") + ".md"), e.getValue()));
    }
    return written;
  }

  private static Path write(Path p, String text) throws IOException {
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }
}
