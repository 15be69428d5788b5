package dev.tracelight.store;

import static dev.tracelight.store.TraceKitSupport.assertStoreError;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Users and API tokens: what every backend must do, and what it must never store. */
abstract class UserStoreKit {
  static final String PASSWORD = "correct horse battery staple";

  abstract Storage storage();

  UserStore users() {
    return storage().users();
  }

  static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void createUser_thenFoundListedAndAuthenticated() {
    String name = uniqueName("alice");
    long before = System.currentTimeMillis();
    User created = users().createUser(name, PASSWORD.toCharArray());

    assertThat(created.username()).isEqualTo(name);
    assertThat(created.creationTime()).isBetween(before, System.currentTimeMillis());
    assertThat(created.lastUpdateTime()).isEqualTo(created.creationTime());
    assertThat(users().user(name)).contains(created);
    assertThat(users().users()).contains(created);
    assertThat(users().hasUsers()).isTrue();
    assertThat(users().authenticate(name, PASSWORD.toCharArray())).contains(created);
    // Twice: the second answer may come from the verified-password memo, and must agree.
    assertThat(users().authenticate(name, PASSWORD.toCharArray())).contains(created);
  }

  @Test
  void authenticate_wrongPasswordOrUnknownUser_empty() {
    String name = uniqueName("bob");
    users().createUser(name, PASSWORD.toCharArray());

    assertThat(users().authenticate(name, "correct horse battery stapler".toCharArray())).isEmpty();
    assertThat(users().authenticate(name, "".toCharArray())).isEmpty();
    assertThat(users().authenticate(name.toUpperCase(), PASSWORD.toCharArray())).isEmpty();
    assertThat(users().authenticate(uniqueName("nobody"), PASSWORD.toCharArray())).isEmpty();
  }

  @Test
  void passwordHashes_areNotThePassword_andDifferPerUserForTheSamePassword() throws Exception {
    String first = uniqueName("same");
    String second = uniqueName("same");
    users().createUser(first, PASSWORD.toCharArray());
    users().createUser(second, PASSWORD.toCharArray());

    List<List<String>> rows = rawRows("SELECT username, password_algorithm,"
        + " password_iterations, password_salt, password_hash FROM users"
        + " WHERE username IN (?, ?) ORDER BY username", first, second);
    assertThat(rows).hasSize(2);
    for (List<String> row : rows) {
      assertThat(row.get(1)).isEqualTo("PBKDF2WithHmacSHA256");
      assertThat(Integer.parseInt(row.get(2))).isGreaterThanOrEqualTo(600_000);
      assertThat(row.subList(3, 5)).noneMatch(v -> v.contains(PASSWORD))
          .noneMatch(String::isBlank);
    }
    assertThat(rows.get(0).get(3)).as("salt").isNotEqualTo(rows.get(1).get(3));
    assertThat(rows.get(0).get(4)).as("hash").isNotEqualTo(rows.get(1).get(4));
  }

  @Test
  void createUser_duplicateName_alreadyExists() {
    String name = uniqueName("dup");
    users().createUser(name, PASSWORD.toCharArray());
    assertStoreError(() -> users().createUser(name, "another password".toCharArray()),
        StoreException.Reason.ALREADY_EXISTS, "already exists");
  }

  @Test
  void createUser_badNameOrShortPassword_invalid() {
    for (String bad : new String[] {"", " ", "a:b", "tab\there", " padded", "x".repeat(256)}) {
      assertStoreError(() -> users().createUser(bad, PASSWORD.toCharArray()),
          StoreException.Reason.INVALID_ARGUMENT, "username");
    }
    assertStoreError(() -> users().createUser(uniqueName("short"), "1234567".toCharArray()),
        StoreException.Reason.INVALID_ARGUMENT, "at least 8 characters");
  }

  @Test
  void setPassword_oldOneStopsWorking_evenRightAfterASuccess() {
    String name = uniqueName("carol");
    User created = users().createUser(name, PASSWORD.toCharArray());
    assertThat(users().authenticate(name, PASSWORD.toCharArray())).isPresent();

    User changed = users().setPassword(name, "a new password".toCharArray());

    assertThat(changed.lastUpdateTime()).isGreaterThanOrEqualTo(created.creationTime());
    assertThat(users().authenticate(name, PASSWORD.toCharArray())).isEmpty();
    assertThat(users().authenticate(name, "a new password".toCharArray())).contains(changed);
    assertStoreError(() -> users().setPassword(uniqueName("nobody"), PASSWORD.toCharArray()),
        StoreException.Reason.NOT_FOUND, "No user");
  }

