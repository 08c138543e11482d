package io.tripline.rego;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes credentials from text that came from a remote endpoint (AWS error messages, an OPA
 * server's error body, a URL) before it is printed: the values of {@code Authorization}, {@code
 * X-Amz-Security-Token}, {@code X-Amz-Signature}, {@code X-Amz-Credential} and similar headers,
 * query parameters, JSON, XML or INI fields; URL user info; and anything shaped like an AWS access
 * key id ({@code AKIA}/{@code ASIA}...), secret access key (40 characters of mixed-case base64) or
 * session token (100 or more such characters). Lives in the lowest module so that every module
 * that talks to a remote endpoint ({@code core}'s OPA client, {@code iam}'s AWS readers) uses it.
 */
public final class Redaction {

  /** What a redacted value is replaced with. */
  public static final String MARK = "[REDACTED]";

  private static final String NAMES = "authorization|proxy-authorization|x-amz-security-token|x-amz-signature|x-amz-credential"
      + "|aws_secret_access_key|aws_session_token|aws_security_token|secretaccesskey|secret_access_key|sessiontoken|session_token"
      + "|securitytoken|security_token";

  /** {@code Name: value} (header, to the end of the line or the closing quote). */
  private static final Pattern HEADER = Pattern.compile(
      "(?i)(?<![\\w-])(\"?(?:" + NAMES + ")\"?[ \\t]*:[ \\t]*\"?)([^\"\\r\\n]*)");
  /** {@code name=value} (query parameter, INI or form field: to the next separator). */
  private static final Pattern PARAM = Pattern.compile(
      "(?i)(?<![\\w-])((?:" + NAMES + ")[ \\t]*=[ \\t]*\"?)([^\"&\\s,;<>']*)");
  /** {@code <SecretAccessKey>value</SecretAccessKey>} (AWS's XML responses). */
  private static final Pattern XML = Pattern.compile(
      "(?i)(<(?:SecretAccessKey|SessionToken|SecurityToken)>)([^<]*)(?=<)");
  /** {@code Signature=hex} inside a SigV4 Authorization value that lost its header name. */
  private static final Pattern SIGNATURE = Pattern.compile("(?<![\\w-])(Signature=)([0-9a-fA-F]{16,})");
  /** {@code scheme://user:password@host}. */
  private static final Pattern USERINFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/\\s@:]+:[^/\\s@]*@");
  /** Access key ids: long-term (AKIA), temporary (ASIA), and the other key kinds. */
  private static final Pattern ACCESS_KEY_ID = Pattern.compile("(?<![A-Za-z0-9])(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])");
  /** Runs of base64 characters: a secret access key is exactly 40, a session token 100 or more. */
  private static final Pattern BASE64_RUN = Pattern.compile("(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40,}={0,2}(?![A-Za-z0-9/+=])");

  private Redaction() {}

  /** {@code text} with every credential replaced by {@link #MARK}; null stays null. */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String s = HEADER.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + (m.group(2).isEmpty() ? "" : MARK)));
    s = PARAM.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + (m.group(2).isEmpty() ? "" : MARK)));
    s = XML.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MARK));
    s = SIGNATURE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MARK));
    s = USERINFO.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MARK + "@"));
    s = ACCESS_KEY_ID.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MARK));
    s = BASE64_RUN.matcher(s).replaceAll(m -> Matcher.quoteReplacement(looksSecret(m.group()) ? MARK : m.group()));
    return s;
  }

  /** Exactly 40 (a secret key) or 100+ (a session token) characters mixing upper, lower case and digits. */
  private static boolean looksSecret(String run) {
    String body = run.replace("=", "");
    if (body.length() != 40 && body.length() < 100) {
      return false;
    }
    boolean upper = false;
    boolean lower = false;
    boolean digitOrSymbol = false;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      upper |= Character.isUpperCase(c);
      lower |= Character.isLowerCase(c);
      digitOrSymbol |= Character.isDigit(c) || c == '/' || c == '+';
    }
    // A 40-character lower-case hex digest (SHA-1, a git commit) is no secret key.
    return upper && lower && (digitOrSymbol || body.length() >= 100) && !body.toLowerCase(Locale.ROOT).matches("[0-9a-f]+");
  }
}
