package dev.tracelight.store;

import static java.util.Objects.requireNonNull;

/**
 * A token just created: the only time its text exists outside the client. Show it once; the
 * store keeps only its hash.
 */
public final class IssuedToken {
  private final ApiToken apiToken;
  private final String token;

  private IssuedToken(ApiToken apiToken, String token) {
    this.apiToken = requireNonNull(apiToken, "apiToken");
    this.token = requireNonNull(token, "token");
  }

  static IssuedToken create(ApiToken apiToken, String token) {
    return new IssuedToken(apiToken, token);
  }

  public ApiToken apiToken() {
    return apiToken;
  }

  /** The text a client sends as {@code Authorization: Bearer <token>}. */
  public String token() {
    return token;
  }

  @Override
  public String toString() {
    return "IssuedToken{" + apiToken + "}"; // never the token itself
  }
}
