package io.tripline.iam.policy;

/**
 * Where an element sits in a JSON document, built cheaply while parsing and rendered as a JSON
 * pointer (RFC 6901: {@code ~} as {@code ~0}, {@code /} as {@code ~1}) only when a problem is
 * reported.
 */
record Location(Location parent, String property, int index) {

  static final Location ROOT = new Location(null, null, -1);

  Location property(String name) {
    return new Location(this, name, -1);
  }

  Location index(int i) {
    return new Location(this, null, i);
  }

  String pointer() {
    if (parent == null) {
      return "";
    }
    String segment = property != null ? property.replace("~", "~0").replace("/", "~1") : Integer.toString(index);
    return parent.pointer() + "/" + segment;
  }

  @Override
  public String toString() {
    return pointer();
  }
}
