package io.tripline.rego.builtins;

import static io.tripline.rego.builtins.FixedContext.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CidrBuiltinsTest {
  private final FixedContext ctx = new FixedContext();

  private static Value strings(String... s) {
    return SetValue.of(Arrays.stream(s).map(x -> (Value) StringValue.of(x)).toList());
  }

  private static String q(String s) {
    return "\"" + s + "\"";
  }

  @Test
  void containsIpsAndSubnets() {
    assertThat(ctx.call("net.cidr_contains", q("10.0.0.0/8"), q("10.1.0.0/24"))).isEqualTo(BooleanValue.TRUE);
    assertThat(ctx.call("net.cidr_contains", q("10.0.0.0/8"), q("10.1.2.3"))).isEqualTo(BooleanValue.TRUE);
    assertThat(ctx.call("net.cidr_contains", q("10.0.0.0/24"), q("10.0.0.0/16"))).isEqualTo(BooleanValue.FALSE);
    assertThat(ctx.call("net.cidr_contains", q("2001:db8::/32"), q("2001:db8:1::1"))).isEqualTo(BooleanValue.TRUE);
    assertThat(ctx.call("net.cidr_contains", q("10.0.0.0/8"), q("::1"))).isEqualTo(BooleanValue.FALSE);
    assertThatThrownBy(() -> ctx.call("net.cidr_contains", q("10.0.0.0/8"), q("nope")))
        .hasMessage("net.cidr_contains: not a valid textual representation of an IP address or CIDR: nope");
    assertThatThrownBy(() -> ctx.call("net.cidr_contains", q("10.0.0.0"), q("10.0.0.1")))
        .hasMessage("net.cidr_contains: invalid CIDR address: 10.0.0.0");
  }

  @Test
  void intersectsAndValidity() {
    assertThat(ctx.call("net.cidr_intersects", q("fd1e:5bfe:8af3:9ddc::/64"), q("fd1e:5bfe:8af3:9ddc:1111::/72")))
        .isEqualTo(BooleanValue.TRUE);
    assertThat(ctx.call("net.cidr_intersects", q("192.168.0.0/24"), q("192.168.1.0/24"))).isEqualTo(BooleanValue.FALSE);
    assertThat(ctx.call("net.cidr_is_valid", q("192.168.1.0/24"))).isEqualTo(BooleanValue.TRUE);
    assertThat(ctx.call("net.cidr_is_valid", q("192.168.1.0/33"))).isEqualTo(BooleanValue.FALSE);
    assertThat(ctx.call("net.cidr_is_valid", q("192.168.1.1"))).isEqualTo(BooleanValue.FALSE);
    assertThat(ctx.call("net.cidr_is_valid", "1")).isEqualTo(BooleanValue.FALSE);
  }

  @Test
  void expandListsEveryHost() {
    assertThat(ctx.call("net.cidr_expand", q("192.168.0.0/30")))
        .isEqualTo(strings("192.168.0.0", "192.168.0.1", "192.168.0.2", "192.168.0.3"));
    assertThat(ctx.call("net.cidr_expand", q("fd00::/127"))).isEqualTo(strings("fd00::", "fd00::1"));
    assertThatThrownBy(() -> ctx.call("net.cidr_expand", q("192.168.1.1/33")))
        .hasMessage("net.cidr_expand: invalid CIDR address: 192.168.1.1/33");
  }

  @Test
  void mergeCombinesAdjacentAndContainedBlocks() {
    assertThat(ctx.call("net.cidr_merge", "[\"192.0.128.0/24\", \"192.0.129.0/24\"]")).isEqualTo(strings("192.0.128.0/23"));
    assertThat(ctx.call("net.cidr_merge", "[\"192.0.128.0/24\", \"192.0.130.0/24\"]"))
        .isEqualTo(strings("192.0.128.0/24", "192.0.130.0/24"));
    assertThat(ctx.call("net.cidr_merge", "[\"10.0.0.0/8\", \"10.1.0.0/16\", \"10.1.0.0/16\"]")).isEqualTo(strings("10.0.0.0/8"));
    assertThat(ctx.call("net.cidr_merge", "[\"2601:600:8a80:207e:a57d:7567:e2c9:e7b3/64\", \"2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128\"]"))
        .isEqualTo(strings("2601:600:8a80:207e::/64"));
    assertThat(ctx.call("net.cidr_merge", "[\"2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128\"]"))
        .isEqualTo(strings("2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128"));
    assertThat(ctx.call("net.cidr_merge", "[\"192.0.128.1/32\", \"192.0.128.2/32\"]"))
        .isEqualTo(strings("192.0.128.1/32", "192.0.128.2/32"));
    assertThat(ctx.call("net.cidr_merge", "[\"192.0.128.0/32\", \"192.0.128.1/32\", \"192.0.128.2/32\"]"))
        .isEqualTo(strings("192.0.128.0/31", "192.0.128.2/32"));
    assertThat(ctx.call("net.cidr_merge", "[]")).isEqualTo(SetValue.EMPTY);
    assertThatThrownBy(() -> ctx.call("net.cidr_merge", "[\"2601:600:8a80:207e:a57d:7567:e2c9:e7b3\"]"))
        .hasMessage("net.cidr_merge: IPv6 invalid: needs prefix length");
  }

  @Test
  void containsMatchesReportsKeys() {
    assertThat(ctx.call("net.cidr_contains_matches", "[[\"1.1.2.0/24\", 1], \"1.1.1.0/24\"]", "[\"1.1.1.1\", \"1.1.2.1\"]"))
        .isEqualTo(SetValue.of(json("[0,1]"), json("[1,0]")));
    assertThat(ctx.call("net.cidr_contains_matches", q("1.1.1.0/24"), "{\"k\": \"1.1.1.9\"}"))
        .isEqualTo(SetValue.of(json("[\"1.1.1.0/24\",\"k\"]")));
    assertThatThrownBy(() -> ctx.call("net.cidr_contains_matches", "[\"1.1.1.0/24\"]", "[1]"))
        .hasMessage("net.cidr_contains_matches: operand 2: element must be string or non-empty array");
  }

  @Test
  void ipv6PrintsLikeGo() {
    assertThat(IpAddress.parse("2001:0db8:0000:0000:0000:0000:0000:0001").toString()).isEqualTo("2001:db8::1");
    assertThat(IpAddress.parse("2001:db8:0:1:0:0:0:1").toString()).isEqualTo("2001:db8:0:1::1");
    assertThat(IpAddress.parse("1:0:2:3:4:5:6:7").toString()).isEqualTo("1:0:2:3:4:5:6:7");
    assertThat(IpAddress.parse("::").toString()).isEqualTo("::");
    assertThat(IpAddress.parse("::ffff:10.1.2.3").toString()).isEqualTo("10.1.2.3");
    assertThat(IpAddress.parse("1::2::3")).isNull();
    assertThat(IpAddress.parse("010.1.1.1")).isNull();
    assertThat(IpAddress.parse("example.com")).isNull();
  }
}
