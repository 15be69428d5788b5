package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracelight.store.Storage;
import dev.tracelight.store.StorageFactory;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every response carries and which requests are refused before any route, with or without
 * authentication: the Host allowlist against DNS rebinding, CORS, cross-origin writes, and the
 * security headers.
 */
class NetworkPolicyIT {
  static final String ALLOWED_ORIGIN = "https://notebook.example";
  @TempDir static Path dir;
  /** Defaults: no --allowed-hosts, no --cors-allowed-origins. */
  static TracelightServer server;
  /** --allowed-hosts tracelight.internal,*.corp.example,10.1.2.3:8080; --cors-allowed-origins. */
  static TracelightServer configured;

  @BeforeAll
  static void start() {
    server = TracelightServer.start(TracelightServerConfig.builder()
        .setPort(0).setBackendStoreUri("sqlite:///" + dir.resolve("net.db")).build());
    configured = TracelightServer.start(TracelightServerConfig.builder()
        .setPort(0).setBackendStoreUri("sqlite:///" + dir.resolve("net.db"))
        .setAllowedHosts(List.of("tracelight.internal", "*.corp.example", "10.1.2.3:8080"))
        .setCorsAllowedOrigins(List.of(ALLOWED_ORIGIN)).build());
  }

  @AfterAll
  static void stop() {
    try {
      server.close();
    } finally {
      configured.close();
    }
  }

  static RawHttp get(TracelightServer s, String path, String... headers) {
    return RawHttp.send(s.port(), "GET", path, headers);
  }

  @Nested
  class HostAllowlist {
    @Test
    void dnsRebinding_foreignHostHeader_403OnEveryRouteButHealth() {
      for (RouteFamilies.Call call : RouteFamilies.all()) {
        RawHttp r = RawHttp.sendBody(server.port(), call.method(), call.path(), "",
            "Host: evil.example");
        assertThat(r.status).as(call + " -> " + r).isEqualTo(403);
        assertThat(r.body).as(call.toString()).contains("Host 'evil.example' is not allowed")
            .contains("--allowed-hosts");
        if (call.api()) {
          assertThat(r.body).contains("\"error_code\":\"PERMISSION_DENIED\"");
        } else {
          assertThat(r.headers.get("content-type")).startsWith("text/plain");
        }
      }
      assertThat(get(server, "/health", "Host: evil.example").status).isEqualTo(200);
    }

    @Test
    void defaults_allowLoopbackNamesOnAnyPort() {
      for (String host : new String[] {"localhost", "localhost:" + server.port(), "127.0.0.1",
          "127.0.0.1:5000", "[::1]", "[::1]:" + server.port(), "LOCALHOST:1", "localhost."}) {
        RawHttp r = get(server, "/version", "Host: " + host);
        assertThat(r.status).as(host + " -> " + r).isEqualTo(200);
      }
      for (String host : new String[] {"localhost.evil.example", "127.0.0.2", "[::2]",
          "evil.example:" + server.port(), "127.0.0.1.nip.io"}) {
        assertThat(get(server, "/version", "Host: " + host).status).as(host).isEqualTo(403);
      }
      // An empty Host is malformed HTTP/1.1: Jetty refuses it before any route.
      assertThat(get(server, "/version", "Host: ").status).isEqualTo(400);
    }

    @Test
    void configured_replaceTheDefaults() {
      for (String host : new String[] {"tracelight.internal", "tracelight.internal:443",
          "a.corp.example", "b.a.corp.example:5000", "10.1.2.3:8080"}) {
        assertThat(get(configured, "/version", "Host: " + host).status).as(host).isEqualTo(200);
      }
      for (String host : new String[] {"localhost", "127.0.0.1", "corp.example",
          "10.1.2.3", "10.1.2.3:8081", "evil.example"}) {
        assertThat(get(configured, "/version", "Host: " + host).status).as(host).isEqualTo(403);
      }
    }

    @Test
    void star_allowsEveryHost() {
      try (TracelightServer any = TracelightServer.start(TracelightServerConfig.builder()
          .setPort(0).setBackendStoreUri("sqlite:///" + dir.resolve("net.db"))
          .setAllowedHosts(List.of("*")).build())) {
        assertThat(get(any, "/version", "Host: evil.example").status).isEqualTo(200);
      }
    }

