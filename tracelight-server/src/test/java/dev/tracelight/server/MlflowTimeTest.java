package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MlflowTimeTest {

  @Test
  void timestamp_alwaysUtcWithMillis() {
    assertThat(MlflowTime.formatTimestamp(1_750_000_000_000L)).isEqualTo("2025-06-15T15:06:40.000Z");
    assertThat(MlflowTime.parseTimestamp("2025-06-15T14:07:41.282Z")).isEqualTo(1_749_996_461_282L);
    assertThat(MlflowTime.parseTimestamp("2025-06-15T16:07:41.282123+02:00"))
        .isEqualTo(1_749_996_461_282L);
  }

  @Test
  void duration_secondsWithMillisFraction() {
    assertThat(MlflowTime.formatDuration(1532)).isEqualTo("1.532s");
    assertThat(MlflowTime.formatDuration(23)).isEqualTo("0.023s");
    assertThat(MlflowTime.formatDuration(2000)).isEqualTo("2s");
    assertThat(MlflowTime.parseDuration("1.532s")).isEqualTo(1532);
    assertThat(MlflowTime.parseDuration("0.000500001s")).isEqualTo(1);
    assertThat(MlflowTime.parseDuration("3s")).isEqualTo(3000);
  }

  @Test
  void malformed_rejected() {
    assertThatThrownBy(() -> MlflowTime.parseDuration("soon")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MlflowTime.parseDuration("-1s")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MlflowTime.parseTimestamp("yesterday"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
