package dev.tracelight.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SpanContentCompressionTest {

  @Test
  void roundTrip_typicalSpans() {
    for (String json : new String[] {TypicalSpans.json1k(), TypicalSpans.json10k()}) {
      byte[] stored = SpanContentCompression.compress(json);
      assertThat(stored[0]).isEqualTo(SpanContentCompression.FORMAT_DEFLATE_DICT_V1);
      assertThat(SpanContentCompression.decompress(stored)).isEqualTo(json);
    }
  }

  @Test
  void roundTrip_unicodeEmptyAndLarge() {
    String[] texts = {"", "{}", "{\"k\":\"héllo ✓ 日本語 \\uD83D\\uDE00 😀\"}",
        "{\"big\":\"" + "abcdefghij".repeat(100_000) + "\"}"};
    for (String text : texts) {
      assertThat(SpanContentCompression.decompress(SpanContentCompression.compress(text)))
          .isEqualTo(text);
    }
  }

  @Test
  void unknownFormatOrCorruptBytes_failLoudly() {
    assertThatThrownBy(() -> SpanContentCompression.decompress(new byte[0]))
        .hasMessageContaining("unknown format");
    assertThatThrownBy(() -> SpanContentCompression.decompress(new byte[] {9, 1, 2}))
        .hasMessageContaining("unknown format 9");
    byte[] stored = SpanContentCompression.compress(TypicalSpans.json1k());
    assertThatThrownBy(() -> SpanContentCompression.decompress(
        Arrays.copyOf(stored, stored.length / 2)))
        .hasMessageContaining("stored span content");
  }

  /** The sizes reported for the change; the kits measure the same on each database. */
  @Test
  void typicalSpans_compressSeveralFold() {
    int small = TypicalSpans.json1k().getBytes(StandardCharsets.UTF_8).length;
    int smallStored = SpanContentCompression.compress(TypicalSpans.json1k()).length;
    int large = TypicalSpans.json10k().getBytes(StandardCharsets.UTF_8).length;
    int largeStored = SpanContentCompression.compress(TypicalSpans.json10k()).length;
    System.out.printf("span content bytes: 1k %d -> %d (%.1fx), 10k %d -> %d (%.1fx)%n",
        small, smallStored, (double) small / smallStored,
        large, largeStored, (double) large / largeStored);
    assertThat(smallStored).isLessThan(small / 2);
    assertThat(largeStored).isLessThan(large / 2);
  }
}
