package dev.tracelight.server;

import static dev.tracelight.server.OtlpTestRequests.string;
import static dev.tracelight.server.UiTestData.createExperiment;
import static dev.tracelight.server.UiTestData.exportSpans;
import static dev.tracelight.server.UiTestData.messagesCreateInputs;
import static dev.tracelight.server.UiTestData.messagesCreateOutput;
import static dev.tracelight.server.UiTestData.startTrace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelight.testkit.HeadlessChromium;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The web UI in a real browser: a server on loopback, data sent through its public APIs as a
 * client sends it, and headless Chromium reading it the way a person does.
 */
class WebUiBrowserIT {
  static final String EXPERIMENT = "ui-browser";
  static final String USER_MESSAGE = "What is the capital of France?";
  static final String ANSWER = "The capital of France is Paris.";
  /** Sets {@code window.__xss} if any part of the UI hands it to an HTML parser. */
  static final String HOSTILE =
      "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=1</script>";
  static final String HOSTILE_EXPERIMENT = "hostile " + HOSTILE;
  static final String TOKENS = "Tokens (in / out / total)";

  @RegisterExtension static final UiSession ui = new UiSession();
  static TracelightServer server;
  static TestHttp http;
  static HeadlessChromium chromium;
  static String experimentId;
  static String traceId;
  static String hostileExperimentId;
  static String hostileTraceId;

  @BeforeAll
  static void start() throws IOException {
    server = ui.server();
    http = ui.http();
    chromium = ui.chromium();

    experimentId = createExperiment(http, EXPERIMENT);
    OtlpTestRequests otlp = new OtlpTestRequests();
    traceId = otlp.mlflowTraceId();
    exportSpans(http, experimentId, OtlpTestRequests.request(otlp.root().build(), otlp.child()
        .addAttributes(string("mlflow.spanInputs", messagesCreateInputs(USER_MESSAGE)))
        .addAttributes(string("mlflow.spanOutputs", messagesCreateOutput(ANSWER)))
        .build()));
    startTrace(http, experimentId, traceId, "agent", "{\"question\":\"Hi\"}");

    hostileExperimentId = createExperiment(http, HOSTILE_EXPERIMENT);
    OtlpTestRequests hostile = new OtlpTestRequests();
    hostileTraceId = hostile.mlflowTraceId();
    exportSpans(http, hostileExperimentId, OtlpTestRequests.request(
        hostile.root().setName(HOSTILE).build(),
        hostile.child()
            .addAttributes(string("mlflow.spanInputs", messagesCreateInputs(HOSTILE)))
            .addAttributes(string("mlflow.spanOutputs", messagesCreateOutput(HOSTILE)))
            .build()));
    startTrace(http, hostileExperimentId, hostileTraceId, HOSTILE, messagesCreateInputs(HOSTILE));
  }

