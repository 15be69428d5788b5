package dev.tracelight.server;

import static dev.tracelight.server.UiTestData.createExperiment;
import static dev.tracelight.server.UiTestData.exportSpans;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelight.testkit.HeadlessChromium;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;

/**
 * Every page, in the light and the dark theme, passes {@link AccessibilityProbe}: labelled
 * controls, named buttons and links, unique ids, and WCAG AA text contrast — with real content on
 * screen: a tool-calling chat, an error with its stack trace, tags, cost, feedback and charts.
 */
class AccessibilityBrowserIT {
  @RegisterExtension static final UiSession ui = new UiSession();
  static TestHttp http;
  static HeadlessChromium chromium;
  static String experimentId;
  static String chatTraceId;
  static String chatSpanId;
  static String failedTraceId;

  @BeforeAll
  static void start() {
    http = ui.http();
    chromium = ui.chromium();
    experimentId = createExperiment(http, "accessibility");

    TracePageData chat = new TracePageData();
    chatTraceId = chat.mlflowTraceId();
    String root = TracePageData.newSpanId();
    Span.Builder agent = chat.span(root, null, "weather_agent", "AGENT", 0, 1200);
    Span conversation = ChatSpans.anthropicToolConversation(chat.traceId)
        .setParentSpanId(agent.getSpanId()).build();
    chatSpanId = HexFormat.of().formatHex(conversation.getSpanId().toByteArray());
    exportSpans(http, experimentId, OtlpTestRequests.request(agent.build(), conversation));
    ObjectNode metadata = MlflowJson.MAPPER.createObjectNode()
        .put("mlflow.trace.user", "alice").put("mlflow.trace.session", "s-1")
        .put("mlflow.trace.cost", "{\"input_cost\":0.001,\"output_cost\":0.002,"
            + "\"total_cost\":0.003}");
    chat.startTrace(http, experimentId, "weather_agent", 1200, metadata,
        MlflowJson.MAPPER.createObjectNode().put("env", "prod"));
    TraceTableData.feedback(http, chatTraceId, "user_feedback", true, "Clear answer");

    TracePageData failed = new TracePageData();
    failedTraceId = failed.mlflowTraceId();
    exportSpans(http, experimentId, OtlpTestRequests.request(
        ChatSpans.failedWithException(failed.traceId).build()));
    TraceTableData.trace(experimentId, "recent").state("ERROR").send(http);
  }

  @ParameterizedTest
  @ValueSource(strings = {"light", "dark"})
  void experimentsAndTracesTable(String theme) {
    check(theme, "/#/", "accessibility");
    check(theme, "/#/experiments/" + experimentId, "weather_agent");
    check(theme, "/#/experiments/" + experimentId + "?trace=" + chatTraceId, "Messages.create");
  }

  @ParameterizedTest
  @ValueSource(strings = {"light", "dark"})
  void tracePage_chatInputsAttributesAndFeedback(String theme) {
    check(theme, "/#/traces/" + chatTraceId + "?span=" + chatSpanId, "get_weather");
    for (String tab : new String[] {"Inputs / Outputs", "Attributes"}) {
      chromium.driver.findElements(By.cssSelector("section[aria-label='Selected span'] "
          + "[role=tab]")).stream().filter(t -> t.getText().equals(tab)).findFirst()
          .orElseThrow().click();
      assertThat(AccessibilityProbe.findings(chromium)).as(theme + ", tab " + tab).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"light", "dark"})
  void failedSpanAndOverview(String theme) {
    check(theme, "/#/traces/" + failedTraceId, "connection reset");
    check(theme, "/#/experiments/" + experimentId + "/overview", "Slowest");
  }

  @Test
  void probe_findsWhatItLooksFor() {
    check("light", "/#/", "accessibility");
    chromium.script("const i = document.createElement('input'); i.id = 'bare';"
        + "const p = document.createElement('p'); p.textContent = 'faint'; p.style.color = '#ccc';"
        + "const b = document.createElement('button');"
        + "document.querySelector('main').append(i, p, b);");
    assertThat(AccessibilityProbe.findings(chromium)).anyMatch(f -> f.startsWith("unlabelled"))
        .anyMatch(f -> f.startsWith("contrast 1.6") && f.contains("faint"))
        .anyMatch(f -> f.startsWith("nameless button"));
  }

  /** Opens {@code path} in {@code theme}, waits for {@code shown}, and runs the probe. */
  private static void check(String theme, String path, String shown) {
    chromium.open(ui.server().url() + "/");
    chromium.script("localStorage.setItem('tracelight.theme', arguments[0])", theme);
    chromium.open(ui.server().url() + path);
    chromium.await(shown + " on " + path,
        d -> d.findElement(By.tagName("main")).getText().contains(shown));
    assertThat(chromium.script("return document.documentElement.dataset.theme"))
        .isEqualTo(theme);
    assertThat(AccessibilityProbe.findings(chromium)).as(theme + " " + path).isEmpty();
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }
}
