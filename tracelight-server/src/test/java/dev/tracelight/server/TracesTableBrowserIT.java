package dev.tracelight.server;

import static dev.tracelight.server.TraceTableData.feedback;
import static dev.tracelight.server.TraceTableData.trace;
import static dev.tracelight.server.UiTestData.createExperiment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelight.testkit.HeadlessChromium;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An experiment's traces table in a real browser: its columns, sorting, paging, the filter bar
 * and its quick filters, the URL as the view's state, deleting, live updates and the side panel.
 * Each behaviour has its own experiment, so the tests do not see each other's traces.
 */
class TracesTableBrowserIT {
  static final Instant NOW = Instant.now();

  @RegisterExtension static final UiSession ui = new UiSession();
  static TracelightServer server;
  static TestHttp http;
  static HeadlessChromium chromium;
  static String columns;
  static String richTraceId;
  static String sorting;
  static String paging;
  static String quick;

  @BeforeAll
  static void start() throws IOException {
    server = ui.server();
    http = ui.http();
    chromium = ui.chromium();

    columns = createExperiment(http, "table-columns");
    richTraceId = trace(columns, "rich")
        .request("{\"question\":\"" + "long question ".repeat(20) + "\"}")
        .metadata("mlflow.trace.tokenUsage", "{\"input_tokens\":120,\"output_tokens\":30,"
            + "\"total_tokens\":150,\"cache_read_input_tokens\":80,"
            + "\"cache_creation_input_tokens\":20}")
        .metadata("mlflow.trace.cost",
            "{\"input_cost\": 0.0012, \"output_cost\": 0.0045, \"total_cost\": 0.0057}")
        .metadata("mlflow.trace.user", "alice")
        .metadata("mlflow.trace.session", "session-42")
        .tag("env", "prod").tag("team", "search")
        .send(http);
    feedback(http, richTraceId, "helpful", true, "Great answer");
    feedback(http, richTraceId, "rating", 4, null);

    sorting = createExperiment(http, "table-sorting");
    trace(sorting, "fast").latency(Duration.ofSeconds(1)).at(NOW.minusSeconds(180)).send(http);
    trace(sorting, "slow").latency(Duration.ofSeconds(3)).at(NOW.minusSeconds(120)).send(http);
    trace(sorting, "medium").latency(Duration.ofSeconds(2)).at(NOW.minusSeconds(60)).send(http);

    paging = createExperiment(http, "table-paging");
    for (int i = 0; i < 55; i++) {
      trace(paging, String.format("p-%02d", i)).at(NOW.minusSeconds(1000 - i)).send(http);
    }

    quick = createExperiment(http, "table-quick");
    trace(quick, "ok-a").at(NOW.minusSeconds(60)).send(http);
    trace(quick, "err-b").state("ERROR").at(NOW.minusSeconds(120)).send(http);
    trace(quick, "it's 100% special").at(NOW.minus(Duration.ofDays(3))).send(http);
  }

