package io.tripline.rego.value;

/** A string. Strings order by Unicode code point, as Go compares UTF-8 bytes. */
public final class StringValue implements Value {
  public static final StringValue EMPTY = new StringValue("");

  private final String value;
  private int hash;

  private StringValue(String value) {
    this.value = value;
  }

  public static StringValue of(String s) {
    return s.isEmpty() ? EMPTY : new StringValue(s);
  }

  public String value() {
    return value;
  }

  @Override
  public String typeName() {
    return "string";
  }

  @Override
  public int typeRank() {
    return 3;
  }

  /** Compares by code point (UTF-8 byte order), unlike {@link String#compareTo}. */
  public int compareString(StringValue other) {
    String a = value;
    String b = other.value;
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        boolean sx = Character.isSurrogate(x);
        boolean sy = Character.isSurrogate(y);
        if (sx != sy) {
          return sx ? 1 : -1;
        }
        return x - y;
      }
    }
    return a.length() - b.length();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StringValue s && (s == this || s.value.equals(value));
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = value.hashCode() * 31 + 3;
      hash = h;
    }
    return h;
  }

  @Override
  public String toString() {
    return ValueJson.quote(value);
  }
}
