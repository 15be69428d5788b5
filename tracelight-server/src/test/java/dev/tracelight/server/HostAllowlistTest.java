package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostAllowlistTest {

  @Test
  void defaults_loopbackNamesAndTheBoundHost_anyPort() {
    HostAllowlist hosts = HostAllowlist.create(List.of(), "tracelight.lan");

    assertThat(hosts.entries()).containsExactly("localhost", "127.0.0.1", "[::1]",
        "tracelight.lan");
    assertThat(hosts.allows("tracelight.lan:5000")).isTrue();
    assertThat(hosts.allows("[0:0:0:0:0:0:0:1]:5000")).as("another spelling of ::1").isTrue();
    assertThat(hosts.allows("evil.example")).isFalse();
    assertThat(hosts.allows(null)).isFalse();
  }

  @Test
  void boundToEveryInterface_defaultsAddTheMachinesOwnAddresses() {
    HostAllowlist hosts = HostAllowlist.create(List.of(), "0.0.0.0");

    assertThat(hosts.entries()).contains("localhost", "127.0.0.1", "[::1]")
        .doesNotContain("0.0.0.0", "*");
    assertThat(hosts.allows("evil.example:5000")).isFalse();
  }

  @Test
  void entries_namesPortsIpv6AndSubdomainPatterns() {
    HostAllowlist hosts = HostAllowlist.create(
        List.of("Tracelight.Example:8443", "::1", "*.corp.example", "192.168.1.10"), "127.0.0.1");

    assertThat(hosts.allows("tracelight.example:8443")).isTrue();
    assertThat(hosts.allows("tracelight.example")).as("port given, port required").isFalse();
    assertThat(hosts.allows("[::1]:80")).isTrue();
    assertThat(hosts.allows("x.corp.example")).isTrue();
    assertThat(hosts.allows("corp.example")).isFalse();
    assertThat(hosts.allows("xcorp.example")).isFalse();
    assertThat(hosts.allows("192.168.1.10:5000")).isTrue();
    assertThat(hosts.allows("localhost")).as("configured entries replace the defaults").isFalse();
    assertThat(hosts.allows("192.168.1.10:99999")).isFalse();
  }
}
