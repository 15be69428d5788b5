package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
