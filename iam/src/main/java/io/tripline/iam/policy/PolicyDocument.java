package io.tripline.iam.policy;

import java.util.List;

/**
 * A parsed IAM policy document.
 *
 * @param version the Version element, or null when absent
 * @param id the Id element, or null
 * @param statements the statements in document order
 */
public record PolicyDocument(String version, String id, List<Statement> statements) {

  /** The only version under which policy variables are substituted. */
  public static final String VERSION_2012 = "2012-10-17";

  public PolicyDocument {
    statements = List.copyOf(statements);
  }

  /**
   * Whether {@code ${…}} is a policy variable: only in {@code "Version": "2012-10-17"} documents; in
   * versionless or 2008-10-17 documents it is literal text.
   */
  public boolean variablesEnabled() {
    return VERSION_2012.equals(version);
  }
}
