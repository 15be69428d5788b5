package dev.tracelight.store;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;

/**
 * What the store knows about an API token: who owns it, its label and its lifetime, never the
 * token itself (only its hash is stored). Immutable; made by the store.
 */
public final class ApiToken {
  private final String tokenId;
  private final String username;
  private final String name;
  private final long creationTime;
  private final OptionalLong expirationTime;
  private final OptionalLong revokedTime;

  private ApiToken(String tokenId, String username, String name, long creationTime,
      OptionalLong expirationTime, OptionalLong revokedTime) {
    this.tokenId = requireNonNull(tokenId, "tokenId");
    this.username = requireNonNull(username, "username");
    this.name = requireNonNull(name, "name");
    this.creationTime = creationTime;
    this.expirationTime = requireNonNull(expirationTime, "expirationTime");
    this.revokedTime = requireNonNull(revokedTime, "revokedTime");
  }

  public static ApiToken create(String tokenId, String username, String name, long creationTime,
      OptionalLong expirationTime, OptionalLong revokedTime) {
    return new ApiToken(tokenId, username, name, creationTime, expirationTime, revokedTime);
  }

  /** The public id, part of the token text; names the token to revoke. */
  public String tokenId() {
    return tokenId;
  }

  /** The owner: requests with this token act as this user. */
  public String username() {
    return username;
  }

  /** The label given at creation, such as the machine or job using the token. */
  public String name() {
    return name;
  }

  /** Creation time in epoch milliseconds. */
  public long creationTime() {
    return creationTime;
  }

  /** When the token stops working, in epoch milliseconds; empty if it never expires. */
  public OptionalLong expirationTime() {
    return expirationTime;
  }

  /** When the token was revoked, in epoch milliseconds; empty while it is not. */
  public OptionalLong revokedTime() {
    return revokedTime;
  }

  /** True if the token authenticates at {@code nowMillis}: neither revoked nor expired. */
  public boolean isActive(long nowMillis) {
    return revokedTime.isEmpty()
        && (expirationTime.isEmpty() || nowMillis < expirationTime.getAsLong());
  }

  @Override
  public String toString() {
    return "ApiToken{" + tokenId + ", " + username + ", " + name + "}";
  }
}
