package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code tracelight users} and {@code tracelight tokens} against a real SQLite store, then a
 * server with {@code --auth} on that store accepting what they made.
 */
class UserAndTokenCommandsIT {
  static final String PASSWORD = "a password from stdin";

  @TempDir Path dir;

  /** What one command printed, and its exit status. */
  record Run(int exit, String out, String err) {}

  String store() {
    return "sqlite:///" + dir.resolve("cli.db");
  }

  Run run(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = TracelightCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    InputStream original = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      return new Run(cli.execute(args), out.toString(), err.toString());
    } finally {
      System.setIn(original);
    }
  }

  Run ok(String stdin, String... args) {
    Run r = run(stdin, args);
    assertThat(r.exit()).as(r.toString()).isZero();
    return r;
  }

  TracelightServer authServer() {
    return TracelightServer.start(TracelightServerConfig.builder()
        .setPort(0).setBackendStoreUri(store()).setAuth(true).build());
  }

  static int status(TracelightServer server, String authorization) {
    TestHttp http = new TestHttp(server.url());
    RouteFamilies.Call call = RouteFamilies.all().get(0);
    return http.send(call.request(http, authorization)).status;
  }

  @Test
  void help_listsUsersAndTokens() {
    assertThat(ok("", "--help").out()).contains("users", "tokens");
    assertThat(ok("", "users", "--help").out()).contains("create", "delete", "list",
        "set-password");
    assertThat(ok("", "tokens", "--help").out()).contains("create", "list", "revoke");
  }

  @Test
  void usersCreate_fromStdin_thenListed_andSignsInToTheServer() {
    Run created = ok(PASSWORD + "\n", "users", "create", "alice", "--password-stdin",
        "--backend-store-uri", store());
    assertThat(created.out()).contains("Created user alice").doesNotContain(PASSWORD);

    assertThat(ok("", "users", "list", "--backend-store-uri", store()).out())
        .contains("alice").doesNotContain(PASSWORD);
    try (TracelightServer server = authServer()) {
      assertThat(status(server, RouteFamilies.basic("alice", PASSWORD))).isEqualTo(200);
      assertThat(status(server, RouteFamilies.basic("alice", PASSWORD + "\n"))).isEqualTo(401);
    }
  }

  @Test
  void usersCreate_refusals_sayWhyInOneLine() {
    ok(PASSWORD + "\r\n", "users", "create", "alice", "--password-stdin",
        "--backend-store-uri", store());

    Run duplicate = run(PASSWORD, "users", "create", "alice", "--password-stdin",
        "--backend-store-uri", store());
    assertThat(duplicate.exit()).isEqualTo(1);
    assertThat(duplicate.err()).startsWith("tracelight: User 'alice' already exists.");

    Run shortPassword = run("short\n", "users", "create", "bob", "--password-stdin",
        "--backend-store-uri", store());
    assertThat(shortPassword.exit()).isEqualTo(1);
    assertThat(shortPassword.err()).contains("at least 8 characters");

    // Without a terminal there is no prompt; the message names the alternative.
    Run noTerminal = run("", "users", "create", "carol", "--backend-store-uri", store());
    assertThat(noTerminal.exit()).isEqualTo(2);
    assertThat(noTerminal.err()).contains("--password-stdin");

    Run colon = run(PASSWORD, "users", "create", "a:b", "--password-stdin",
        "--backend-store-uri", store());
    assertThat(colon.exit()).isEqualTo(1);
    assertThat(colon.err()).contains("colon");
  }

  @Test
  void tokensCreate_printsTheTokenOnce_whichAuthenticatesUntilRevoked() {
    ok(PASSWORD, "users", "create", "alice", "--password-stdin", "--backend-store-uri", store());

    Run created = ok("", "tokens", "create", "--user", "alice", "--name", "ci",
        "--expires-in", "30d", "--backend-store-uri", store());

    String token = created.out().strip();
    assertThat(token).matches("tl_[0-9a-f]{16}_[A-Za-z0-9_-]{43}");
    String tokenId = token.substring(3, 19);
    assertThat(created.err()).contains("Created token " + tokenId + " 'ci' for alice")
        .contains("shown only now").doesNotContain(token);
    Instant expiry = Instant.parse(created.err().replaceAll("(?s).*expiring (\\S+)\\. .*", "$1"));
    assertThat(Duration.between(Instant.now(), expiry)).isBetween(
        Duration.ofDays(30).minusMinutes(5), Duration.ofDays(30));

    Run listed = ok("", "tokens", "list", "--backend-store-uri", store());
    assertThat(listed.out()).contains(tokenId, "alice", "ci", "active", expiry.toString())
        .doesNotContain(token);

    try (TracelightServer server = authServer()) {
      assertThat(status(server, RouteFamilies.bearer(token))).isEqualTo(200);

      assertThat(ok("", "tokens", "revoke", tokenId, "--backend-store-uri", store()).out())
          .contains("Revoked token " + tokenId);

      assertThat(status(server, RouteFamilies.bearer(token))).isEqualTo(401);
    }
    assertThat(ok("", "tokens", "list", "--user", "alice", "--backend-store-uri", store()).out())
        .contains(tokenId, "revoked");
    assertThat(ok("", "tokens", "list", "--user", "bob", "--backend-store-uri", store()).out())
        .doesNotContain(tokenId);
  }

  @Test
  void tokensCommands_refusals() {
    Run unknownUser = run("", "tokens", "create", "--user", "nobody", "--name", "x",
        "--backend-store-uri", store());
    assertThat(unknownUser.exit()).isEqualTo(1);
    assertThat(unknownUser.err()).contains("No user named 'nobody'");

    for (String bad : List.of("30", "30x", "0d", "-1d", "d")) {
      Run r = run("", "tokens", "create", "--user", "alice", "--name", "x", "--expires-in", bad,
          "--backend-store-uri", store());
      assertThat(r.exit()).as(bad).isEqualTo(2);
      assertThat(r.err()).as(bad).contains("--expires-in");
    }
    Run missing = run("", "tokens", "create", "--user", "alice", "--backend-store-uri", store());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("--name");

    Run unknownToken = run("", "tokens", "revoke", "0123456789abcdef",
        "--backend-store-uri", store());
    assertThat(unknownToken.exit()).isEqualTo(1);
    assertThat(unknownToken.err()).contains("No API token with ID 0123456789abcdef");
  }

  @Test
  void setPasswordAndDelete_takeEffectOnARunningServer() {
    ok(PASSWORD, "users", "create", "alice", "--password-stdin", "--backend-store-uri", store());
    ok(PASSWORD, "users", "create", "bob", "--password-stdin", "--backend-store-uri", store());
    String token = ok("", "tokens", "create", "--user", "bob", "--name", "laptop",
        "--backend-store-uri", store()).out().strip();

    try (TracelightServer server = authServer()) {
      ok("the second password\n", "users", "set-password", "alice", "--password-stdin",
          "--backend-store-uri", store());
      assertThat(status(server, RouteFamilies.basic("alice", PASSWORD))).isEqualTo(401);
      assertThat(status(server, RouteFamilies.basic("alice", "the second password")))
          .isEqualTo(200);

      assertThat(ok("", "users", "delete", "bob", "--backend-store-uri", store()).out())
          .contains("Deleted user bob");
      assertThat(status(server, RouteFamilies.basic("bob", PASSWORD))).isEqualTo(401);
      assertThat(status(server, RouteFamilies.bearer(token))).isEqualTo(401);
    }
    assertThat(ok("", "users", "list", "--backend-store-uri", store()).out())
        .contains("alice").doesNotContain("bob");
    Run again = run("", "users", "delete", "bob", "--backend-store-uri", store());
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).contains("No user named 'bob'");
  }

  @Test
  void serverWithAuth_onAStoreWithoutUsers_failsInOneLineNamingTheCommand() {
    Run r = run("", "server", "--port", "0", "--auth", "--backend-store-uri", store());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("tracelight: Authentication is on but the store has no users")
        .contains("tracelight users create <name>");
  }
}
