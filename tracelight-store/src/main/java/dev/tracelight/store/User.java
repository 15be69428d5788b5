package dev.tracelight.store;

import static java.util.Objects.requireNonNull;

/**
 * A user who may sign in to a server with authentication on. Carries no secret: the password
 * hash stays inside the store. Immutable; made by the store.
 */
public final class User {
  private final String username;
  private final long creationTime;
  private final long lastUpdateTime;

  private User(String username, long creationTime, long lastUpdateTime) {
    this.username = requireNonNull(username, "username");
    this.creationTime = creationTime;
    this.lastUpdateTime = lastUpdateTime;
  }

  public static User create(String username, long creationTime, long lastUpdateTime) {
    return new User(username, creationTime, lastUpdateTime);
  }

  public String username() {
    return username;
  }

  /** Creation time in epoch milliseconds. */
  public long creationTime() {
    return creationTime;
  }

  /** Time of the last password change (or the creation) in epoch milliseconds. */
  public long lastUpdateTime() {
    return lastUpdateTime;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof User && ((User) o).username.equals(username)
        && ((User) o).creationTime == creationTime && ((User) o).lastUpdateTime == lastUpdateTime;
  }

  @Override
  public int hashCode() {
    return username.hashCode();
  }

  @Override
  public String toString() {
    return "User{" + username + "}";
  }
}
