package dev.tracelight.store;

import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Users and API tokens in SQL. */
final class SqlUserStore implements UserStore {
  static final int MAX_USERNAME_LENGTH = 255;

  private static final String USER_COLUMNS = "user_id, username, password_algorithm,"
      + " password_iterations, password_salt, password_hash, creation_time, last_update_time";
  private static final String TOKEN_COLUMNS = "t.token_id, u.username, t.name, t.creation_time,"
      + " t.expiration_time, t.revoked_time";

  private final Database db;
  private final VerifiedPasswords verified = new VerifiedPasswords();

  SqlUserStore(Database db) {
    this.db = db;
  }

  /** A {@code users} row, with the hash that never leaves this class. */
  private record UserRow(long id, User user, PasswordHashing.Hash password) {}

  @Override
  public User createUser(String username, char[] password) {
    checkUsername(username);
    PasswordHashing.Hash hash = hashChecked(password);
    try {
      return db.write(c -> {
        if (selectUser(c, username) != null) {
          throw alreadyExists(username);
        }
        long now = System.currentTimeMillis();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (username,"
            + " password_algorithm, password_iterations, password_salt, password_hash,"
            + " creation_time, last_update_time) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
          ps.setString(1, username);
          setHash(ps, 2, hash);
          ps.setLong(6, now);
          ps.setLong(7, now);
          ps.executeUpdate();
        }
        return User.create(username, now, now);
      });
    } catch (IllegalStateException e) {
      // Two creators raced past the check: the unique index decides.
      if (e.getCause() instanceof SQLException
          && Database.isUniqueViolation((SQLException) e.getCause())) {
        throw alreadyExists(username);
      }
      throw e;
    }
  }

  @Override
  public User setPassword(String username, char[] password) {
    requireNonNull(username, "username");
    PasswordHashing.Hash hash = hashChecked(password);
    return db.write(c -> {
      UserRow row = requireUser(c, username);
      long now = Math.max(System.currentTimeMillis(), row.user().creationTime());
      try (PreparedStatement ps = c.prepareStatement("UPDATE users SET password_algorithm = ?,"
          + " password_iterations = ?, password_salt = ?, password_hash = ?,"
          + " last_update_time = ? WHERE user_id = ?")) {
        setHash(ps, 1, hash);
        ps.setLong(5, now);
        ps.setLong(6, row.id());
        ps.executeUpdate();
      }
      return User.create(username, row.user().creationTime(), now);
    });
  }

  @Override
  public void deleteUser(String username) {
    requireNonNull(username, "username");
    db.write(c -> {
      UserRow row = requireUser(c, username);
      // Explicitly, not only by the foreign key: a SQLite connection may run without it.
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM api_tokens WHERE user_id = ?")) {
        ps.setLong(1, row.id());
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM users WHERE user_id = ?")) {
        ps.setLong(1, row.id());
        ps.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public Optional<User> user(String username) {
    requireNonNull(username, "username");
    return Optional.ofNullable(db.read(c -> selectUser(c, username))).map(UserRow::user);
  }

  @Override
  public List<User> users() {
    return db.read(c -> {
      List<User> users = new ArrayList<>();
      try (PreparedStatement ps =
              c.prepareStatement("SELECT " + USER_COLUMNS + " FROM users ORDER BY username");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          users.add(userRow(rs).user());
        }
      }
      return users;
    });
  }

  @Override
  public boolean hasUsers() {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM users LIMIT 1");
          ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    });
  }

  @Override
  public Optional<User> authenticate(String username, char[] password) {
    requireNonNull(username, "username");
    requireNonNull(password, "password");
    UserRow row = db.read(c -> selectUser(c, username));
    if (row == null) {
      PasswordHashing.verifyNothing(password);
      return Optional.empty();
    }
    if (verified.contains(row.password(), password)) {
      return Optional.of(row.user());
    }
    if (!PasswordHashing.verify(password, row.password())) {
      return Optional.empty();
    }
    verified.add(row.password(), password);
    return Optional.of(row.user());
  }

  @Override
  public IssuedToken createToken(String username, String name, Long expirationTime) {
    requireNonNull(username, "username");
    if (requireNonNull(name, "name").isBlank()) {
      throw StoreException.invalid("token name must not be empty");
    }
    String tokenId = ApiTokens.newId();
    String token = ApiTokens.newToken(tokenId);
    return db.write(c -> {
      UserRow owner = requireUser(c, username);
      long now = System.currentTimeMillis();
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_tokens (token_id, user_id,"
          + " name, token_hash, creation_time, expiration_time) VALUES (?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, tokenId);
        ps.setLong(2, owner.id());
        ps.setString(3, name);
        ps.setString(4, HexFormat.of().formatHex(ApiTokens.hash(token)));
        ps.setLong(5, now);
        if (expirationTime == null) {
          ps.setNull(6, Types.BIGINT);
        } else {
          ps.setLong(6, expirationTime);
        }
        ps.executeUpdate();
      }
      ApiToken created = ApiToken.create(tokenId, username, name, now,
          expirationTime == null ? OptionalLong.empty() : OptionalLong.of(expirationTime),
          OptionalLong.empty());
      return IssuedToken.create(created, token);
    });
  }

