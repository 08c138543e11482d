package io.tripline.rego.builtins;

/**
 * A semantic version as OPA parses it (a leading "v" allowed), strictly as SemVer 2.0.0 writes
 * it: no leading zeros in numbers or numeric pre-release identifiers, no empty pre-release or
 * build metadata section; SemVer 2.0 precedence.
 */
record SemVer(long major, long minor, long patch, String preRelease, String metadata) {
  private static final String NUMBER = "(0|[1-9][0-9]*)";
  private static final String PRE_ID = "(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)";
  private static final java.util.regex.Pattern STRICT = java.util.regex.Pattern.compile(
      "v?" + NUMBER + "\\." + NUMBER + "\\." + NUMBER
          + "(?:-(" + PRE_ID + "(?:\\." + PRE_ID + ")*))?"
          + "(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?");

  /** The version, or null when the text is not one. */
  static SemVer parse(String text) {
    java.util.regex.Matcher m = STRICT.matcher(text);
    if (!m.matches()) {
      return null;
    }
    try {
      return new SemVer(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
          m.group(4) == null ? "" : m.group(4), m.group(5) == null ? "" : m.group(5));
    } catch (NumberFormatException e) {
      return null; // beyond int64, as Go's strconv.ParseInt refuses
    }
  }

  int compareTo(SemVer o) {
    int c = Long.compare(major, o.major);
    if (c == 0) {
      c = Long.compare(minor, o.minor);
    }
    if (c == 0) {
      c = Long.compare(patch, o.patch);
    }
    if (c != 0) {
      return Integer.signum(c);
    }
    if (preRelease.equals(o.preRelease)) {
      return 0;
    }
    if (preRelease.isEmpty()) {
      return 1;
    }
    if (o.preRelease.isEmpty()) {
      return -1;
    }
    String[] a = preRelease.split("\\.", -1);
    String[] b = o.preRelease.split("\\.", -1);
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      if (i >= a.length) {
        return -1;
      }
      if (i >= b.length) {
        return 1;
      }
      boolean an = a[i].chars().allMatch(ch -> ch >= '0' && ch <= '9') && !a[i].isEmpty();
      boolean bn = b[i].chars().allMatch(ch -> ch >= '0' && ch <= '9') && !b[i].isEmpty();
      if (an && !bn) {
        return -1;
      }
      if (!an && bn) {
        return 1;
      }
      int cmp = an ? new java.math.BigInteger(a[i]).compareTo(new java.math.BigInteger(b[i]))
          : GoJson.compareUtf8(a[i], b[i]);
      if (cmp != 0) {
        return Integer.signum(cmp);
      }
    }
    return 0;
  }
}
