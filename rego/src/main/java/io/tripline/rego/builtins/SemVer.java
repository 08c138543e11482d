package io.tripline.rego.builtins;

/** A semantic version as OPA parses it (a leading "v" allowed), with SemVer 2.0 precedence. */
record SemVer(long major, long minor, long patch, String preRelease, String metadata) {
  private static final java.util.regex.Pattern IDENTIFIERS =
      java.util.regex.Pattern.compile("^[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*$");

  /** The version, or null when the text is not one. */
  static SemVer parse(String text) {
    String v = text.startsWith("v") ? text.substring(1) : text;
    String metadata = "";
    int plus = v.indexOf('+');
    if (plus >= 0) {
      metadata = v.substring(plus + 1);
      v = v.substring(0, plus);
      if (!metadata.isEmpty() && !IDENTIFIERS.matcher(metadata).matches()) {
        return null;
      }
    }
    String pre = "";
    int dash = v.indexOf('-');
    if (dash >= 0) {
      pre = v.substring(dash + 1);
      v = v.substring(0, dash);
      if (!pre.isEmpty() && !IDENTIFIERS.matcher(pre).matches()) {
        return null;
      }
    }
    String[] parts = v.split("\\.", -1);
    if (parts.length != 3) {
      return null;
    }
    try {
      return new SemVer(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]), pre, metadata);
    } catch (NumberFormatException e) {
      return null;
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
