package dev.tracelight.server;

import static dev.tracelight.server.UiTestData.createExperiment;
import static dev.tracelight.server.UiTestData.exportSpans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelight.testkit.HeadlessChromium;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * Trace content is untrusted everywhere the UI shows it. One experiment whose every text — its
 * name, the trace's name, tags (keys and values), metadata, user and session, previews, span
 * names, prompts, tool names and arguments, a feedback's name and comment — is a script payload,
 * walked page by page: each page must show the payload as literal text, and {@link MarkupProbe}
 * must find no element or handler made from it.
 */
class HostileContentBrowserIT {
  static final String HOSTILE = WebUiBrowserIT.HOSTILE;
  /** Assessment names may not contain '.'; a dialog, if this ever ran, fails the test. */
  static final String HOSTILE_NAME = "<img src=x onerror=alert(1)><script>alert(1)</script>";

  @RegisterExtension static final UiSession ui = new UiSession();
  static TracelightServer server;
  static TestHttp http;
  static HeadlessChromium chromium;
  static String experimentId;
  static String traceId;

  @BeforeAll
  static void start() throws IOException {
    server = ui.server();
    http = ui.http();
    chromium = ui.chromium();
    experimentId = createExperiment(http, "xss " + HOSTILE);

    TracePageData trace = new TracePageData();
    traceId = trace.mlflowTraceId();
    String root = TracePageData.newSpanId();
    Span.Builder agent = trace.span(root, null, HOSTILE, "AGENT", 0, 1200);
    Span.Builder chat = ChatSpans.hostile(trace.traceId, HOSTILE)
        .setParentSpanId(agent.getSpanId());
    exportSpans(http, experimentId, OtlpTestRequests.request(agent.build(), chat.build()));

    ObjectNode metadata = MlflowJson.MAPPER.createObjectNode()
        .put("mlflow.trace.user", HOSTILE).put("mlflow.trace.session", HOSTILE)
        .put(HOSTILE, HOSTILE);
    ObjectNode tags = MlflowJson.MAPPER.createObjectNode().put(HOSTILE, HOSTILE);
    trace.startTrace(http, experimentId, HOSTILE, 1200, metadata, tags);
    TraceTableData.feedback(http, traceId, "user_feedback", false, HOSTILE);
    TraceTableData.feedback(http, traceId, HOSTILE_NAME, HOSTILE, null);
    // A second trace started now, so the overview's default range ranks it.
    TraceTableData.trace(experimentId, HOSTILE).tag(HOSTILE, HOSTILE).request(HOSTILE).send(http);
  }

  @Test
  void experimentsPage() {
    chromium.open(server.url() + "/");
    awaitText("main", "xss " + HOSTILE);
    MarkupProbe.assertNone(chromium);
    assertThat(chromium.takeConsoleErrors()).isEmpty();

    // The probe itself finds what parsing the payload as HTML makes.
    chromium.script("document.body.insertAdjacentHTML('beforeend', arguments[0])", HOSTILE);
    assertThatThrownBy(() -> MarkupProbe.assertNone(chromium)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("<script>").hasMessageContaining("img[onerror]");
  }

  @Test
  void tracesTable_sidePanel_andFilterError() {
    chromium.open(server.url() + "/#/experiments/" + experimentId);
    assertThat(awaitText("main tbody tr", "\uD83D\uDC4E 1")).contains(HOSTILE);
    assertThat(chromium.driver.findElement(By.cssSelector("td.feedback .comment"))
        .getAttribute("aria-label")).isEqualTo("1 comment: " + HOSTILE);
    MarkupProbe.assertNone(chromium);

    // The selected trace in the side panel.
    chromium.driver.findElement(By.cssSelector("main a[href='#/traces/" + traceId + "']"))
        .findElement(By.xpath("ancestor::tr")).findElement(By.cssSelector("td.preview")).click();
    chromium.await("the side panel", d -> d.getCurrentUrl().contains("trace=" + traceId));
    awaitText("main", "Messages.create");
    MarkupProbe.assertNone(chromium);

    // The server's message about a bad filter quotes the filter back.
    chromium.driver.findElement(By.id("trace-filter")).sendKeys(HOSTILE, Keys.ENTER);
    awaitText("#trace-filter-error", HOSTILE);
    MarkupProbe.assertNone(chromium);
    assertThat(chromium.takeConsoleErrors()).allMatch(e -> e.contains("status of 400"));
  }

  @Test
  void tracePage_headerTreeFeedbackAndEveryTab() {
    chromium.open(server.url() + "/#/traces/" + traceId);
    awaitText("[role=tree]", HOSTILE);
    assertThat(text(".trace-header")).contains(HOSTILE); // name, tags, user and session
    assertThat(text("[aria-label='Trace feedback']")).contains(HOSTILE);
    MarkupProbe.assertNone(chromium);

    chromium.driver.findElements(By.cssSelector("[role=treeitem]")).get(1).click();
    awaitText("section[aria-label='Selected span']", HOSTILE);
    List<String> tabs = chromium.driver.findElements(
        By.cssSelector("section[aria-label='Selected span'] [role=tab]")).stream()
        .map(t -> t.getText()).toList();
    assertThat(tabs).hasSizeGreaterThanOrEqualTo(4);
    for (String tab : tabs) {
      chromium.driver.findElements(By.cssSelector("section[aria-label='Selected span'] "
          + "[role=tab]")).stream().filter(t -> t.getText().equals(tab)).findFirst()
          .orElseThrow().click();
      awaitText("section[aria-label='Selected span'] [role=tabpanel]:not([hidden])", HOSTILE);
      MarkupProbe.assertNone(chromium);
    }
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  @Test
  void overview_rankedLists() {
    chromium.open(server.url() + "/#/experiments/" + experimentId + "/overview");
    awaitText(".ranked", HOSTILE);
    MarkupProbe.assertNone(chromium);
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  /** Waits until the first element matching {@code css} shows {@code expected}; its text. */
  private static String awaitText(String css, String expected) {
    return chromium.await("\"" + expected + "\" in " + css, d -> d.findElements(By.cssSelector(css))
        .stream().map(e -> e.getText()).filter(t -> t.contains(expected)).findFirst()
        .orElse(null));
  }

  private static String text(String css) {
    return chromium.driver.findElement(By.cssSelector(css)).getText();
  }
}
