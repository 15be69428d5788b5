package dev.tracelight.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceJsonTest {

  @Test
  void decodeAttribute_returnsJsonValues_orTheRawTextWhenNotJson() {
    assertThat(TraceJson.decodeAttribute("{\"a\":[1,true,null]}"))
        .isEqualTo(Map.of("a", java.util.Arrays.asList(1L, true, null)));
    assertThat(TraceJson.decodeAttribute("\"CHAT_MODEL\"")).isEqualTo("CHAT_MODEL");
    assertThat(TraceJson.decodeAttribute("CHAT_MODEL")).isEqualTo("CHAT_MODEL");
    assertThat(TraceJson.decodeAttribute("\"a\" trailing")).isEqualTo("\"a\" trailing");
  }

  @Test
  void looksLikeJson_parsesShortText_andChecksDelimitersOfLongText() {
    assertThat(TraceJson.looksLikeJson("42")).isTrue();
    assertThat(TraceJson.looksLikeJson("\"x\"")).isTrue();
    assertThat(TraceJson.looksLikeJson("plain words")).isFalse();
    assertThat(TraceJson.looksLikeJson("")).isFalse();
    String longObject = TraceJson.encode(Map.of("text", "y".repeat(500)));
    assertThat(TraceJson.looksLikeJson(longObject)).isTrue();
    assertThat(TraceJson.looksLikeJson("a long sentence that is not JSON at all, " + "z".repeat(80)))
        .isFalse();
  }

  @Test
  void quote_escapesLikeJackson() throws Exception {
    for (String text : List.of("plain", "quote \" and \\ backslash", "line\nbreak\ttab\r",
        "control \u0001\u001f", "unicode é 日本 😀", "")) {
      assertThat(TraceJson.quote(text)).isEqualTo(TraceJson.MAPPER.writeValueAsString(text));
      assertThat(TraceJson.decodeAttribute(TraceJson.quote(text))).isEqualTo(text);
    }
  }

  @Test
  void utf8Length_countsBytesWithoutEncoding() {
    for (String text : List.of("ascii", "é", "日本", "😀", "mixed é 日 😀 a", "")) {
      assertThat(TraceFactory.utf8Length(text))
          .isEqualTo(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }
  }

  @Test
  void looksLikeJson_acceptsEncodedValues_andRejectsPlainText() {
    assertThat(TraceJson.looksLikeJson("\"CHAT_MODEL\"")).isTrue();
    assertThat(TraceJson.looksLikeJson("true")).isTrue();
    assertThat(TraceJson.looksLikeJson("-12.5")).isTrue();
    assertThat(TraceJson.looksLikeJson("12 apples")).isFalse();
    assertThat(TraceJson.looksLikeJson("\"unterminated \\\"")).isFalse();
    assertThat(TraceJson.looksLikeJson("CHAT_MODEL")).isFalse();
  }

  @Test
  void encode_neverThrows() {
    Object cyclic = new Object() {
      @SuppressWarnings("unused")
      public Object getMe() {
        return this;
      }
    };
    assertThat(TraceJson.encode(cyclic)).startsWith("\"");
    assertThat(TraceJson.encode(List.of(1, "a"))).isEqualTo("[1,\"a\"]");
  }
}
