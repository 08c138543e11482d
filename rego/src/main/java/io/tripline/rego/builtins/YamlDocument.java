package io.tripline.rego.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.rego.value.NullValue;
import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueJson;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.IdentityHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One YAML document as {@code yaml.unmarshal} reads it (YAML 1.1 scalars, as go-yaml v2): an
 * alias ({@code *a}) is the value its anchor ({@code &a}) marked, merge keys ({@code <<}) merge,
 * the values aliases expand to are bounded in total (a "billion laughs" document is an error, not
 * an exhausted heap), and a second document ({@code ---}) is an error rather than silently ignored.
 */
final class YamlDocument {
  /** How many values aliases may expand to in one document, in total. */
  static final long MAX_ALIAS_EXPANSION = 1_000_000;
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final Map<Node, JsonNode> done = new IdentityHashMap<>();
  private final Map<Node, Long> sizes = new IdentityHashMap<>();
  private final Map<Node, Boolean> open = new IdentityHashMap<>();
  private long expanded;

  private YamlDocument() {}

  /** The value of the single document in text; {@link IllegalArgumentException} says what is wrong and where. */
  static Value parse(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(Integer.MAX_VALUE); // bounded below by the size aliases expand to
    options.setAllowRecursiveKeys(false);
    Node root;
    try {
      root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      String what = e.getContext() == null ? e.getProblem() : e.getContext() + ", " + e.getProblem();
      throw new IllegalArgumentException("yaml: " + what + where(e.getProblemMark()), e);
    } catch (YAMLException e) {
      throw new IllegalArgumentException("yaml: " + e.getMessage(), e);
    }
    if (root == null) {
      return NullValue.NULL;
    }
    return ValueJson.fromNode(new YamlDocument().json(root));
  }

  /**
   * Whether text is a well-formed YAML stream, as OPA's {@code yaml.is_valid} answers: every
   * document must parse (with the same alias bound), and several documents are valid.
   */
  static boolean valid(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(Integer.MAX_VALUE);
    options.setAllowRecursiveKeys(false);
    try {
      for (Node n : new Yaml(new SafeConstructor(options)).composeAll(new StringReader(text))) {
        if (n != null) {
          new YamlDocument().json(n);
        }
      }
      return true;
    } catch (YAMLException | IllegalArgumentException e) {
      return false;
    }
  }

  private static String where(Mark m) {
    return m == null ? "" : " at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1);
  }

  private JsonNode json(Node n) {
    JsonNode known = done.get(n);
    if (known != null) {
      expanded += size(n);
      if (expanded > MAX_ALIAS_EXPANSION) {
        throw new IllegalArgumentException("yaml: document contains excessive aliasing (aliases expand to more than "
            + MAX_ALIAS_EXPANSION + " values)");
      }
      return known;
    }
    if (open.put(n, true) != null) {
      throw new IllegalArgumentException("yaml: an alias refers to a node that contains it" + where(n.getStartMark()));
    }
    JsonNode out;
    if (n instanceof MappingNode m) {
      ObjectNode o = F.objectNode();
      ObjectNode merged = F.objectNode();
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode().getTag().equals(Tag.MERGE)) {
          Node v = t.getValueNode();
          if (v instanceof SequenceNode s) {
            for (Node x : s.getValue()) {
              mergeInto(merged, json(x));
            }
          } else {
            mergeInto(merged, json(v));
          }
          continue;
        }
        JsonNode k = json(t.getKeyNode());
        o.set(k.isTextual() ? k.textValue() : k.toString(), json(t.getValueNode()));
      }
      merged.fields().forEachRemaining(e -> {
        if (!o.has(e.getKey())) {
          o.set(e.getKey(), e.getValue());
        }
      });
      out = o;
    } else if (n instanceof SequenceNode s) {
      ArrayNode a = F.arrayNode();
      for (Node x : s.getValue()) {
        a.add(json(x));
      }
      out = a;
    } else {
      out = scalar((ScalarNode) n);
    }
    open.remove(n);
    done.put(n, out);
    return out;
  }

  private static void mergeInto(ObjectNode merged, JsonNode v) {
    if (!v.isObject()) {
      throw new IllegalArgumentException("yaml: map merge requires map or sequence of maps as the value");
    }
    v.fields().forEachRemaining(e -> {
      if (!merged.has(e.getKey())) {
        merged.set(e.getKey(), e.getValue());
      }
    });
  }

  private static JsonNode scalar(ScalarNode s) {
    String v = s.getValue();
    Tag tag = s.getTag();
    if (tag.equals(Tag.NULL)) {
      return F.nullNode();
    }
    if (tag.equals(Tag.BOOL)) {
      return F.booleanNode(switch (v.toLowerCase(java.util.Locale.ROOT)) {
        case "true", "yes", "y", "on" -> true;
        default -> false;
      });
    }
    if (tag.equals(Tag.INT)) {
      BigInteger i = integer(v.replace("_", ""));
      return i == null ? F.textNode(v) : F.numberNode(i);
    }
    if (tag.equals(Tag.FLOAT)) {
      try {
        return F.numberNode(new BigDecimal(v.replace("_", "")));
      } catch (NumberFormatException e) {
        return F.textNode(v); // .inf and .nan have no JSON number
      }
    }
    return F.textNode(v);
  }

  private static BigInteger integer(String v) {
    String s = v;
    int sign = 1;
    if (s.startsWith("-") || s.startsWith("+")) {
      sign = s.startsWith("-") ? -1 : 1;
      s = s.substring(1);
    }
    try {
      BigInteger i;
      if (s.startsWith("0x")) {
        i = new BigInteger(s.substring(2), 16);
      } else if (s.startsWith("0b")) {
        i = new BigInteger(s.substring(2), 2);
      } else if (s.startsWith("0o")) {
        i = new BigInteger(s.substring(2), 8);
      } else if (s.length() > 1 && s.startsWith("0")) {
        i = new BigInteger(s.substring(1), 8);
      } else if (s.contains(":")) {
        i = BigInteger.ZERO;
        for (String part : s.split(":")) {
          i = i.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
        }
      } else {
        i = new BigInteger(s);
      }
      return sign < 0 ? i.negate() : i;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private long size(Node n) {
    Long known = sizes.get(n);
    if (known != null) {
      return known;
    }
    long s = 1;
    if (n instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        s += size(t.getKeyNode()) + size(t.getValueNode());
        if (s > MAX_ALIAS_EXPANSION) {
          break;
        }
      }
    } else if (n instanceof SequenceNode q) {
      for (Node x : q.getValue()) {
        s += size(x);
        if (s > MAX_ALIAS_EXPANSION) {
          break;
        }
      }
    }
    sizes.put(n, s);
    return s;
  }
}
