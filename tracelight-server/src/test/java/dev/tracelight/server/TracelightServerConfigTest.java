package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TracelightServerConfigTest {

  @Test
  void builder_withoutSetters_usesDocumentedDefaults() {
    TracelightServerConfig config = TracelightServerConfig.builder().build();

    assertThat(config.host()).isEqualTo(TracelightServerConfig.DEFAULT_HOST);
    assertThat(config.port()).isEqualTo(TracelightServerConfig.DEFAULT_PORT);
    assertThat(config.backendStoreUri())
        .isEqualTo(TracelightServerConfig.DEFAULT_BACKEND_STORE_URI);
    assertThat(config.maxRequestBytes())
        .isEqualTo(TracelightServerConfig.DEFAULT_MAX_REQUEST_BYTES);
  }

  @Test
  void setters_setEachValue() {
    TracelightServerConfig config = TracelightServerConfig.builder().setHost("0.0.0.0").setPort(0)
        .setBackendStoreUri("sqlite:///x.db").setMaxRequestBytes(10).build();

    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(config.port()).isZero();
    assertThat(config.backendStoreUri()).isEqualTo("sqlite:///x.db");
    assertThat(config.maxRequestBytes()).isEqualTo(10);
  }

  @Test
  void badValues_throwAtTheSetter() {
    TracelightServerConfig.Builder b = TracelightServerConfig.builder();
    assertThatThrownBy(() -> b.setPort(65536)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.setPort(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.setHost(null)).hasMessage("host");
    assertThatThrownBy(() -> b.setHost(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.setBackendStoreUri(null)).hasMessage("backendStoreUri");
    assertThatThrownBy(() -> b.setBackendStoreUri("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.setMaxRequestBytes(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void securityOptions_offAndEmptyByDefault_setAndValidated() {
    TracelightServerConfig defaults = TracelightServerConfig.builder().build();
    assertThat(defaults.auth()).isFalse();
    assertThat(defaults.authExemptArtifacts()).isFalse();
    assertThat(defaults.allowedHosts()).isEmpty();
    assertThat(defaults.corsAllowedOrigins()).isEmpty();

    TracelightServerConfig config = TracelightServerConfig.builder().setAuth(true)
        .setAuthExemptArtifacts(true).setAllowedHosts(List.of(" tracelight.lan ", "*"))
        .setCorsAllowedOrigins(List.of("https://app.example:8443")).build();
    assertThat(config.auth()).isTrue();
    assertThat(config.authExemptArtifacts()).isTrue();
    assertThat(config.allowedHosts()).containsExactly("tracelight.lan", "*");
    assertThat(config.corsAllowedOrigins()).containsExactly("https://app.example:8443");

    TracelightServerConfig.Builder b = TracelightServerConfig.builder();
    assertThatThrownBy(() -> b.setAllowedHosts(List.of("")))
        .isInstanceOf(IllegalArgumentException.class);
    for (String bad : new String[] {"app.example", "https://app.example/path", "ftp://x",
        "https://u@x"}) {
      assertThatThrownBy(() -> b.setCorsAllowedOrigins(List.of(bad))).as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
