package dev.tracelight.testkit;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Identifiers shaped like the real APIs': the Anthropic API's are a prefix, "01", then 22 base-62
 * characters; MLflow's assessment ids are {@code a-} and 32 hex digits.
 */
final class Ids {

  private static final String ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final int RANDOM_LENGTH = 22;

  private Ids() {}

  static String message() {
    return random("msg_01");
  }

  static String messageBatch() {
    return random("msgbatch_01");
  }

  static String request() {
    return random("req_01");
  }

  static String toolUse() {
    return random("toolu_01");
  }

  static String assessment() {
    return "a-" + UUID.randomUUID().toString().replace("-", "");
  }

  private static String random(String prefix) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    StringBuilder id = new StringBuilder(prefix.length() + RANDOM_LENGTH).append(prefix);
    for (int i = 0; i < RANDOM_LENGTH; i++) {
      id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return id.toString();
  }
}
