package io.tripline.rego.builtins;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** {@code net.cidr_*} for IPv4 and IPv6, as OPA's cidr.go (Go's net parsing and printing). */
final class CidrBuiltins {
  /** Expansions larger than this are refused, as OPA would time out on them. */
  private static final BigInteger MAX_EXPAND = BigInteger.valueOf(1L << 20);
  private static final BigInteger V4_MAPPED = BigInteger.valueOf(0xffffL).shiftLeft(32);

  private CidrBuiltins() {}

  static void register(BuiltinTable.Builder t) {
    Signature twoCidrs = Signature.of(Type.BOOLEAN, Type.STRING, Type.STRING);
    t.function("net.cidr_contains", twoCidrs, (c, a) -> contains(a, a.get(0), a.get(1)));
    t.function("net.cidr_overlap", twoCidrs, (c, a) -> contains(a, a.get(0), a.get(1))); // v0 only
    t.function("net.cidr_intersects", twoCidrs, (c, a) -> {
      IpNetwork x = network(a, 0);
      IpNetwork y = network(a, 1);
      return BooleanValue.of(x.contains(y.ip()) || y.contains(x.ip()));
    });
    t.function("net.cidr_is_valid", Signature.of(Type.BOOLEAN, Type.STRING),
        (c, a) -> BooleanValue.of(a.get(0) instanceof StringValue s && IpNetwork.parse(s.value()) != null));
    t.function("net.cidr_expand", Signature.of(Type.setOf(Type.STRING), Type.STRING), CidrBuiltins::expand);
    t.function("net.cidr_merge",
        Signature.of(Type.setOf(Type.STRING), Type.anyOf(Type.arrayOf(Type.STRING), Type.setOf(Type.STRING))),
        CidrBuiltins::merge);
    Type matchOperand = Type.anyOf(Type.STRING, Type.ARRAY, Type.SET, Type.OBJECT);
    t.function("net.cidr_contains_matches", Signature.of(Type.setOf(Type.tupleOf(Type.ANY, Type.ANY)), matchOperand, matchOperand),
        CidrBuiltins::containsMatches);
  }

  private static IpNetwork network(Arguments a, int i) {
    String s = a.string(i);
    IpNetwork n = IpNetwork.parse(s);
    if (n == null) {
      throw a.error("invalid CIDR address: " + s);
    }
    return n;
  }

  private static BooleanValue contains(Arguments a, Value cidr, Value cidrOrIp) {
    if (!(cidr instanceof StringValue cs)) {
      throw BuiltinException.operandType(a.builtin(), 1, "string", cidr.typeName());
    }
    IpNetwork outer = IpNetwork.parse(cs.value());
    if (outer == null) {
      throw a.error("invalid CIDR address: " + cs.value());
    }
    if (!(cidrOrIp instanceof StringValue bs)) {
      throw BuiltinException.operandType(a.builtin(), 1, "string", cidrOrIp.typeName());
    }
    IpAddress ip = IpAddress.parse(bs.value());
    if (ip != null) {
      return BooleanValue.of(outer.contains(ip));
    }
    IpNetwork inner = IpNetwork.parse(bs.value());
    if (inner == null) {
      throw a.error("not a valid textual representation of an IP address or CIDR: " + bs.value());
    }
    return BooleanValue.of(outer.contains(inner.ip()) && outer.contains(inner.last()));
  }

  private static Value expand(BuiltinContext c, Arguments a) {
    IpNetwork n = network(a, 0);
    BigInteger size = BigInteger.ONE.shiftLeft(n.bits() - n.prefix());
    if (size.compareTo(MAX_EXPAND) > 0) {
      throw a.error("timed out before generating all IP addresses");
    }
    BigInteger first = new BigInteger(1, n.ip().bytes());
    List<Value> out = new ArrayList<>(size.intValue());
    for (long i = 0; i < size.longValue(); i++) {
      out.add(StringValue.of(IpAddress.of(first.add(BigInteger.valueOf(i)), n.ip().bytes().length).toString()));
    }
    return SetValue.of(out);
  }

  /** A block of addresses in Go's 128-bit merge space, with the network it came from if unmerged. */
  private record Block(BigInteger first, BigInteger last, String network) {}

