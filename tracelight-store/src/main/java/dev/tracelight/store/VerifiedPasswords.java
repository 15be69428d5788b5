package dev.tracelight.store;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Passwords verified in the last minutes, so HTTP Basic clients, which send the password with
 * every request, do not pay a PBKDF2 hash (a fifth of a second) each time. An entry is an HMAC,
 * under a key that exists only in this process, of the stored hash and the password: a changed
 * password or a deleted user no longer matches, and the memory holds no password.
 */
final class VerifiedPasswords {
  static final long TTL_MILLIS = 10 * 60 * 1000L;
  static final int MAX_ENTRIES = 10_000;

  private final byte[] key = new byte[32];
  private final Map<String, Long> expiries = new ConcurrentHashMap<>();

  VerifiedPasswords() {
    new SecureRandom().nextBytes(key);
  }

  /** True if this password was verified against this stored hash recently. */
  boolean contains(PasswordHashing.Hash stored, char[] password) {
    Long expiry = expiries.get(entry(stored, password));
    return expiry != null && System.currentTimeMillis() < expiry;
  }

  void add(PasswordHashing.Hash stored, char[] password) {
    if (expiries.size() >= MAX_ENTRIES) {
      expiries.clear(); // crude but bounded; the next requests just verify again
    }
    expiries.put(entry(stored, password), System.currentTimeMillis() + TTL_MILLIS);
  }

  private String entry(PasswordHashing.Hash stored, char[] password) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((stored.salt() + "\n" + stored.hash() + "\n").getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(mac.doFinal(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK always has HmacSHA256", e);
    } finally {
      Arrays.fill(bytes, (byte) 0);
      if (encoded.hasArray()) {
        Arrays.fill(encoded.array(), (byte) 0);
      }
    }
  }
}
