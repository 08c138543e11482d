package io.tripline.rego.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The registered names, arities and result shapes of the non-string builtin families, as OPA declares them. */
class OpaBuiltinSignaturesTest {
  private final BuiltinTable table = BuiltinTable.standard();

  private int arity(String name) {
    assertThat(table.contains(name)).as(name).isTrue();
    return table.get(name).signature().arity();
  }

  @Test
  void registersEveryBuiltinWithOpasArity() {
    List<String> unary = List.of("bits.negate", "product", "sort", "array.reverse", "array.flatten", "intersection", "union",
        "object.keys", "object.union_n", "crypto.md5", "crypto.sha1", "crypto.sha256", "crypto.x509.parse_certificates",
        "crypto.x509.parse_and_verify_certificates", "crypto.x509.parse_certificate_request",
        "crypto.x509.parse_rsa_private_key", "crypto.parse_private_keys", "io.jwt.decode", "net.cidr_expand",
        "net.cidr_is_valid", "net.cidr_merge", "net.lookup_ip_addr", "http.send", "walk", "json.verify_schema",
        "graphql.parse_query", "graphql.parse_schema", "graphql.schema_is_valid", "trace");
    List<String> binary = List.of("numbers.range", "rand.intn", "bits.or", "bits.and", "bits.xor", "bits.lsh", "bits.rsh",
        "array.concat", "object.remove", "object.filter", "object.union", "object.subset", "json.filter", "json.remove",
        "json.patch", "crypto.hmac.md5", "crypto.hmac.sha1", "crypto.hmac.sha256", "crypto.hmac.sha512",
        "crypto.hmac.equal", "crypto.x509.parse_keypair", "crypto.x509.parse_and_verify_certificates_with_options",
        "io.jwt.verify_hs256", "io.jwt.verify_hs384", "io.jwt.verify_hs512", "io.jwt.verify_rs256", "io.jwt.verify_rs384",
        "io.jwt.verify_rs512", "io.jwt.verify_ps256", "io.jwt.verify_ps384", "io.jwt.verify_ps512", "io.jwt.verify_es256",
        "io.jwt.verify_es384", "io.jwt.verify_es512", "io.jwt.verify_eddsa", "io.jwt.decode_verify",
        "net.cidr_contains", "net.cidr_intersects", "net.cidr_contains_matches", "graph.reachable",
        "graph.reachable_paths", "json.match_schema", "graphql.parse", "graphql.parse_and_verify", "graphql.is_valid");
    List<String> ternary = List.of("numbers.range_step", "array.slice", "object.get", "io.jwt.encode_sign",
        "io.jwt.encode_sign_raw", "providers.aws.sign_req");
    unary.forEach(n -> assertThat(arity(n)).as(n).isEqualTo(1));
    binary.forEach(n -> assertThat(arity(n)).as(n).isEqualTo(2));
    ternary.forEach(n -> assertThat(arity(n)).as(n).isEqualTo(3));
    assertThat(arity("opa.runtime")).isZero();
  }

  @Test
  void tupleResultsAreDeclaredPositionally() {
    assertThat(table.get("io.jwt.decode").signature().result())
        .isEqualTo(Type.tupleOf(Type.OBJECT, Type.OBJECT, Type.STRING));
    assertThat(table.get("io.jwt.decode_verify").signature().result())
        .isEqualTo(Type.tupleOf(Type.BOOLEAN, Type.OBJECT, Type.OBJECT));
    assertThat(table.get("walk").isRelation()).isTrue();
    assertThat(table.get("walk").signature().result()).isEqualTo(Type.tupleOf(Type.ARRAY, Type.ANY));
    assertThat(table.get("net.cidr_contains_matches").signature().result().describe()).isEqualTo("set");
  }
}
