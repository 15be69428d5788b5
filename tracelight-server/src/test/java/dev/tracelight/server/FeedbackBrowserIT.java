package dev.tracelight.server;

import static dev.tracelight.server.UiTestData.createExperiment;
import static dev.tracelight.server.UiTestData.exportSpans;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracelight.testkit.HeadlessChromium;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Feedback from the trace page in headless Chromium: thumbs up or down with a comment on the
 * trace and on a span, edited and deleted, each step checked through the REST API.
 */
class FeedbackBrowserIT {
  static final String ROOT = "0000000000000b01";
  static final String CHILD = "0000000000000b02";

  @RegisterExtension static final UiSession ui = new UiSession();
  static TracelightServer server;
  static TestHttp http;
  static HeadlessChromium chromium;
  static String experimentId;

  @BeforeAll
  static void start() throws IOException {
    server = ui.server();
    http = ui.http();
    chromium = ui.chromium();
    experimentId = createExperiment(http, "feedback");
  }

  /** A fresh two-span trace per test, so feedback from one test never shows in another. */
  static String newTrace() {
    TracePageData t = new TracePageData();
    exportSpans(http, experimentId, OtlpTestRequests.request(
        t.span(ROOT, null, "agent", "AGENT", 0, 1000).build(),
        t.span(CHILD, ROOT, "Messages.create", "CHAT_MODEL", 100, 500).build()));
    return t.mlflowTraceId();
  }

  @Test
  void traceFeedback_createEditDelete_persisted() {
    String traceId = newTrace();
    open(traceId, "");
    WebElement panel = panel("Trace feedback");
    assertThat(panel.getText()).contains("No feedback yet.");
    give(panel, "👍 Thumbs up", "Great answer", "Submit feedback");

    JsonNode created = chromium.await("the feedback stored", d -> {
      List<JsonNode> found = feedback(traceId);
      return found.size() == 1 ? found.get(0) : null;
    });
    assertThat(created.get("feedback").get("value").asBoolean()).isTrue();
    assertThat(created.get("rationale").asText()).isEqualTo("Great answer");
    assertThat(created.get("source").get("source_type").asText()).isEqualTo("HUMAN");
    assertThat(created.path("span_id").asText()).isEmpty();
    WebElement item = chromium.visible(itemIn("Trace feedback"));
    assertThat(item.getText()).contains("Thumbs up").contains("Great answer").contains("HUMAN");

    open(traceId, ""); // persisted: shown again after a reload
    item = chromium.visible(itemIn("Trace feedback"));
    item.findElement(By.xpath(".//button[.='Edit']")).click();
    WebElement form = chromium.visible(By.cssSelector(
        "section[aria-label='Trace feedback'] form[aria-label='Edit feedback']"));
    give(form, "👎 Thumbs down", "Wrong order number", "Save");
    chromium.await("the feedback changed", d -> {
      List<JsonNode> found = feedback(traceId);
      return found.size() == 1 && !found.get(0).get("feedback").get("value").asBoolean()
          && found.get(0).get("rationale").asText().equals("Wrong order number");
    });
    chromium.await("the changed feedback shown", d -> d.findElement(itemIn("Trace feedback"))
        .getText().contains("Thumbs down"));

    chromium.driver.findElement(itemIn("Trace feedback"))
        .findElement(By.xpath(".//button[.='Delete']")).click();
    chromium.await("the feedback deleted", d -> feedback(traceId).isEmpty());
    chromium.await("no feedback shown", d -> d.findElements(itemIn("Trace feedback")).isEmpty());
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  @Test
  void spanFeedback_onTheSelectedSpan_createEditDelete_persisted() {
    String traceId = newTrace();
    open(traceId, "?span=" + CHILD);
    chromium.await("the span selected", d -> d.findElement(
        By.cssSelector("section[aria-label='Selected span'] h2")).getText()
        .equals("Messages.create"));
    give(panel("Span feedback"), "👎 Thumbs down", "", "Submit feedback");

    JsonNode created = chromium.await("the span feedback stored", d -> {
      List<JsonNode> found = feedback(traceId);
      return found.size() == 1 ? found.get(0) : null;
    });
    assertThat(created.get("span_id").asText()).isEqualTo(CHILD);
    assertThat(created.get("feedback").get("value").asBoolean()).isFalse();
    assertThat(panel("Trace feedback").getText()).as("not the trace's").contains("No feedback");

    chromium.visible(itemIn("Span feedback")).findElement(By.xpath(".//button[.='Edit']"))
        .click();
    give(chromium.visible(By.cssSelector("section[aria-label='Span feedback'] form")),
        "👍 Thumbs up", "fine after all", "Save");
    chromium.await("the span feedback changed", d -> {
      List<JsonNode> found = feedback(traceId);
      return found.size() == 1 && found.get(0).get("feedback").get("value").asBoolean()
          && found.get(0).get("span_id").asText().equals(CHILD);
    });

    // Another span shows none of it.
    chromium.driver.findElements(By.cssSelector("[role=treeitem]")).get(0).click();
    chromium.await("the root's feedback panel", d -> d.findElement(By.cssSelector(
        "section[aria-label='Span feedback']")).getText().contains("No feedback yet."));
    chromium.driver.findElements(By.cssSelector("[role=treeitem]")).get(1).click();
    chromium.visible(itemIn("Span feedback")).findElement(By.xpath(".//button[.='Delete']"))
        .click();
    chromium.await("the span feedback deleted", d -> feedback(traceId).isEmpty());
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  private static void open(String traceId, String query) {
    chromium.open(server.url() + "/#/traces/" + traceId + query);
    chromium.visible(By.cssSelector("section[aria-label='Span feedback']"));
  }

  private static WebElement panel(String label) {
    return chromium.visible(By.cssSelector("section[aria-label='" + label + "']"));
  }

  private static By itemIn(String label) {
    return By.cssSelector("section[aria-label='" + label + "'] .feedback-item");
  }

  /** Presses the thumb, types the comment (if any) and submits, all inside {@code scope}. */
  private static void give(WebElement scope, String thumb, String comment, String submit) {
    scope.findElement(By.xpath(".//button[.='" + thumb + "']")).click();
    WebElement text = scope.findElement(By.tagName("textarea"));
    text.clear();
    if (!comment.isEmpty()) {
      text.sendKeys(comment);
    }
    scope.findElement(By.xpath(".//button[.='" + submit + "']")).click();
  }

  /** The trace's user_feedback assessments, as GetTraceInfoV3 returns them now. */
  private static List<JsonNode> feedback(String traceId) {
    List<JsonNode> found = new ArrayList<>();
    TracePageData.traceInfo(http, traceId).path("assessments").forEach(a -> {
      if (a.get("assessment_name").asText().equals("user_feedback")) {
        found.add(a);
      }
    });
    return found;
  }
}