  @Test
  void deleteUser_removesUserAndTokens_andSignInStops() {
    String name = uniqueName("dave");
    users().createUser(name, PASSWORD.toCharArray());
    assertThat(users().authenticate(name, PASSWORD.toCharArray())).isPresent();
    IssuedToken token = users().createToken(name, "laptop", null);

    users().deleteUser(name);

    assertThat(users().user(name)).isEmpty();
    assertThat(users().authenticate(name, PASSWORD.toCharArray())).isEmpty();
    assertThat(users().authenticateToken(token.token())).isEmpty();
    assertThat(users().tokens()).noneMatch(t -> t.tokenId().equals(token.apiToken().tokenId()));
    assertStoreError(() -> users().deleteUser(name), StoreException.Reason.NOT_FOUND, name);
  }

  @Test
  void createToken_authenticatesAsItsOwner_andIsStoredOnlyAsAHash() throws Exception {
    String name = uniqueName("erin");
    User owner = users().createUser(name, PASSWORD.toCharArray());
    long expiry = System.currentTimeMillis() + 3_600_000;

    IssuedToken issued = users().createToken(name, "ci job", expiry);

    assertThat(issued.token()).matches("tl_[0-9a-f]{16}_[A-Za-z0-9_-]{43}")
        .contains(issued.apiToken().tokenId());
    assertThat(issued.toString()).doesNotContain(issued.token());
    assertThat(users().authenticateToken(issued.token())).contains(owner);
    ApiToken listed = users().tokens().stream()
        .filter(t -> t.tokenId().equals(issued.apiToken().tokenId())).findFirst().orElseThrow();
    assertThat(listed.username()).isEqualTo(name);
    assertThat(listed.name()).isEqualTo("ci job");
    assertThat(listed.expirationTime()).hasValue(expiry);
    assertThat(listed.revokedTime()).isEmpty();
    assertThat(listed.isActive(System.currentTimeMillis())).isTrue();

    List<List<String>> rows = rawRows("SELECT token_hash FROM api_tokens WHERE token_id = ?",
        listed.tokenId());
    assertThat(rows.get(0).get(0)).matches("[0-9a-f]{64}")
        .doesNotContain(issued.token().substring(20));
  }

  @Test
  void authenticateToken_tamperedOrMalformed_empty() {
    String name = uniqueName("frank");
    users().createUser(name, PASSWORD.toCharArray());
    String token = users().createToken(name, "laptop", null).token();
    char last = token.charAt(token.length() - 1);
    String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

    assertThat(users().authenticateToken(tampered)).isEmpty();
    assertThat(users().authenticateToken(token + "x")).isEmpty();
    assertThat(users().authenticateToken("")).isEmpty();
    assertThat(users().authenticateToken("tl_0000000000000000_" + "A".repeat(43))).isEmpty();
  }

  @Test
  void revokeToken_stopsItAtOnce_andKeepsTheFirstRevocationTime() {
    String name = uniqueName("grace");
    users().createUser(name, PASSWORD.toCharArray());
    IssuedToken issued = users().createToken(name, "laptop", null);
    IssuedToken other = users().createToken(name, "server", null);
    assertThat(users().authenticateToken(issued.token())).isPresent();

    ApiToken revoked = users().revokeToken(issued.apiToken().tokenId());

    assertThat(revoked.revokedTime()).isPresent();
    assertThat(revoked.isActive(System.currentTimeMillis())).isFalse();
    assertThat(users().authenticateToken(issued.token())).isEmpty();
    assertThat(users().authenticateToken(other.token())).isPresent();
    assertThat(users().revokeToken(issued.apiToken().tokenId()).revokedTime())
        .isEqualTo(revoked.revokedTime());
    assertStoreError(() -> users().revokeToken("0000000000000000"),
        StoreException.Reason.NOT_FOUND, "0000000000000000");
  }

  @Test
  void expiredToken_doesNotAuthenticate() {
    String name = uniqueName("heidi");
    users().createUser(name, PASSWORD.toCharArray());
    IssuedToken expired = users().createToken(name, "old", System.currentTimeMillis() - 1);

    assertThat(users().authenticateToken(expired.token())).isEmpty();
    assertThat(expired.apiToken().isActive(System.currentTimeMillis())).isFalse();
  }

  @Test
  void createToken_unknownUserOrEmptyName_refused() {
    assertStoreError(() -> users().createToken(uniqueName("nobody"), "x", null),
        StoreException.Reason.NOT_FOUND, "No user");
    String name = uniqueName("ivan");
    users().createUser(name, PASSWORD.toCharArray());
    assertStoreError(() -> users().createToken(name, " ", null),
        StoreException.Reason.INVALID_ARGUMENT, "name");
  }

  private List<List<String>> rawRows(String sql, String... args) {
    return ((SqlStorage) storage()).db.read(c -> {
      List<List<String>> rows = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < args.length; i++) {
          ps.setString(i + 1, args[i]);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
              row.add(rs.getString(i));
            }
            rows.add(row);
          }
        }
      }
      return rows;
    });
  }
}
