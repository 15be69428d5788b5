package dev.tracelight.store;

import java.util.List;
import java.util.Optional;

/**
 * Users and API tokens for the server's optional authentication. Secrets never leave a call:
 * passwords are kept as salted PBKDF2 hashes, tokens as SHA-256 hashes, and comparisons take the
 * same time however much of a secret matches.
 */
public interface UserStore {
  /** Shorter passwords are refused. */
  int MIN_PASSWORD_LENGTH = 8;

  /**
   * Creates a user with this password.
   *
   * @throws StoreException {@link StoreException.Reason#ALREADY_EXISTS} if the name is taken,
   *     {@link StoreException.Reason#INVALID_ARGUMENT} for a name that is empty, too long or holds
   *     a colon or control character (HTTP Basic could not carry it), or a password shorter than
   *     {@link #MIN_PASSWORD_LENGTH}
   */
  User createUser(String username, char[] password);

  /**
   * Replaces the user's password; sessions holding the old one stop working.
   *
   * @throws StoreException {@link StoreException.Reason#NOT_FOUND} for an unknown user,
   *     {@link StoreException.Reason#INVALID_ARGUMENT} for a password that is too short
   */
  User setPassword(String username, char[] password);

  /**
   * Deletes the user and every token they own.
   *
   * @throws StoreException {@link StoreException.Reason#NOT_FOUND} for an unknown user
   */
  void deleteUser(String username);

  Optional<User> user(String username);

  /** Every user, by name. */
  List<User> users();

  /** True if at least one user exists; a server with authentication on needs one. */
  boolean hasUsers();

  /**
   * The user if {@code password} is theirs. Costs the same whether or not the user exists, so
   * answers do not tell which names do.
   */
  Optional<User> authenticate(String username, char[] password);

  /**
   * Creates an API token for the user. Its text is in the result only, never stored.
   *
   * @param expirationTime epoch milliseconds after which it stops working, or null for never
   * @throws StoreException {@link StoreException.Reason#NOT_FOUND} for an unknown user,
   *     {@link StoreException.Reason#INVALID_ARGUMENT} for an empty name
   */
  IssuedToken createToken(String username, String name, Long expirationTime);

  /** Every token, revoked and expired ones too, by owner then creation time. */
  List<ApiToken> tokens();

  /**
   * Revokes the token; it stops working at once. Revoking it again keeps the first time.
   *
   * @throws StoreException {@link StoreException.Reason#NOT_FOUND} for an unknown token id
   */
  ApiToken revokeToken(String tokenId);

  /** The token's owner if {@code token} is a token of this store, neither revoked nor expired. */
  Optional<User> authenticateToken(String token);
}
