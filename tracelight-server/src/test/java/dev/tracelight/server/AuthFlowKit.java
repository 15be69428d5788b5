package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracelight.store.IssuedToken;
import dev.tracelight.store.UserStore;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server with authentication on, over HTTP: every route family refuses requests without valid
 * credentials and serves them with a password or a token; revocation, expiry and password
 * changes take effect at once; {@code /health} stays open. Each backend runs it against a real
 * server whose store already holds {@link #USER}.
 */
abstract class AuthFlowKit {
  static final String USER = "alice";
  static final String PASSWORD = "alice has a long password";

  /** A server with {@code --auth} on a store holding {@link #USER}. */
  abstract TracelightServer server();

  /** A second handle on the server's store, as the CLI has while the server runs. */
  abstract UserStore users();

  /** A migrated store of the same backend without any user. */
  abstract String emptyStoreUri();

  /** The server's own store URI. */
  abstract String storeUri();

  TestHttp http;

  @BeforeEach
  void client() {
    http = new TestHttp(server().url());
  }

  TestHttp.Response send(RouteFamilies.Call call, String authorization) {
    return http.send(call.request(http, authorization));
  }

  static void assertUnauthenticated(RouteFamilies.Call call, TestHttp.Response r,
      String messagePart) {
    assertThat(r.status).as(call + " -> " + r).isEqualTo(401);
    assertThat(r.raw.headers().firstValue("WWW-Authenticate")).as(call.toString())
        .contains("Basic realm=\"Tracelight\"");
    if (call.api()) {
      ErrorResponsesIT.assertError(r, 401, "UNAUTHENTICATED", messagePart);
    } else {
      assertThat(r.contentType()).as(call.toString()).startsWith("text/plain");
      assertThat(r.body).as(call.toString()).contains(messagePart)
          .doesNotContain("<script");
    }
  }

  void assertEveryRouteServes(String authorization) {
    for (RouteFamilies.Call call : RouteFamilies.all()) {
      TestHttp.Response r = send(call, authorization);
      assertThat(r.status).as(call + " -> " + r).isEqualTo(200);
    }
  }

  String newToken(Long expirationTime) {
    return users().createToken(USER, "test " + UUID.randomUUID(), expirationTime).token();
  }

  @Test
  void everyRoute_withoutCredentials_401WithTheBasicChallenge() {
    for (RouteFamilies.Call call : RouteFamilies.all()) {
      assertUnauthenticated(call, send(call, null), "Authentication required");
    }
    // An unknown API path answers 401 too, not 404: nothing is told before sign-in.
    RouteFamilies.Call unknown = new RouteFamilies.Call("unknown API path", "GET",
        "/api/2.0/mlflow/nothing-here", null, null, true);
    assertUnauthenticated(unknown, send(unknown, null), "Authentication required");
  }

  @Test
  void everyRoute_withWrongPassword_401() {
    for (RouteFamilies.Call call : RouteFamilies.all()) {
      assertUnauthenticated(call, send(call, RouteFamilies.basic(USER, PASSWORD + "!")),
          "Invalid username or password");
    }
  }

  @Test
  void unknownUserOrMalformedCredentials_401SayingWhy() {
    RouteFamilies.Call call = RouteFamilies.all().get(0);
    assertUnauthenticated(call, send(call, RouteFamilies.basic("mallory", PASSWORD)),
        "Invalid username or password");
    assertUnauthenticated(call, send(call, "Basic !!!"), "not base64");
    assertUnauthenticated(call, send(call, "Basic YWxpY2U="), "no ':'");
    assertUnauthenticated(call, send(call, "Digest username=\"alice\""), "'digest'");
    assertUnauthenticated(call, send(call, RouteFamilies.bearer("tl_not_a_token")),
        "Invalid, expired or revoked API token");
    // A password is no token, and a token is no password.
    assertUnauthenticated(call, send(call, RouteFamilies.bearer(PASSWORD)), "API token");
    assertUnauthenticated(call, send(call, RouteFamilies.basic(USER, newToken(null))),
        "Invalid username or password");
  }

  @Test
  void everyRoute_withBasicCredentials_served() {
    assertEveryRouteServes(RouteFamilies.basic(USER, PASSWORD));
  }

  @Test
  void everyRoute_withBearerToken_served() {
    assertEveryRouteServes(RouteFamilies.bearer(newToken(null)));
  }

  @Test
  void everyRoute_withTokenNotYetExpired_served() {
    assertEveryRouteServes(
        RouteFamilies.bearer(newToken(System.currentTimeMillis() + 3_600_000)));
  }

  @Test
  void revokedToken_401FromTheNextRequest() {
    IssuedToken issued = users().createToken(USER, "to revoke", null);
    RouteFamilies.Call call = RouteFamilies.all().get(0);
    assertThat(send(call, RouteFamilies.bearer(issued.token())).status).isEqualTo(200);

    users().revokeToken(issued.apiToken().tokenId());

    for (RouteFamilies.Call each : RouteFamilies.all()) {
      assertUnauthenticated(each, send(each, RouteFamilies.bearer(issued.token())),
          "Invalid, expired or revoked API token");
    }
  }

  @Test
  void expiredToken_401() {
    String expired = newToken(System.currentTimeMillis() - 1);
    for (RouteFamilies.Call call : RouteFamilies.all()) {
      assertUnauthenticated(call, send(call, RouteFamilies.bearer(expired)),
          "Invalid, expired or revoked API token");
    }
  }

  @Test
  void changedPasswordOrDeletedUser_refusedFromTheNextRequest() {
    String bob = "bob-" + UUID.randomUUID().toString().substring(0, 8);
    users().createUser(bob, "bob's first password".toCharArray());
    String token = users().createToken(bob, "laptop", null).token();
    RouteFamilies.Call call = RouteFamilies.all().get(0);
    assertThat(send(call, RouteFamilies.basic(bob, "bob's first password")).status)
        .isEqualTo(200);

    users().setPassword(bob, "bob's second password".toCharArray());
    assertUnauthenticated(call, send(call, RouteFamilies.basic(bob, "bob's first password")),
        "Invalid username or password");
    assertThat(send(call, RouteFamilies.basic(bob, "bob's second password")).status)
        .isEqualTo(200);

    users().deleteUser(bob);
    assertUnauthenticated(call, send(call, RouteFamilies.basic(bob, "bob's second password")),
        "Invalid username or password");
    assertUnauthenticated(call, send(call, RouteFamilies.bearer(token)), "API token");
  }

  @Test
  void health_openWithoutCredentials() {
    TestHttp.Response r = http.get("/health");
    assertThat(r.status).as(r.toString()).isEqualTo(200);
    assertThat(r.body).isEqualTo("OK");
  }

  @Test
  void authOn_withoutUsers_refusesToStart_sayingHowToCreateTheFirst() {
    assertThatThrownBy(() -> TracelightServer.start(TracelightServerConfig.builder()
        .setPort(0).setBackendStoreUri(emptyStoreUri()).setAuth(true).build()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no users")
        .hasMessageContaining("tracelight users create <name> --backend-store-uri");
  }

  @Test
  void exemptArtifacts_letsOnlyTheTraceArtifactPutAndGetThroughWithoutCredentials() {
    try (TracelightServer exempt = TracelightServer.start(TracelightServerConfig.builder()
        .setPort(0).setBackendStoreUri(storeUri()).setAuth(true)
        .setAuthExemptArtifacts(true).build())) {
      TestHttp open = new TestHttp(exempt.url());
      for (RouteFamilies.Call call : RouteFamilies.all()) {
        TestHttp.Response r = open.send(call.request(open, null));
        if (call.family().startsWith("artifact")) {
          assertThat(r.status).as(call + " -> " + r).isEqualTo(200);
        } else {
          assertUnauthenticated(call, r, "Authentication required");
        }
      }
      // Only the artifact paths themselves; the UI's get-trace-artifact still needs sign-in.
      RouteFamilies.Call uiArtifact = new RouteFamilies.Call("get-trace-artifact", "GET",
          "/ajax-api/2.0/mlflow/get-trace-artifact?request_id=tr-1", null, null, true);
      assertUnauthenticated(uiArtifact, open.send(uiArtifact.request(open, null)),
          "Authentication required");
    }
  }
}