  @Test
  void experimentList_clickExperiment_tracesTableShowsTheTrace() {
    chromium.open(server.url() + "/");
    WebElement experiment = chromium.visible(experimentLink(experimentId));
    assertThat(experiment.getText()).isEqualTo(EXPERIMENT);

    experiment.click();
    Map<String, String> row = traceRow(traceId);
    assertThat(chromium.visible(By.tagName("h1")).getText()).isEqualTo(EXPERIMENT);
    assertThat(row.get("Time")).isNotBlank();
    assertThat(row).containsEntry("Name", "agent")
        .containsEntry("Request", "{\"question\":\"Hi\"}")
        .containsEntry(TOKENS, "12 / 30 / 42")
        .containsEntry("Latency", "1.53 s")
        .containsEntry("Status", "OK");
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  @Test
  void traceRow_click_showsHeaderSpanTreeAndSelectedSpan() {
    chromium.open(server.url() + "/#/experiments/" + experimentId);
    chromium.visible(traceLink(traceId)).click();

    assertTracePage();
    assertThat(chromium.driver.getCurrentUrl()).contains("#/traces/" + traceId);
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  @Test
  void sharedTraceLink_freshPageLoad_rendersTheTrace() {
    chromium.open(server.url() + "/#/traces/" + traceId);

    assertTracePage();
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  /** Path and bytes over the wire of each module and stylesheet the page loaded. */
  @SuppressWarnings("unchecked")
  private static Map<String, Long> uiResources() {
    List<List<Object>> entries = (List<List<Object>>) chromium.script("return performance"
        + ".getEntriesByType('resource').map((e) => [new URL(e.name).pathname, e.transferSize])"
        + ".filter(([p]) => p.endsWith('.js') || p.endsWith('.css'));");
    Map<String, Long> bytes = new LinkedHashMap<>();
    for (List<Object> e : entries) {
      // A module fetched from two URLs would run twice, with two copies of its state.
      assertThat(bytes.put((String) e.get(0), (Long) e.get(1))).as(e.get(0) + " twice").isNull();
    }
    return bytes;
  }

  @Test
  void pageLoad_fetchesEveryModuleAndStylesheetFromTheFingerprintedPath_thenFromCache() {
    chromium.open(server.url() + "/#/traces/" + traceId);
    assertTracePage();
    assertThat(uiResources().keySet()).hasSizeGreaterThan(30)
        .allSatisfy(p -> assertThat(p).startsWith(WebUiIT.assets()));

    chromium.open(server.url() + "/#/traces/" + traceId);
    assertTracePage();
    // Immutable: the next page load asks the server for none of them, not even a 304.
    assertThat(uiResources()).hasSizeGreaterThan(30)
        .allSatisfy((path, transferred) -> assertThat(transferred).as(path).isZero());
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  @Test
  void hostileContent_showsAsLiteralText_andRunsNoScript() {
    chromium.open(server.url() + "/");
    WebElement experiment = chromium.visible(experimentLink(hostileExperimentId));
    assertThat(experiment.getText()).isEqualTo(HOSTILE_EXPERIMENT);
    assertNoMarkupRan();

    experiment.click();
    Map<String, String> row = traceRow(hostileTraceId);
    assertThat(row.get("Name")).isEqualTo(HOSTILE);
    assertThat(row.get("Request")).contains("<script>window.__xss=1</script>");
    assertNoMarkupRan();

    chromium.visible(traceLink(hostileTraceId)).click();
    chromium.await("the hostile trace's page", d -> d.findElement(By.tagName("h1")).getText()
        .equals(HOSTILE));
    assertThat(spanNames()).containsExactly(HOSTILE, "Messages.create");
    assertThat(selectedSpanHeading()).isEqualTo(HOSTILE);
    select("Messages.create");
    assertThat(block("Inputs")).contains("<img src=x onerror=")
        .contains("<script>window.__xss=1</script>");
    assertThat(block("Outputs")).contains("<script>window.__xss=1</script>");
    assertNoMarkupRan();
    assertThat(chromium.takeConsoleErrors()).isEmpty();

    // The probe itself works: the same text, parsed as HTML on this page, makes the <img>, and
    // only the server's Content-Security-Policy keeps its inline handler from setting the flag.
    chromium.script("document.body.insertAdjacentHTML('beforeend', arguments[0])", HOSTILE);
    assertThat(chromium.script("return document.querySelectorAll('body > img').length"))
        .isEqualTo(1L);
    List<String> refused = chromium.await("the CSP to refuse the probe's onerror handler", d -> {
      List<String> errors = chromium.takeConsoleErrors();
      return errors.isEmpty() ? null : errors;
    });
    assertThat(refused).singleElement().asString()
        .contains("inline event handler violates the following Content Security Policy");
    assertThat(chromium.script("return typeof window.__xss")).isEqualTo("undefined");
  }

  /** The trace page for {@link #traceId}, as the click-through and a shared link both show it. */
  private static void assertTracePage() {
    chromium.await("the trace page of " + traceId,
        d -> d.findElement(By.tagName("h1")).getText().equals("agent"));
    assertThat(header()).containsEntry("Trace ID", traceId)
        .containsEntry("Status", "OK")
        .containsEntry("Duration", "1.53 s")
        .containsEntry("Tokens",
            "42 total · input 12 · output 30 · cache read 0 · cache write 0");

    assertThat(chromium.visible(By.cssSelector("[aria-label='Span tree'] h2")).getText())
        .isEqualTo("Spans (2)");
    assertThat(spanNames()).containsExactly("agent", "Messages.create");
    List<WebElement> items = chromium.driver.findElements(By.cssSelector("[role=treeitem]"));
    assertThat(items).extracting(i -> i.getAttribute("aria-level")).containsExactly("1", "2");
    int rootX = items.get(0).findElement(By.className("name")).getRect().getX();
    int childX = items.get(1).findElement(By.className("name")).getRect().getX();
    assertThat(childX).as("the child span is indented under its parent").isGreaterThan(rootX);
    assertThat(items.get(1).getText()).contains("42 tok");

    // The root is selected first; selecting the model call shows its messages.
    assertThat(selectedSpanHeading()).isEqualTo("agent");
    assertThat(block("Inputs")).contains("\"question\": \"Hi\"");
    select("Messages.create");
    items = chromium.driver.findElements(By.cssSelector("[role=treeitem]")); // rows re-rendered
    assertThat(items.get(1).getAttribute("aria-selected")).isEqualTo("true");
    assertThat(items.get(0).getAttribute("aria-selected")).isEqualTo("false");
    assertThat(block("Inputs")).contains("\"role\": \"user\"").contains(USER_MESSAGE);
    assertThat(block("Outputs")).contains(ANSWER);
  }

  /** Neither an element nor a handler came from trace data; waits for {@code src=x} to fail. */
  private static void assertNoMarkupRan() {
    assertThat(chromium.script("return document.querySelectorAll('main img, main script').length"))
        .isEqualTo(0L);
    // An <img src=x> from the data would have requested /x before this fetch of /x returns.
    Object xss = chromium.asyncScript("const done = arguments[arguments.length - 1];"
        + "fetch('/x').then((r) => r.text())"
        + ".then(() => setTimeout(() => done(typeof window.__xss), 0));");
    assertThat(xss).as("window.__xss").isEqualTo("undefined");
  }

  private static By experimentLink(String id) {
    return By.cssSelector("main a[href='#/experiments/" + id + "']");
  }

  private static By traceLink(String id) {
    return By.cssSelector("main a[href='#/traces/" + id + "']");
  }

  /** The traces table's row linking to {@code id}, as column header to cell text. */
  private static Map<String, String> traceRow(String id) {
    WebElement row = chromium.visible(traceLink(id)).findElement(By.xpath("ancestor::tr"));
    List<WebElement> headers = row.findElements(By.xpath("ancestor::table/thead//th"));
    List<WebElement> cells = row.findElements(By.tagName("td"));
    assertThat(cells).hasSameSizeAs(headers);
    Map<String, String> result = new LinkedHashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      result.put(headers.get(i).getText(), cells.get(i).getText());
    }
    return result;
  }

  /** The trace header's terms and definitions. */
  private static Map<String, String> header() {
    List<WebElement> terms =
        chromium.driver.findElements(By.cssSelector(".trace-header > dl.header > dt"));
    List<WebElement> definitions =
        chromium.driver.findElements(By.cssSelector(".trace-header > dl.header > dd"));
    assertThat(definitions).hasSameSizeAs(terms);
    Map<String, String> result = new LinkedHashMap<>();
    for (int i = 0; i < terms.size(); i++) {
      result.put(terms.get(i).getText(), definitions.get(i).getText());
    }
    return result;
  }

  private static List<String> spanNames() {
    return chromium.driver.findElements(By.cssSelector("[role=tree] [role=treeitem] .name"))
        .stream().map(WebElement::getText).toList();
  }

  /** Clicks the span named {@code name} in the tree and waits for its details. */
  private static void select(String name) {
    chromium.driver.findElements(By.cssSelector("[role=treeitem]")).stream()
        .filter(b -> b.findElement(By.className("name")).getText().equals(name))
        .findFirst().orElseThrow(() -> new AssertionError("no span " + name + " in the tree"))
        .click();
    chromium.await("the details of span " + name, d -> name.equals(selectedSpanHeading()));
  }

  private static String selectedSpanHeading() {
    return chromium.driver.findElement(By.cssSelector("[aria-label='Selected span'] h2"))
        .getText();
  }

  /**
   * The text of the selected span's block titled {@code title} ("Inputs", "Outputs"), shown by
   * the detail's "Inputs / Outputs" tab.
   */
  private static String block(String title) {
    // The tabs come with the span's content, a request after its heading: wait for them.
    chromium.await("the Inputs / Outputs tab", d -> d.findElements(
            By.cssSelector("[aria-label='Selected span'] [role=tab]"))
        .stream().filter(t -> t.getText().equals("Inputs / Outputs")).findFirst().orElse(null))
        .click();
    return chromium.visible(By.cssSelector(
        "[aria-label='Selected span'] section.io[aria-label='" + title + "'] .jv-body")).getText();
  }
}
