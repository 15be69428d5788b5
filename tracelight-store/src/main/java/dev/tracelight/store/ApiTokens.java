package dev.tracelight.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of API tokens: {@code tl_<id>_<secret>}, where the id (16 hex digits) finds the row
 * and the secret is 32 random bytes, base64url. The store keeps the hex SHA-256 of the whole
 * text; a fast hash suffices because the secret has 256 bits of entropy.
 */
final class ApiTokens {
  static final String PREFIX = "tl_";
  private static final Pattern FORMAT = Pattern.compile("tl_([0-9a-f]{16})_[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiTokens() {}

  static String newId() {
    byte[] id = new byte[8];
    RANDOM.nextBytes(id);
    return HexFormat.of().formatHex(id);
  }

  static String newToken(String tokenId) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return PREFIX + tokenId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /** The id within a well-formed token, or null for any other text. */
  static String idOf(String token) {
    Matcher m = FORMAT.matcher(token);
    return m.matches() ? m.group(1) : null;
  }

  static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