  @Override
  public List<ApiToken> tokens() {
    return db.read(c -> {
      List<ApiToken> tokens = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + TOKEN_COLUMNS
              + " FROM api_tokens t JOIN users u ON u.user_id = t.user_id"
              + " ORDER BY u.username, t.creation_time, t.token_id");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          tokens.add(apiToken(rs));
        }
      }
      return tokens;
    });
  }

  @Override
  public ApiToken revokeToken(String tokenId) {
    requireNonNull(tokenId, "tokenId");
    return db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE api_tokens SET revoked_time = ?"
          + " WHERE token_id = ? AND revoked_time IS NULL")) {
        ps.setLong(1, System.currentTimeMillis());
        ps.setString(2, tokenId);
        ps.executeUpdate();
      }
      ApiToken token = selectToken(c, tokenId);
      if (token == null) {
        throw StoreException.notFound("No API token with ID " + tokenId);
      }
      return token;
    });
  }

  @Override
  public Optional<User> authenticateToken(String token) {
    requireNonNull(token, "token");
    String tokenId = ApiTokens.idOf(token);
    if (tokenId == null) {
      return Optional.empty();
    }
    byte[] presented = ApiTokens.hash(token);
    return Optional.ofNullable(db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT t.token_hash, t.expiration_time,"
          + " t.revoked_time, u.username, u.creation_time, u.last_update_time"
          + " FROM api_tokens t JOIN users u ON u.user_id = t.user_id WHERE t.token_id = ?")) {
        ps.setString(1, tokenId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return null;
          }
          boolean matches =
              MessageDigest.isEqual(HexFormat.of().parseHex(rs.getString(1)), presented);
          long expiration = rs.getLong(2);
          boolean expired = !rs.wasNull() && System.currentTimeMillis() >= expiration;
          rs.getLong(3);
          boolean revoked = !rs.wasNull();
          if (!matches || expired || revoked) {
            return null;
          }
          return User.create(rs.getString(4), rs.getLong(5), rs.getLong(6));
        }
      }
    }));
  }

  private static void checkUsername(String username) {
    requireNonNull(username, "username");
    if (username.isBlank()) {
      throw StoreException.invalid("username must not be empty");
    }
    if (username.length() > MAX_USERNAME_LENGTH) {
      throw StoreException.invalid("username is longer than " + MAX_USERNAME_LENGTH);
    }
    if (!username.strip().equals(username)) {
      throw StoreException.invalid("username must not start or end with white space");
    }
    for (int i = 0; i < username.length(); i++) {
      char ch = username.charAt(i);
      if (ch == ':' || Character.isISOControl(ch)) {
        throw StoreException.invalid(
            "username must not contain a colon or control character (HTTP Basic cannot carry it)");
      }
    }
  }

  private static PasswordHashing.Hash hashChecked(char[] password) {
    requireNonNull(password, "password");
    if (password.length < MIN_PASSWORD_LENGTH) {
      throw StoreException.invalid(
          "password must have at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    return PasswordHashing.hash(password);
  }

  private static void setHash(PreparedStatement ps, int first, PasswordHashing.Hash hash)
      throws SQLException {
    ps.setString(first, hash.algorithm());
    ps.setInt(first + 1, hash.iterations());
    ps.setString(first + 2, hash.salt());
    ps.setString(first + 3, hash.hash());
  }

  private static UserRow requireUser(Connection c, String username) throws SQLException {
    UserRow row = selectUser(c, username);
    if (row == null) {
      throw StoreException.notFound("No user named '" + username + "'");
    }
    return row;
  }

  private static UserRow selectUser(Connection c, String username) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + USER_COLUMNS + " FROM users WHERE username = ?")) {
      ps.setString(1, username);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? userRow(rs) : null;
      }
    }
  }

  private static UserRow userRow(ResultSet rs) throws SQLException {
    return new UserRow(rs.getLong(1), User.create(rs.getString(2), rs.getLong(7), rs.getLong(8)),
        new PasswordHashing.Hash(rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6)));
  }

  private static ApiToken selectToken(Connection c, String tokenId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + TOKEN_COLUMNS
        + " FROM api_tokens t JOIN users u ON u.user_id = t.user_id WHERE t.token_id = ?")) {
      ps.setString(1, tokenId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? apiToken(rs) : null;
      }
    }
  }

  private static ApiToken apiToken(ResultSet rs) throws SQLException {
    return ApiToken.create(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
        optionalLong(rs, 5), optionalLong(rs, 6));
  }

  private static OptionalLong optionalLong(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
  }

  private static StoreException alreadyExists(String username) {
    return new StoreException(StoreException.Reason.ALREADY_EXISTS,
        "User '" + username + "' already exists.");
  }
}