    @Test
    void malformedEntries_rejectedAtConfiguration() {
      for (String bad : new String[] {"host:port", "a:b:c:d", "exa*mple.com", "[nothex]", "*."}) {
        assertThatThrownBy(() -> TracelightServerConfig.builder().setAllowedHosts(List.of(bad)))
            .as(bad).isInstanceOf(IllegalArgumentException.class);
      }
    }
  }

  @Nested
  class Cors {
    @Test
    void byDefault_noCorsHeaders_andPreflightsRefused() {
      TestHttp http = new TestHttp(server.url());
      TestHttp.Response r = http.send(HttpRequest.newBuilder(http.uri("/version"))
          .header("Origin", ALLOWED_ORIGIN).build());
      assertThat(r.status).isEqualTo(200);
      assertThat(r.raw.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

      RawHttp preflight = preflight(server, ALLOWED_ORIGIN);
      assertThat(preflight.status).as(preflight.toString()).isEqualTo(403);
      assertThat(preflight.headers).doesNotContainKey("access-control-allow-origin");
      assertThat(preflight.body).contains("--cors-allowed-origins");
    }

    @Test
    void allowedOrigin_getsTheHeaders_othersDoNot() {
      RawHttp allowed = get(configured, "/api/2.0/mlflow/experiments/search",
          "Host: tracelight.internal", "Origin: " + ALLOWED_ORIGIN);
      assertThat(allowed.status).isEqualTo(200);
      assertThat(allowed.headers).containsEntry("access-control-allow-origin", ALLOWED_ORIGIN)
          .containsEntry("vary", "Origin")
          .doesNotContainKey("access-control-allow-credentials");

      RawHttp other = get(configured, "/api/2.0/mlflow/experiments/search",
          "Host: tracelight.internal", "Origin: https://evil.example");
      assertThat(other.status).isEqualTo(200);
      assertThat(other.headers).doesNotContainKey("access-control-allow-origin");
    }

    @Test
    void preflight_allowedOriginAnswered204_otherOriginRefused() {
      RawHttp ok = preflight(configured, ALLOWED_ORIGIN);
      assertThat(ok.status).as(ok.toString()).isEqualTo(204);
      assertThat(ok.headers).containsEntry("access-control-allow-origin", ALLOWED_ORIGIN)
          .containsEntry("access-control-allow-methods", CorsPolicy.METHODS)
          .containsEntry("access-control-max-age", "600");
      assertThat(ok.headers.get("access-control-allow-headers")).contains("Authorization")
          .contains("Content-Type").contains("x-mlflow-experiment-id");

      RawHttp refused = preflight(configured, "https://evil.example");
      assertThat(refused.status).isEqualTo(403);
      assertThat(refused.headers).doesNotContainKey("access-control-allow-origin");
    }

    @Test
    void crossOriginWrite_fromAnotherSite_403_evenWithoutAuth() {
      // A simple POST (text/plain) needs no preflight: a page elsewhere could send it.
      RawHttp r = RawHttp.sendBody(server.port(), "POST", "/api/2.0/mlflow/experiments/create",
          "{\"name\": \"x1\"}", "Host: 127.0.0.1:" + server.port(),
          "Origin: https://evil.example", "Content-Type: text/plain");
      assertThat(r.status).as(r.toString()).isEqualTo(403);
      assertThat(r.body).contains("Cross-origin POST from 'https://evil.example' refused");
    }

    @Test
    void sameOriginAndAllowedOriginWrites_served() {
      TestHttp http = new TestHttp(server.url());
      TestHttp.Response same = http.send(HttpRequest.newBuilder(
              http.uri("/api/2.0/mlflow/experiments/create"))
          .header("Origin", server.url()).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"same-origin\"}")).build());
      assertThat(same.status).as(same.toString()).isEqualTo(200);

      RawHttp allowed = RawHttp.sendBody(configured.port(), "POST",
          "/api/2.0/mlflow/experiments/create", "{\"name\": \"from-origin\"}",
          "Host: tracelight.internal", "Origin: " + ALLOWED_ORIGIN,
          "Content-Type: application/json");
      assertThat(allowed.status).as(allowed.toString()).isEqualTo(200);
    }

