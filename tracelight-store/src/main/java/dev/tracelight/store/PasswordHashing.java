package dev.tracelight.store;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes: PBKDF2 with HMAC-SHA256, a random 16-byte salt per user, a 256-bit result and
 * OWASP's recommended iteration count. Each stored hash keeps its algorithm and count, so raising
 * the count later leaves older hashes verifiable.
 */
final class PasswordHashing {
  static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  /** OWASP's Password Storage Cheat Sheet figure for PBKDF2-HMAC-SHA256. */
  static final int ITERATIONS = 600_000;
  static final int SALT_BYTES = 16;
  static final int HASH_BITS = 256;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getEncoder();
  private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

  /** A stored hash: what {@code users} holds for one password. */
  record Hash(String algorithm, int iterations, String salt, String hash) {}

  /** Compared against when the user does not exist, so that case costs the same. */
  private static final Hash DUMMY = hash("not a password of anyone".toCharArray());

  private PasswordHashing() {}

  /** Hashes {@code password} with a new salt. */
  static Hash hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] derived = pbkdf2(ALGORITHM, password, salt, ITERATIONS);
    return new Hash(ALGORITHM, ITERATIONS, B64.encodeToString(salt), B64.encodeToString(derived));
  }

  /** True if {@code password} hashes to {@code stored}; compares in constant time. */
  static boolean verify(char[] password, Hash stored) {
    byte[] expected = B64_DECODER.decode(stored.hash());
    byte[] actual = pbkdf2(stored.algorithm(), password, B64_DECODER.decode(stored.salt()),
        stored.iterations());
    return MessageDigest.isEqual(expected, actual);
  }

  /** Spends the time of one verification; for unknown users. */
  static void verifyNothing(char[] password) {
    verify(password, DUMMY);
  }

  private static byte[] pbkdf2(String algorithm, char[] password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot hash a password with " + algorithm, e);
    } finally {
      spec.clearPassword();
    }
  }
}
