package dev.tracelight.server;

import static dev.tracelight.server.UiTestData.createExperiment;
import static dev.tracelight.server.UiTestData.exportSpans;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracelight.testkit.HeadlessChromium;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The selected span's detail in a real browser: the chat view for each recorded format, the JSON
 * viewer, attributes, events, and untrusted content kept as text. Spans arrive by OTLP, one trace
 * per case, and are reached through the trace page's tree.
 */
class SpanDetailBrowserIT {
  static final String DETAIL = "section[aria-label='Selected span']";

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
    experimentId = createExperiment(http, "span-detail");
  }

  @Test
  void anthropicToolConversation_rendersAsChat() {
    open(ChatSpans::anthropicToolConversation, "Messages.create");

    assertThat(selectedTab()).isEqualTo("Chat");
    assertThat(text(DETAIL + " .span-meta")).contains("CHAT_MODEL").contains("claude-sonnet-4-5")
        .contains("120 in").contains("30 out").contains("100 cache read").contains("$0.000850");
    assertThat(texts(".chat-msg > .chat-role"))
        .containsExactly("System prompt", "User", "Assistant", "User", "Assistant");
    List<WebElement> turns = chromium.driver.findElements(By.cssSelector(".chat-msg"));
    assertThat(turns.get(0).getText()).contains("You are a weather assistant.");
    assertThat(turns.get(1).getText()).contains("What is the weather in Paris?");
    assertThat(turns.get(4).getText()).contains("It is 18 degrees and sunny in Paris.")
        .contains("Stop reason: end_turn");

    WebElement call = turns.get(2).findElement(By.cssSelector(".chat-tool-use"));
    assertThat(call.findElement(By.className("chat-tool-name")).getText()).isEqualTo("get_weather");
    assertThat(call.getText()).contains("toolu_01").contains("\"city\": \"Paris\"");
    assertThat(call.getCssValue("border-top-width")).as("the tool call is highlighted")
        .isEqualTo("2px");
    WebElement result = turns.get(3).findElement(By.cssSelector(".chat-tool-result"));
    assertThat(result.getText()).contains("Tool result").contains("for get_weather")
        .contains("18 degrees, sunny");
    result.findElement(By.className("chat-link")).click();
    assertThat(chromium.script("return document.activeElement.classList.contains('chat-tool-use')"))
        .as("the result's link goes to its call").isEqualTo(true);

    WebElement image = chromium.visible(By.cssSelector(".chat-thumb"));
    assertThat(image.getAttribute("src")).isEqualTo("data:image/png;base64," + ChatSpans.PNG);
    chromium.await("the thumbnail to decode",
        d -> (Long) chromium.script("return arguments[0].naturalWidth", image) == 1L);
    assertThat(text(".chat-omitted")).contains("image/jpeg").contains("2,000,000 bytes")
        .contains(ChatSpans.SHA);

    WebElement thinking = chromium.driver.findElement(By.cssSelector("details.chat-thinking"));
    WebElement thought = thinking.findElement(By.className("chat-text"));
    assertThat(thought.isDisplayed()).as("thinking starts collapsed").isFalse();
    thinking.findElement(By.tagName("summary")).click();
    assertThat(thought.getText()).isEqualTo("The user wants the weather: call the tool.");

    assertThat(text(".chat-tools")).contains("Tools offered (1)").contains("get_weather")
        .contains("Current weather for a city");
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  @Test
  void genAiConventionSpan_rendersAsChat() {
    open(InstrumentedSpans::anthropicSdkChat, "anthropic.messages.create");

    assertThat(selectedTab()).isEqualTo("Chat");
    assertThat(texts(".chat-msg > .chat-role"))
        .containsExactly("System prompt", "User", "Assistant");
    assertThat(text(".chat-system")).contains("Answer in one sentence.");
    assertThat(text(".chat-user")).contains("What is the weather in Paris?");
    WebElement call = chromium.visible(By.cssSelector(".chat-assistant .chat-tool-use"));
    assertThat(call.getText()).contains("get_weather").contains("\"city\": \"Paris\"");
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  @Test
  void openInferenceSpan_rendersAsChat() {
    open(InstrumentedSpans::openInferenceAnthropic, "Messages");

    assertThat(selectedTab()).isEqualTo("Chat");
    assertThat(texts(".chat-msg > .chat-role")).containsExactly("User", "Assistant");
    assertThat(text(".chat-user")).contains("Summarize the report.");
    assertThat(text(".chat-assistant")).contains("Revenue grew 4%.");
    assertThat(text(".chat-tools")).contains("lookup_report").contains("Finds a report");
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  @Test
  void openLlmetrySpan_rendersAsChat() {
    open(InstrumentedSpans::openLlmetryAnthropic, "anthropic.chat");

    assertThat(selectedTab()).isEqualTo("Chat");
    assertThat(texts(".chat-msg > .chat-role"))
        .containsExactly("System prompt", "User", "Assistant");
    assertThat(text(".chat-system")).contains("You are terse.");
    WebElement call = chromium.visible(By.cssSelector(".chat-assistant .chat-tool-use"));
    assertThat(call.getText()).contains("book_table").contains("\"people\": 2");
    assertThat(text(".chat-tools")).contains("book_table").contains("Books a table");
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  @Test
  void imageWithOtherMediaTypeOrBadPayload_isNotAnImg() {
    open(ChatSpans::badImages, "Messages.create");

    assertThat(chromium.driver.findElements(By.cssSelector("main img"))).isEmpty();
    assertThat(texts(".chat-media")).containsExactly(
        "Image not shown: unsupported media type \"text/html\"",
        "Image not shown: the payload is not base64",
        "Image: http://127.0.0.1:9/tracker.png (not loaded)");
    assertThat(text(".chat-user")).contains("Describe these.");
    assertNoMarkupRan();
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  @Test
  void jsonViewer_searchExpandsMatches_collapses_copies() {
    open(ChatSpans::nestedJson, "ship_order");
    assertThat(selectedTab()).isEqualTo("Inputs / Outputs");
    WebElement inputs = chromium.visible(By.cssSelector(DETAIL + " section.io[aria-label=Inputs]"));
    assertThat(inputs.getText()).contains("\"comment\": \"Ship to LYON\"")
        .as("four levels deep starts collapsed").doesNotContain("\"city\"");

    inputs.findElement(By.cssSelector("input[type=search]")).sendKeys("lyon");
    WebElement city = inputs.findElements(By.cssSelector(".jv-string")).stream()
        .filter(e -> "\"Lyon\"".equals(e.getAttribute("textContent"))).findFirst().orElseThrow();
    assertThat(inputs.findElement(By.className("jv-count")).getText()).isEqualTo("3 matches");
    assertThat(city.isDisplayed()).as("a match's ancestors are expanded").isTrue();
    assertThat(inputs.findElements(By.cssSelector("mark"))).extracting(WebElement::getText)
        .containsExactly("Lyon", "lyon", "LYON");

    WebElement orderToggle = inputs.findElement(By.cssSelector(".jv-children .jv-toggle"));
    assertThat(orderToggle.getAttribute("aria-expanded")).isEqualTo("true");
    orderToggle.click();
    assertThat(orderToggle.getAttribute("aria-expanded")).isEqualTo("false");
    assertThat(city.isDisplayed()).isFalse();
    orderToggle.sendKeys(Keys.ENTER);
    assertThat(city.isDisplayed()).isTrue();

    WebElement more = inputs.findElement(By.className("jv-more"));
    assertThat(inputs.getText()).doesNotContain("tail-marker");
    more.click();
    assertThat(inputs.getText()).contains("tail-marker");

    inputs.findElement(By.className("jv-copy")).click();
    chromium.await("the copy to be announced",
        d -> inputs.findElement(By.className("jv-copied")).getText().equals("Copied"));

    tab("Attributes").click();
    assertThat(texts(DETAIL + " table.attributes tbody th"))
        .contains("user.note", "warehouse.config").doesNotContain("mlflow.spanInputs");
    WebElement config = chromium.driver.findElement(By.xpath("//table[contains(@class,"
        + "'attributes')]//tr[th='warehouse.config']/td"));
    assertThat(config.findElements(By.className("jv"))).as("JSON text shown as JSON").hasSize(1);
    assertThat(config.getText()).contains("\"region\": \"eu-west\"").contains("2 items");
    assertThat(chromium.driver.findElement(By.xpath("//table[contains(@class,"
        + "'attributes')]//tr[th='user.note']/td")).getText()).isEqualTo("fragile");
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  @Test
  void jsonViewer_writesCommasAndIndexes() {
    open(ChatSpans::largeArray, "list_items");
    WebElement inputs = chromium.visible(By.cssSelector(DETAIL + " section.io[aria-label=Inputs]"));

    assertThat(inputs.getText().lines().map(String::strip)).containsSubsequence(
        "{", "\"query\": \"report\",", "\"tags\": [", "0: \"a\",", "1: \"b\"", "],",
        "\"items\": [", "0: \"item-0000\",", "1: \"item-0001\",");
    assertThat(inputs.findElement(By.className("jv-index")).getCssValue("user-select"))
        .as("indexes are left out of a text selection").isEqualTo("none");
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  @Test
  void jsonViewer_largeArray_showsChunks_searchFindsPastThem_copyGivesAllAsJson()
      throws IOException {
    open(ChatSpans::largeArray, "list_items");
    WebElement inputs = chromium.visible(By.cssSelector(DETAIL + " section.io[aria-label=Inputs]"));
    assertThat(itemsShown(inputs)).isEqualTo(200);
    assertThat(inputs.getText()).contains("199: \"item-0199\",").doesNotContain("item-0200");

    WebElement next = inputs.findElement(By.className("jv-next"));
    assertThat(next.getText()).isEqualTo("Show 200 more (4,800 not shown)");
    next.click();
    assertThat(itemsShown(inputs)).isEqualTo(400);
    assertThat(next.getText()).isEqualTo("Show 200 more (4,600 not shown)");

    WebElement search = inputs.findElement(By.cssSelector("input[type=search]"));
    search.sendKeys("item");
    assertThat(inputs.findElement(By.className("jv-count")).getText())
        .isEqualTo("5,001 matches, the first 200 opened");
    assertThat(itemsShown(inputs)).as("a common query renders no more").isEqualTo(400);
    search.sendKeys("-4321");
    assertThat(inputs.findElement(By.className("jv-count")).getText()).isEqualTo("1 match");
    WebElement match = inputs.findElement(By.cssSelector("mark"));
    assertThat(match.getText()).isEqualTo("item-4321");
    assertThat(match.findElement(By.xpath("ancestor::div[@class='jv-row']")).getText())
        .isEqualTo("4321: \"item-4321\",");
    assertThat(itemsShown(inputs)).as("the chunks up to the match").isEqualTo(4400);

    // Copy gives the value as JSON, all of it, whatever is rendered.
    chromium.script("navigator.clipboard.writeText = (text) => {"
        + " window.copiedText = text; return Promise.resolve(); }");
    inputs.findElement(By.className("jv-copy")).click();
    chromium.await("the copy to be announced",
        d -> inputs.findElement(By.className("jv-copied")).getText().equals("Copied"));
    JsonNode copied = MlflowJson.MAPPER.readTree((String) chromium.script(
        "return window.copiedText"));
    assertThat(copied.get("items")).hasSize(5000);
    assertThat(copied.get("items").get(4999).asText()).isEqualTo("item-4999");
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  @Test
  void chosenTab_isKeptForTheNextSpan_whenItHasIt() {
    byte[] traceId = InstrumentedSpans.random(16);
    Span chat = ChatSpans.anthropicToolConversation(traceId).build();
    Span tool = ChatSpans.nestedJson(traceId).setParentSpanId(chat.getSpanId()).build();
    exportSpans(http, experimentId, OtlpTestRequests.request(chat, tool));
    chromium.open(server.url() + "/#/traces/tr-" + HexFormat.of().formatHex(traceId));
    select("Messages.create");
    assertThat(selectedTab()).isEqualTo("Chat");

    tab("Attributes").click();
    select("ship_order");
    assertThat(selectedTab()).as("the chosen tab, not the tool's first").isEqualTo("Attributes");
    select("Messages.create");
    assertThat(selectedTab()).isEqualTo("Attributes");

    tab("Chat").click();
    select("ship_order");
    assertThat(selectedTab()).as("no Chat here: the first tab").isEqualTo("Inputs / Outputs");
    select("Messages.create");
    assertThat(selectedTab()).as("the choice stands").isEqualTo("Chat");
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  @Test
  void failedSpan_opensOnEvents_withTheStackTrace() {
    open(ChatSpans::failedWithException, "fetch_weather");

    assertThat(selectedTab()).isEqualTo("Events (1)");
    assertThat(text(DETAIL + " .span-meta")).contains("ERROR: connection reset");
    assertThat(text(".event-exception .exception-title"))
        .isEqualTo("java.io.IOException: connection reset");
    assertThat(chromium.visible(By.cssSelector(".event-exception pre.stacktrace")).getText())
        .contains("at com.example.Weather.fetch(Weather.java:42)");
    // The tabs answer to the arrow keys.
    tab("Events (1)").sendKeys(Keys.ARROW_LEFT);
    assertThat(selectedTab()).isEqualTo("Attributes");
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  @Test
  void hostileContent_staysText_andRunsNoScript() {
    String hostile = WebUiBrowserIT.HOSTILE;
    open(id -> ChatSpans.hostile(id, hostile), "Messages.create");

    assertThat(text(".chat-user")).contains(hostile);
    assertThat(text(".chat-tool-use .chat-tool-name")).isEqualTo(hostile);
    assertThat(text(".chat-tools")).contains(hostile);
    assertThat(text(".chat-tool-result")).contains("Tool error").contains(hostile);
    assertNoMarkupRan();
    tab("Inputs / Outputs").click();
    assertThat(text(DETAIL + " section.io[aria-label=Inputs]")).contains(hostile);
    assertNoMarkupRan();
    tab("Attributes").click();
    assertThat(texts(DETAIL + " table.attributes tbody th")).contains(hostile);
    assertNoMarkupRan();
    tab("Events (1)").click();
    assertThat(text(DETAIL + " .events")).contains(hostile);
    assertNoMarkupRan();
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  /** Sends a one-span trace built by {@code span}, opens its page and selects the span. */
  private static void open(Function<byte[], Span.Builder> span, String name) {
    byte[] traceId = InstrumentedSpans.random(16);
    exportSpans(http, experimentId, OtlpTestRequests.request(span.apply(traceId).build()));
    chromium.open(server.url() + "/#/traces/tr-" + HexFormat.of().formatHex(traceId));
    select(name);
  }

  /** Selects the span {@code name} in the tree and waits for its details. */
  private static void select(String name) {
    chromium.await("the span " + name + " in the tree", d -> d.findElements(
        By.cssSelector("[role=treeitem]")).stream()
        .filter(i -> i.findElement(By.className("name")).getText().equals(name))
        .findFirst().orElse(null)).click();
    chromium.await("the details of " + name, d -> d.findElement(By.cssSelector(DETAIL + " h2"))
        .getText().equals(name));
  }

  /** How many items of the {@code "items"} array the viewer has rendered. */
  private static long itemsShown(WebElement viewer) {
    return (Long) chromium.script("return [...arguments[0].querySelectorAll('.jv-string')]"
        + ".filter((e) => e.textContent.startsWith('\"item-')).length", viewer);
  }

  private static WebElement tab(String name) {
    return chromium.driver.findElements(By.cssSelector(DETAIL + " [role=tab]")).stream()
        .filter(t -> t.getText().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no tab " + name));
  }

  private static String selectedTab() {
    return text(DETAIL + " [role=tab][aria-selected=true]");
  }

  private static String text(String css) {
    return chromium.visible(By.cssSelector(css)).getText();
  }

  private static List<String> texts(String css) {
    return chromium.driver.findElements(By.cssSelector(css)).stream()
        .map(WebElement::getText).toList();
  }

  /** Neither an element nor a handler came from trace data; waits for {@code src=x} to fail. */
  private static void assertNoMarkupRan() {
    assertThat(chromium.script("return document.querySelectorAll('main img, main script').length")).isEqualTo(0L);
    Object xss = chromium.asyncScript("const done = arguments[arguments.length - 1];"
        + "fetch('/x').then((r) => r.text())"
        + ".then(() => setTimeout(() => done(typeof window.__xss), 0));");
    assertThat(xss).as("window.__xss").isEqualTo("undefined");
  }
}
