package io.tripline.rego.builtins;

import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.StringValue;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** {@code crypto.md5/sha1/sha256} and {@code crypto.hmac.*}: hex digests of a string's UTF-8 bytes. */
final class HashBuiltins {
  private HashBuiltins() {}

  static void register(BuiltinTable.Builder t) {
    digest(t, "crypto.md5", "MD5");
    digest(t, "crypto.sha1", "SHA-1");
    digest(t, "crypto.sha256", "SHA-256");
    hmac(t, "crypto.hmac.md5", "HmacMD5");
    hmac(t, "crypto.hmac.sha1", "HmacSHA1");
    hmac(t, "crypto.hmac.sha256", "HmacSHA256");
    hmac(t, "crypto.hmac.sha512", "HmacSHA512");
    t.function("crypto.hmac.equal", Signature.of(Type.BOOLEAN, Type.STRING, Type.STRING), (c, a) -> BooleanValue.of(
        MessageDigest.isEqual(a.string(0).getBytes(StandardCharsets.UTF_8), a.string(1).getBytes(StandardCharsets.UTF_8))));
  }

  private static void digest(BuiltinTable.Builder t, String name, String algorithm) {
    t.function(name, Signature.of(Type.STRING, Type.STRING), (c, a) -> {
      try {
        byte[] d = MessageDigest.getInstance(algorithm).digest(a.string(0).getBytes(StandardCharsets.UTF_8));
        return StringValue.of(HexFormat.of().formatHex(d));
      } catch (GeneralSecurityException e) {
        throw a.error(e.getMessage());
      }
    });
  }

  private static void hmac(BuiltinTable.Builder t, String name, String algorithm) {
    t.function(name, Signature.of(Type.STRING, Type.STRING, Type.STRING), (c, a) -> {
      String message = a.string(0);
      String key = a.string(1);
      return StringValue.of(HexFormat.of().formatHex(mac(algorithm, key.getBytes(StandardCharsets.UTF_8),
          message.getBytes(StandardCharsets.UTF_8))));
    });
  }

  /** The MAC of data under key; an empty key is allowed, as Go's hmac allows it. */
  static byte[] mac(String algorithm, byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(key.length == 0 ? new EmptyKey(algorithm) : new SecretKeySpec(key, algorithm));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** SecretKeySpec refuses empty keys; HMAC itself does not. */
  private record EmptyKey(String getAlgorithm) implements javax.crypto.SecretKey {
    @Override
    public String getFormat() {
      return "RAW";
    }

    @Override
    public byte[] getEncoded() {
      return new byte[0];
    }
  }
}