  private static Value merge(BuiltinContext c, Arguments a) {
    List<Value> items;
    if (a.get(0) instanceof ArrayValue arr) {
      items = arr.asList();
    } else if (a.get(0) instanceof SetValue s) {
      items = s.elements();
    } else {
      throw a.error("operand must be an array");
    }
    List<Block> blocks = new ArrayList<>();
    for (Value item : items) {
      blocks.add(block(a, item));
    }
    blocks.sort(Comparator.comparing(Block::last).thenComparing(Block::first));
    for (int i = blocks.size() - 1; i > 0; i--) {
      Block cur = blocks.get(i);
      Block prev = blocks.get(i - 1);
      BigInteger before = cur.first().signum() == 0 || cur.first().equals(V4_MAPPED) ? cur.first() : cur.first().subtract(BigInteger.ONE);
      if (before.compareTo(prev.last()) <= 0) {
        blocks.set(i - 1, new Block(prev.first().min(cur.first()), cur.last(), null));
        blocks.remove(i);
      }
    }
    List<Value> out = new ArrayList<>();
    for (Block b : blocks) {
      if (b.network() != null) {
        out.add(StringValue.of(b.network()));
      } else {
        for (String cidr : rangeToCidrs(b.first(), b.last())) {
          out.add(StringValue.of(cidr));
        }
      }
    }
    return SetValue.of(out);
  }

  /** One merge element: a CIDR, or an IPv4 address with its classful default mask, as Go does. */
  private static Block block(Arguments a, Value item) {
    if (!(item instanceof StringValue s)) {
      throw a.error("element must be string");
    }
    IpAddress ip = IpAddress.parse(s.value());
    if (ip == null) {
      IpNetwork n = IpNetwork.parse(s.value());
      if (n == null) {
        throw a.error("invalid CIDR address: " + s.value());
      }
      return blockOf(n.ip(), n.prefix(), n.toString());
    }
    byte[] v4 = ip.to4();
    if (v4 == null) {
      throw a.error("IPv6 invalid: needs prefix length");
    }
    int first = v4[0] & 0xff;
    int prefix = first < 0x80 ? 8 : first < 0xc0 ? 16 : 24;
    IpAddress addr = new IpAddress(v4);
    return blockOf(IpNetwork.masked(addr, prefix), prefix, addr + "/" + prefix);
  }

  private static Block blockOf(IpAddress masked, int prefix, String text) {
    BigInteger first = masked.mapped();
    int bits = masked.bytes().length * 8;
    BigInteger last = first.or(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
    return new Block(first, last, text);
  }

  /** The unique smallest list of CIDR blocks covering [first, last] in the 128-bit merge space. */
  private static List<String> rangeToCidrs(BigInteger first, BigInteger last) {
    boolean v4 = first.shiftRight(32).equals(BigInteger.valueOf(0xffff)) && last.shiftRight(32).equals(BigInteger.valueOf(0xffff));
    int bits = v4 ? 32 : 128;
    BigInteger base = v4 ? V4_MAPPED : BigInteger.ZERO;
    BigInteger lo = first.subtract(base);
    BigInteger hi = last.subtract(base);
    List<String> out = new ArrayList<>();
    while (lo.compareTo(hi) <= 0) {
      int size = lo.signum() == 0 ? bits : Math.min(lo.getLowestSetBit(), bits);
      while (size > 0 && lo.add(BigInteger.ONE.shiftLeft(size)).subtract(BigInteger.ONE).compareTo(hi) > 0) {
        size--;
      }
      out.add(IpAddress.of(lo, v4 ? 4 : 16) + "/" + (bits - size));
      lo = lo.add(BigInteger.ONE.shiftLeft(size));
    }
    return out;
  }

  private static Value containsMatches(BuiltinContext c, Arguments a) {
    List<Value> out = new ArrayList<>();
    for (Value[] x : matchItems(a, 0)) {
      for (Value[] y : matchItems(a, 1)) {
        if (contains(a, x[0], y[0]).booleanValue()) {
          out.add(ArrayValue.of(x[1], y[1]));
        }
      }
    }
    return SetValue.of(out);
  }

  /** (cidr, key) pairs of one operand: a string is its own key; arrays by index; sets by element; objects by key. */
  private static List<Value[]> matchItems(Arguments a, int i) {
    Value v = a.get(i);
    List<Value[]> out = new ArrayList<>();
    if (v instanceof StringValue) {
      out.add(new Value[] {v, v});
    } else if (v instanceof ArrayValue arr) {
      for (int k = 0; k < arr.size(); k++) {
        out.add(new Value[] {matchTerm(a, i, arr.get(k)), NumberValue.of(k)});
      }
    } else if (v instanceof SetValue s) {
      for (Value e : s.elements()) {
        out.add(new Value[] {matchTerm(a, i, e), e});
      }
    } else if (v instanceof ObjectValue o) {
      for (Map.Entry<Value, Value> e : o.entries()) {
        out.add(new Value[] {matchTerm(a, i, e.getValue()), e.getKey()});
      }
    }
    return out;
  }

  private static Value matchTerm(Arguments a, int i, Value v) {
    if (v instanceof StringValue) {
      return v;
    }
    if (v instanceof ArrayValue arr && !arr.isEmpty()) {
      return arr.get(0);
    }
    throw a.error("operand " + (i + 1) + ": element must be string or non-empty array");
  }
}