  @Test
  void columns_showTokensWithCache_cost_userSession_tags_andFeedback() {
    openExperiment(columns, "");
    awaitNames(List.of("rich"));
    Map<String, String> row = row("rich");

    assertThat(row.keySet()).containsExactly("", "Time", "Name", "Request", "Response",
        "Tokens (in / out / total)", "Cost", "Latency", "Status", "User / Session", "Tags",
        "Feedback");
    assertThat(row.get("Request")).startsWith("{\"question\":\"long question").endsWith("…")
        .hasSize(161);
    WebElement request = cell("rich", "Request");
    assertThat(request.getAttribute("title")).endsWith("long question \"}");
    assertThat(row).containsEntry("Response", "{\"answer\":\"Hello from rich\"}")
        .containsEntry("Tokens (in / out / total)", "120 / 30 / 150\ncache 80 read · 20 written")
        .containsEntry("Cost", "$0.0057")
        .containsEntry("Latency", "1.50 s")
        .containsEntry("Status", "OK")
        .containsEntry("User / Session", "alice\nsession-42");
    assertThat(cell("rich", "Cost").getAttribute("title"))
        .isEqualTo("input $0.0012 · output $0.0045");
    assertThat(cell("rich", "Tags").findElements(By.className("chip")))
        .extracting(WebElement::getText).containsExactly("env: prod", "team: search");
    WebElement feedback = cell("rich", "Feedback");
    assertThat(feedback.getText()).contains("👍 1").contains("rating: 4").contains("💬");
    assertThat(feedback.findElement(By.className("comment")).getAttribute("title"))
        .isEqualTo("Great answer");
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  @Test
  void sortByLatency_bothWays_withAriaSortAndTheOrderInTheUrl() {
    openExperiment(sorting, "");
    awaitNames(List.of("medium", "slow", "fast")); // newest first by default
    assertThat(header("Time").getAttribute("aria-sort")).isEqualTo("descending");

    header("Latency").findElement(By.tagName("button")).click();
    awaitNames(List.of("slow", "medium", "fast"));
    assertThat(header("Latency").getAttribute("aria-sort")).isEqualTo("descending");
    assertThat(header("Time").getAttribute("aria-sort")).isEqualTo("none");
    assertThat(chromium.driver.getCurrentUrl()).contains("order=execution_time_ms+DESC");

    header("Latency").findElement(By.tagName("button")).click();
    awaitNames(List.of("fast", "medium", "slow"));
    assertThat(header("Latency").getAttribute("aria-sort")).isEqualTo("ascending");
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  @Test
  void paging_scrollingToTheEnd_loadsTheTracesPastTheFirstPage() {
    openExperiment(paging, "");
    chromium.await("the first page", d -> names().size() == 50);
    assertThat(names().get(0)).isEqualTo("p-54");

    // Scrolling "Load more" into view loads the next page by itself (IntersectionObserver).
    WebElement more = chromium.visible(By.xpath("//button[text()='Load more']"));
    chromium.script("arguments[0].scrollIntoView()", more);
    chromium.await("the second page", d -> names().size() == 55);
    assertThat(names().get(54)).isEqualTo("p-00");
    assertThat(names()).doesNotHaveDuplicates();
    chromium.await("no more pages", d -> d.findElements(
        By.xpath("//button[text()='Load more']")).stream().noneMatch(WebElement::isDisplayed));
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  @Test
  void malformedFilter_showsTheServersMessageInline_andKeepsTheRows() {
    openExperiment(sorting, "");
    awaitNames(List.of("medium", "slow", "fast"));

    WebElement filter = chromium.visible(By.id("trace-filter"));
    filter.sendKeys("trace.status = 'OK' AND tag.env", Keys.ENTER);
    WebElement alert = chromium.visible(By.id("trace-filter-error"));
    chromium.await("the server's message", d -> alert.getText().contains("Invalid filter"));
    assertThat(alert.getAttribute("role")).isEqualTo("alert");
    assertThat(alert.getText()).contains("expected a comparison operator");
    assertThat(filter.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(names()).containsExactly("medium", "slow", "fast");
    assertThat(chromium.takeConsoleErrors()).allMatch(e -> e.contains("status of 400"));
  }

  @Test
  void quickFilters_status_name_range_combineAndRoundTripThroughTheUrl() {
    openExperiment(quick, "");
    awaitNames(List.of("ok-a", "err-b", "it's 100% special"));

    new Select(chromium.visible(By.id("trace-status"))).selectByValue("ERROR");
    awaitNames(List.of("err-b"));
    String link = chromium.driver.getCurrentUrl();
    assertThat(link).contains("status=ERROR");

    new Select(chromium.visible(By.id("trace-status"))).selectByValue("");
    chromium.visible(By.id("trace-name")).sendKeys("100% sp", Keys.ENTER);
    awaitNames(List.of("it's 100% special"));

    chromium.visible(By.xpath("//button[text()='Clear']")).click();
    awaitNames(List.of("ok-a", "err-b", "it's 100% special"));
    new Select(chromium.visible(By.id("trace-range"))).selectByValue("24h");
    awaitNames(List.of("ok-a", "err-b"));
    // Quick filters AND the typed filter.
    chromium.visible(By.id("trace-filter")).sendKeys("trace.status = 'OK'", Keys.ENTER);
    awaitNames(List.of("ok-a"));

    chromium.open(link);
    awaitNames(List.of("err-b"));
    assertThat(new Select(chromium.visible(By.id("trace-status")))
        .getFirstSelectedOption().getText()).isEqualTo("Error");
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  @Test
  void sharedLink_withFilterAndOrder_showsTheSameRows() {
    openExperiment(sorting, "?filter="
        + URLEncoder.encode("trace.execution_time_ms > 1500", StandardCharsets.UTF_8)
        + "&order=" + URLEncoder.encode("execution_time_ms ASC", StandardCharsets.UTF_8));

    awaitNames(List.of("medium", "slow"));
    assertThat(chromium.visible(By.id("trace-filter")).getAttribute("value"))
        .isEqualTo("trace.execution_time_ms > 1500");
    assertThat(header("Latency").getAttribute("aria-sort")).isEqualTo("ascending");
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  @Test
  void deleteTwoSelected_confirmInDialog_goneAfterReloadToo() {
    String experiment = createExperiment(http, "table-delete");
    String d1 = trace(experiment, "d1").at(NOW.minusSeconds(30)).send(http);
    trace(experiment, "d2").at(NOW.minusSeconds(20)).send(http);
    String d3 = trace(experiment, "d3").at(NOW.minusSeconds(10)).send(http);
    openExperiment(experiment, "");
    awaitNames(List.of("d3", "d2", "d1"));

    chromium.visible(By.cssSelector("input[aria-label='Select trace " + d1 + "']")).click();
    chromium.visible(By.cssSelector("input[aria-label='Select trace " + d3 + "']")).click();
    chromium.visible(By.xpath("//button[text()='Delete selected (2)']")).click();
    WebElement dialog = chromium.visible(By.cssSelector("dialog[open]"));
    assertThat(dialog.getText()).contains("Delete 2 selected traces?");
    dialog.findElement(By.xpath(".//button[text()='Delete']")).click();

    awaitNames(List.of("d2"));
    assertThat(chromium.visible(By.cssSelector("[role=status].announcer")).getText())
        .isEqualTo("Deleted 2 traces.");
    chromium.open(server.url() + "/#/experiments/" + experiment);
    awaitNames(List.of("d2"));
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  @Test
  void traceExportedAfterThePageLoaded_appearsWithoutAReload() {
    String experiment = createExperiment(http, "table-live");
    trace(experiment, "first").at(NOW.minusSeconds(60)).send(http);
    openExperiment(experiment, "");
    awaitNames(List.of("first"));

    trace(experiment, "second").at(Instant.now()).send(http);
    awaitNames(List.of("second", "first"));
    assertThat(chromium.driver.findElements(By.cssSelector("tbody tr.fresh"))).hasSize(1);
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  @Test
  void longTraceLoggedAfterNewerOnes_appearsInItsPlaceWithoutAReload() {
    String experiment = createExperiment(http, "table-live-late");
    trace(experiment, "older").at(NOW.minus(Duration.ofMinutes(20))).send(http);
    trace(experiment, "newest").at(NOW.minus(Duration.ofMinutes(1))).send(http);
    openExperiment(experiment, "");
    awaitNames(List.of("newest", "older"));

    // Logged when it ends: it started 10 minutes before the newest row shown.
    trace(experiment, "long").at(NOW.minus(Duration.ofMinutes(11)))
        .latency(Duration.ofMinutes(10)).send(http);
    awaitNames(List.of("newest", "long", "older"));
    assertThat(freshNames()).containsExactly("long");

    openExperiment(experiment, "?order=" + URLEncoder.encode("timestamp_ms ASC",
        StandardCharsets.UTF_8));
    awaitNames(List.of("older", "long", "newest"));
    trace(experiment, "long-2").at(NOW.minus(Duration.ofMinutes(5)))
        .latency(Duration.ofMinutes(4)).send(http);
    awaitNames(List.of("older", "long", "long-2", "newest"));
    assertThat(freshNames()).containsExactly("long-2");
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  @Test
  void liveUpdates_leaveTracesOfPagesNotLoadedYetToThosePages() {
    String experiment = createExperiment(http, "table-live-paged");
    for (int i = 0; i < 55; i++) {
      trace(experiment, String.format("q-%02d", i)).at(NOW.minusSeconds(600 - i)).send(http);
    }
    openExperiment(experiment, "");
    chromium.await("the first page", d -> names().size() == 50);

    trace(experiment, "new").at(Instant.now()).send(http);
    chromium.await("the new trace", d -> names().contains("new"));
    // The poll that found it saw q-00 to q-04 too, which belong to the next page.
    assertThat(names()).hasSize(51).startsWith("new", "q-54").endsWith("q-05");
    assertThat(freshNames()).containsExactly("new");

    chromium.script("arguments[0].scrollIntoView()",
        chromium.visible(By.xpath("//button[text()='Load more']")));
    chromium.await("the second page", d -> names().size() == 56);
    assertThat(names()).endsWith("q-01", "q-00").doesNotHaveDuplicates();
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  @Test
  void rowClick_showsTheTraceInASidePanel_escapeClosesIt_enterReopens() {
    openExperiment(columns, "");
    awaitNames(List.of("rich"));

    cell("rich", "Name").click();
    WebElement panel = chromium.visible(By.cssSelector("aside[aria-label='Selected trace']"));
    // Whatever else the trace view shows, it names the trace and its id.
    chromium.await("the trace in the panel", d -> panel.getText().contains("rich")
        && panel.getText().contains(richTraceId));
    assertThat(chromium.driver.getCurrentUrl()).contains("trace=" + richTraceId);
    WebElement row = cell("rich", "Name").findElement(By.xpath("ancestor::tr"));
    assertThat(row.getAttribute("aria-current")).isEqualTo("true");

    chromium.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    chromium.await("the panel closed", d -> !panel.isDisplayed());
    assertThat(chromium.driver.getCurrentUrl()).doesNotContain("trace=");

    row.sendKeys(Keys.ENTER);
    chromium.await("the panel open again", d -> panel.isDisplayed());
    assertThat(chromium.driver.getCurrentUrl()).contains("trace=" + richTraceId);
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  private static void openExperiment(String id, String query) {
    chromium.open(server.url() + "/#/experiments/" + id + query);
  }

  /** The Name column, top to bottom. */
  private static List<String> names() {
    return chromium.driver.findElements(By.cssSelector("main table.traces tbody tr td:nth-child(3)"))
        .stream().map(WebElement::getText).toList();
  }

  /** The names of the rows live updates added. */
  private static List<String> freshNames() {
    return chromium.driver.findElements(By.cssSelector("main table.traces tbody tr.fresh"))
        .stream().map(tr -> tr.findElements(By.tagName("td")).get(2).getText()).toList();
  }

  private static void awaitNames(List<String> expected) {
    chromium.await("the rows " + expected, d -> names().equals(expected));
  }

  private static WebElement header(String text) {
    return chromium.visible(By.xpath("//table[contains(@class,'traces')]/thead//th[normalize-space(.)='"
        + text + "']"));
  }

  private static WebElement cell(String name, String column) {
    List<WebElement> headers =
        chromium.driver.findElements(By.cssSelector("main table.traces thead th"));
    int index = headers.stream().map(WebElement::getText).toList().indexOf(column);
    assertThat(index).as("column " + column).isNotNegative();
    WebElement row = chromium.visible(By.xpath(
        "//table[contains(@class,'traces')]/tbody/tr[td[3]='" + name + "']"));
    return row.findElements(By.tagName("td")).get(index);
  }

  /** The row of the trace named {@code name}, as column header to cell text. */
  private static Map<String, String> row(String name) {
    List<WebElement> headers =
        chromium.driver.findElements(By.cssSelector("main table.traces thead th"));
    WebElement row = chromium.visible(By.xpath(
        "//table[contains(@class,'traces')]/tbody/tr[td[3]='" + name + "']"));
    List<WebElement> cells = row.findElements(By.tagName("td"));
    assertThat(cells).hasSameSizeAs(headers);
    Map<String, String> result = new LinkedHashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      result.put(headers.get(i).getText(), cells.get(i).getText());
    }
    return result;
  }
}