    @Test
    void simplePost_fromAnAllowedOriginToo_403() {
      // Forms and text/plain fetches skip the preflight and carry the browser's cached
      // credentials: an allowed origin must send JSON, which is preflighted.
      RawHttp r = RawHttp.sendBody(configured.port(), "POST", "/api/2.0/mlflow/experiments/create",
          "{\"name\": \"x2\"}", "Host: tracelight.internal", "Origin: " + ALLOWED_ORIGIN,
          "Content-Type: text/plain;charset=UTF-8");
      assertThat(r.status).as(r.toString()).isEqualTo(403);
      assertThat(r.body).contains("Content-Type 'text/plain' refused");
    }

    @Test
    void withAuth_preflightNeedsNoCredentials_theRequestItAnnouncesDoes() {
      String store = "sqlite:///" + dir.resolve("cors-auth.db");
      String token;
      try (Storage storage = StorageFactory.open(store)) {
        storage.users().createUser("alice", "alice has a long password".toCharArray());
        token = storage.users().createToken("alice", "notebook", null).token();
      }
      try (TracelightServer s = TracelightServer.start(TracelightServerConfig.builder()
          .setPort(0).setBackendStoreUri(store).setAuth(true)
          .setCorsAllowedOrigins(List.of(ALLOWED_ORIGIN)).build())) {
        RawHttp preflight = RawHttp.send(s.port(), "OPTIONS", "/api/2.0/mlflow/experiments/search",
            "Host: localhost", "Origin: " + ALLOWED_ORIGIN, "Access-Control-Request-Method: GET",
            "Access-Control-Request-Headers: authorization");
        assertThat(preflight.status).as(preflight.toString()).isEqualTo(204);

        RawHttp withToken = get(s, "/api/2.0/mlflow/experiments/search", "Host: localhost",
            "Origin: " + ALLOWED_ORIGIN, "Authorization: Bearer " + token);
        assertThat(withToken.status).isEqualTo(200);
        assertThat(withToken.headers).containsEntry("access-control-allow-origin", ALLOWED_ORIGIN);

        RawHttp without = get(s, "/api/2.0/mlflow/experiments/search", "Host: localhost",
            "Origin: " + ALLOWED_ORIGIN);
        assertThat(without.status).isEqualTo(401);
      }
    }

    private RawHttp preflight(TracelightServer s, String origin) {
      return RawHttp.send(s.port(), "OPTIONS", "/api/2.0/mlflow/experiments/create",
          "Host: " + (s == configured ? "tracelight.internal" : "localhost"),
          "Origin: " + origin, "Access-Control-Request-Method: POST",
          "Access-Control-Request-Headers: authorization, content-type");
    }
  }

  @Nested
  class SecurityHeaders {
    @Test
    void everyResponse_carriesThem_apiResponsesAreNotStored() {
      TestHttp http = new TestHttp(server.url());
      for (String path : new String[] {"/", "/app.js", "/style.css", "/experiments/1",
          "/version", "/health", "/api/2.0/mlflow/experiments/search",
          "/api/2.0/mlflow/no-such-endpoint", "/ajax-api/3.0/mlflow/traces/tr-0"}) {
        TestHttp.Response r = http.get(path);
        var headers = r.raw.headers();
        assertThat(headers.allValues("X-Content-Type-Options")).as(path).containsExactly("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).as(path).contains("DENY");
        assertThat(headers.firstValue("Referrer-Policy")).as(path).contains("no-referrer");
        assertThat(headers.firstValue("Content-Security-Policy")).as(path)
            .contains(dev.tracelight.server.SecurityHeaders.CONTENT_SECURITY_POLICY);
        if (RequestGuard.isApi(path)) {
          assertThat(headers.allValues("Cache-Control")).as(path).containsExactly("no-store");
        } else {
          assertThat(headers.allValues("Cache-Control")).as(path).doesNotContain("no-store");
        }
      }
      RawHttp refused = get(server, "/", "Host: evil.example");
      assertThat(refused.headers).containsEntry("x-frame-options", "DENY")
          .containsKey("content-security-policy");
    }

    @Test
    void contentSecurityPolicy_allowsOnlyThisOrigin_noInlineScript_noFraming() {
      String csp = dev.tracelight.server.SecurityHeaders.CONTENT_SECURITY_POLICY;
      assertThat(csp).contains("default-src 'self'", "script-src 'self';",
          "frame-ancestors 'none'", "object-src 'none'").doesNotContain("unsafe");
    }
  }
}
