package dev.tracelight.server;

import static dev.tracelight.server.OtlpTestRequests.string;
import static dev.tracelight.server.UiTestData.createExperiment;
import static dev.tracelight.server.UiTestData.exportSpans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelight.testkit.HeadlessChromium;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;

/**
 * The trace page in headless Chromium: header values, editable tags, the span tree (nesting, type
 * icons, errors, keyboard), the timeline, {@code span=} deep links, and a 10,000-span trace that
 * keeps only the rows in view in the DOM.
 */
class TracePageBrowserIT {
  static final String ROOT = "0000000000000a01";
  static final String CHAT = "0000000000000a02";
  static final String TOOL = "0000000000000a03";
  static final String FETCH = "0000000000000a04";
  static final String PARSE = "0000000000000a05";
  static final int BIG = 10_000;

  @RegisterExtension static final UiSession ui = new UiSession();
  static TracelightServer server;
  static TestHttp http;
  static HeadlessChromium chromium;
  static String traceId;
  static String bigTraceId;
  static String lastBigSpanId;

  @BeforeAll
  static void start() throws IOException {
    server = ui.server();
    http = ui.http();
    chromium = ui.chromium();
    String experimentId = createExperiment(http, "trace-page");

    TracePageData shop = new TracePageData();
    traceId = shop.mlflowTraceId();
    exportSpans(http, experimentId, OtlpTestRequests.request(
        shop.span(ROOT, null, "agent", "AGENT", 0, 1000).build(),
        shop.span(CHAT, ROOT, "Messages.create", "CHAT_MODEL", 100, 500)
            .addAttributes(string("mlflow.chat.tokenUsage", "{\"input_tokens\":12,"
                + "\"output_tokens\":30,\"total_tokens\":42}")).build(),
        shop.span(TOOL, ROOT, "lookup_order", "TOOL", 600, 200).build(),
        shop.span(FETCH, TOOL, "fetch", "RETRIEVER", 650, 100).build(),
        shop.span(PARSE, ROOT, "parse", "PARSER", 800, 100)
            .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR)
                .setMessage("bad json")).build()));
    ObjectNode metadata = MlflowJson.MAPPER.createObjectNode()
        .put("mlflow.trace.tokenUsage", "{\"input_tokens\":12,\"output_tokens\":30,"
            + "\"total_tokens\":42,\"cache_read_input_tokens\":5,"
            + "\"cache_creation_input_tokens\":3}")
        .put("mlflow.trace.cost",
            "{\"input_cost\": 0.003, \"output_cost\": 0.015, \"total_cost\": 0.018}")
        .put("mlflow.trace.user", "alice")
        .put("mlflow.trace.session", "session-7");
    shop.startTrace(http, experimentId, "shop assistant", 1000, metadata,
        MlflowJson.MAPPER.createObjectNode().put("env", "prod"));

    TracePageData big = new TracePageData();
    bigTraceId = big.mlflowTraceId();
    String bigRoot = TracePageData.newSpanId();
    List<Span> spans = new ArrayList<>();
    spans.add(big.span(bigRoot, null, "big root", "CHAIN", 0, BIG).build());
    for (int i = 1; i < BIG; i++) {
      String id = TracePageData.newSpanId();
      lastBigSpanId = id;
      spans.add(big.span(id, bigRoot, String.format("step %04d", i), "TOOL", i, 1).build());
    }
    for (int from = 0; from < BIG; from += 2_500) { // a few OTLP requests, as a batching client
      exportSpans(http, experimentId, OtlpTestRequests.request(
          spans.subList(from, from + 2_500).toArray(Span[]::new)));
    }
  }

  @Test
  void header_showsStatusTokensWithCacheCostUserAndSession() {
    openTrace(traceId, "");
    Map<String, String> header = header();
    assertThat(header).containsEntry("Trace ID", traceId)
        .containsEntry("Status", "OK")
        .containsEntry("Duration", "1.00 s")
        .containsEntry("Tokens", "42 total · input 12 · output 30 · cache read 5 · cache write 3")
        .containsEntry("Cost", "$0.0180 (input $0.0030 · output $0.0150)")
        .containsEntry("User", "alice")
        .containsEntry("Session", "session-7");
    assertThat(header.get("Started")).isNotBlank();
    assertThat(chromium.driver.findElement(By.cssSelector(".trace-title")).getText())
        .isEqualTo("shop assistant");
    chromium.driver.findElement(By.cssSelector("details.metadata summary")).click();
    assertThat(chromium.visible(By.cssSelector("details.metadata dl")).getText())
        .contains("mlflow.trace.session").contains("session-7");
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  @Test
  void tags_addChangeDelete_persistAcrossReloads_mlflowTagsReadOnly() {
    openTrace(traceId, "");
    assertThat(chromium.driver.findElement(tagBy("mlflow.traceName")).isDisplayed())
        .as("system tags start folded").isFalse();
    WebElement systemTags = chromium.visible(By.cssSelector("button.system-toggle"));
    assertThat(systemTags.getText()).startsWith("System tags (");
    systemTags.click();
    assertThat(systemTags.getAttribute("aria-expanded")).isEqualTo("true");
    assertThat(tag("mlflow.traceName").findElements(By.tagName("button")))
        .as("mlflow.* tags are read-only").isEmpty();

    chromium.driver.findElement(By.cssSelector("input[aria-label='New tag key']"))
        .sendKeys("topic");
    chromium.driver.findElement(By.cssSelector("input[aria-label='New tag value']"))
        .sendKeys("billing");
    chromium.driver.findElement(By.xpath("//button[.='Add tag']")).click();
    chromium.await("the new tag", d -> tagValue("topic").equals("billing"));
    openTrace(traceId, "");
    assertThat(tagValue("topic")).isEqualTo("billing");
    assertThat(TracePageData.traceInfo(http, traceId).get("tags").get("topic").asText())
        .isEqualTo("billing");

    tag("topic").findElement(By.cssSelector("button[aria-label='Edit tag topic']")).click();
    WebElement value = chromium.visible(By.cssSelector("input[aria-label='Value of topic']"));
    value.clear();
    value.sendKeys("refunds");
    tag("topic").findElement(By.xpath(".//button[.='Save']")).click();
    chromium.await("the changed tag", d -> tagValue("topic").equals("refunds"));
    tag("env").findElement(By.cssSelector("button[aria-label='Delete tag env']")).click();
    chromium.await("the deleted tag", d -> d.findElements(tagBy("env")).isEmpty());

    openTrace(traceId, "");
    assertThat(tagValue("topic")).isEqualTo("refunds");
    assertThat(chromium.driver.findElements(tagBy("env"))).isEmpty();
    assertThat(TracePageData.traceInfo(http, traceId).get("tags").has("env")).isFalse();
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  @Test
  void tree_nestsSpansWithTypeIconsDurationsTokensAndErrors() {
    openTrace(traceId, "");
    assertThat(chromium.driver.findElement(By.cssSelector("[aria-label='Span tree'] h2"))
        .getText()).isEqualTo("Spans (5)");
    List<WebElement> rows = rows();
    assertThat(rows).extracting(r -> r.findElement(By.className("name")).getText())
        .containsExactly("agent", "Messages.create", "lookup_order", "fetch", "parse");
    assertThat(rows).extracting(r -> r.getAttribute("aria-level"))
        .containsExactly("1", "2", "2", "3", "2");
    assertThat(rows).extracting(r -> r.getAttribute("aria-expanded"))
        .containsExactly("true", null, "true", null, null);
    assertThat(rows).extracting(r -> r.findElement(By.cssSelector("svg.type-icon"))
            .getAttribute("aria-label"))
        .containsExactly("AGENT", "CHAT_MODEL", "TOOL", "RETRIEVER", "PARSER");
    assertThat(rows.get(1).findElement(By.className("tokens")).getText()).isEqualTo("42 tok");
    assertThat(rows.get(1).findElement(By.className("duration")).getText()).isEqualTo("500 ms");
    assertThat(rows.get(4).getAttribute("class")).contains("error");
    assertThat(rows.get(4).getText()).contains("error");
    assertThat(rows.get(3).findElement(By.className("name")).getRect().getX())
        .isGreaterThan(rows.get(2).findElement(By.className("name")).getRect().getX());
    assertThat(chromium.driver.findElement(By.cssSelector("[role=tree]"))
        .getAttribute("aria-label")).isEqualTo("Spans");
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  @Test
  void timeline_barsStartAtTheSpanAndAreAsWideAsItLasts() {
    openTrace(traceId, "");
    List<WebElement> rows = rows();
    Rectangle root = bar(rows.get(0));
    Rectangle chat = bar(rows.get(1));
    Rectangle tool = bar(rows.get(2));
    Rectangle fetch = bar(rows.get(3));
    assertThat(chat.getX()).as("the child starts right of its parent").isGreaterThan(root.getX());
    assertThat(fetch.getX()).isGreaterThan(tool.getX());
    assertThat((double) chat.getWidth() / root.getWidth()).isCloseTo(0.5, within(0.02));
    assertThat((double) tool.getWidth() / root.getWidth()).isCloseTo(0.2, within(0.02));
    assertThat((double) (tool.getX() - root.getX()) / root.getWidth())
        .isCloseTo(0.6, within(0.02));
    assertThat(chromium.driver.findElement(By.cssSelector(".time-axis")).getText())
        .contains("0 ms").contains("500 ms").contains("1.00 s");
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  @Test
  void keyboard_arrowsHomeEnd_moveSelection_leftRightCollapseAndExpand() {
    openTrace(traceId, "");
    selectRow("agent");
    press(Keys.ARROW_DOWN);
    awaitSelected("Messages.create");
    press(Keys.ARROW_DOWN);
    awaitSelected("lookup_order");
    press(Keys.ARROW_LEFT); // collapses lookup_order
    chromium.await("lookup_order collapsed", d -> !names().contains("fetch"));
    assertThat(row("lookup_order").getAttribute("aria-expanded")).isEqualTo("false");
    press(Keys.ARROW_DOWN);
    awaitSelected("parse");
    press(Keys.ARROW_UP);
    awaitSelected("lookup_order");
    press(Keys.ARROW_RIGHT); // expands it again
    chromium.await("lookup_order expanded", d -> names().contains("fetch"));
    press(Keys.ARROW_RIGHT); // moves to its first child
    awaitSelected("fetch");
    press(Keys.ARROW_LEFT); // a leaf: moves to its parent
    awaitSelected("lookup_order");
    press(Keys.END);
    awaitSelected("parse");
    press(Keys.HOME);
    awaitSelected("agent");
    assertThat(chromium.driver.getCurrentUrl()).endsWith("span=" + ROOT);
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  @Test
  void spanParam_deepLink_selectsThatSpan_andSelectingKeepsThePage() {
    openTrace(traceId, "?span=" + FETCH);
    awaitSelected("fetch");
    assertThat(selectedHeading()).isEqualTo("fetch");

    chromium.script("window.__samePage = true");
    selectRow("Messages.create");
    assertThat(chromium.driver.getCurrentUrl()).endsWith("span=" + CHAT);
    assertThat(chromium.script("return window.__samePage")).isEqualTo(true);
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  @Test
  void tenThousandSpans_onlyRowsInViewInTheDom_scrollToEndSelectsTheLast() {
    openTrace(bigTraceId, "");
    assertThat(chromium.driver.findElement(By.cssSelector("[aria-label='Span tree'] h2"))
        .getText()).isEqualTo("Spans (" + BIG + ")");
    assertThat(rows().size()).isBetween(5, 100);
    awaitSelected("big root");

    chromium.script("const s = document.querySelector('.span-scroller');"
        + " s.scrollTop = s.scrollHeight;");
    String last = String.format("step %04d", BIG - 1);
    WebElement lastRow = chromium.await("the last span in view", d -> names().contains(last)
        ? row(last) : null);
    assertThat(rows().size()).isBetween(5, 100);
    lastRow.findElement(By.className("name")).click();
    awaitSelected(last);
    assertThat(chromium.driver.getCurrentUrl()).endsWith("span=" + lastBigSpanId);

    press(Keys.HOME);
    awaitSelected("big root");
    press(Keys.END);
    awaitSelected(last);
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  // --- helpers ---

  private static void openTrace(String id, String query) {
    chromium.open(server.url() + "/#/traces/" + id + query);
    chromium.await("the trace page of " + id, d -> !d.findElements(
        By.cssSelector("[role=treeitem] .name")).isEmpty() && !selectedHeading().isEmpty());
  }

  static List<WebElement> rows() {
    return chromium.driver.findElements(By.cssSelector("[role=tree] [role=treeitem]"));
  }

  static List<String> names() {
    return rows().stream().map(r -> r.findElement(By.className("name")).getText()).toList();
  }

  static WebElement row(String name) {
    return rows().stream().filter(r -> r.findElement(By.className("name")).getText().equals(name))
        .findFirst().orElseThrow(() -> new AssertionError("no row " + name));
  }

  static void selectRow(String name) {
    row(name).click();
    awaitSelected(name);
  }

  /** Waits until {@code name}'s row is selected and its detail shows. */
  static void awaitSelected(String name) {
    chromium.await(name + " selected", d -> names().contains(name)
        && "true".equals(row(name).getAttribute("aria-selected"))
        && name.equals(selectedHeading()));
  }

  static String selectedHeading() {
    List<WebElement> h2 =
        chromium.driver.findElements(By.cssSelector("section[aria-label='Selected span'] h2"));
    return h2.isEmpty() ? "" : h2.get(0).getText();
  }

  static void press(CharSequence key) {
    chromium.driver.switchTo().activeElement().sendKeys(key);
  }

  private static Rectangle bar(WebElement row) {
    return row.findElement(By.className("bar")).getRect();
  }

  private static By tagBy(String key) {
    return By.cssSelector(".tags li[data-key='" + key + "']");
  }

  private static WebElement tag(String key) {
    return chromium.visible(tagBy(key));
  }

  private static String tagValue(String key) {
    List<WebElement> found = chromium.driver.findElements(tagBy(key));
    return found.isEmpty() ? "" : found.get(0).findElements(By.className("tag-value")).stream()
        .map(WebElement::getText).findFirst().orElse("");
  }

  private static Map<String, String> header() {
    List<WebElement> terms =
        chromium.driver.findElements(By.cssSelector(".trace-header > dl.header > dt"));
    List<WebElement> definitions =
        chromium.driver.findElements(By.cssSelector(".trace-header > dl.header > dd"));
    Map<String, String> result = new LinkedHashMap<>();
    for (int i = 0; i < terms.size(); i++) {
      result.put(terms.get(i).getText(), definitions.get(i).getText());
    }
    return result;
  }
}
