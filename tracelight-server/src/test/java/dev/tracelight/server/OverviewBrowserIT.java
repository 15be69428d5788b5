package dev.tracelight.server;

import static dev.tracelight.server.OverviewTestData.trace;
import static dev.tracelight.server.UiTestData.createExperiment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracelight.testkit.HeadlessChromium;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;

/**
 * The experiment overview in a real browser: totals, one bar per bucket, the slowest traces in
 * order with links that open them, and a range switch that updates the URL and the charts.
 */
class OverviewBrowserIT {
  static final long MINUTE = 60_000L;
  static final long DAY = 24 * 60 * MINUTE;

  @RegisterExtension static final UiSession ui = new UiSession();
  static TracelightServer server;
  static TestHttp http;
  static HeadlessChromium chromium;
  static String experimentId;
  static String slowest;

  @BeforeAll
  static void start() throws IOException {
    server = ui.server();
    http = ui.http();
    chromium = ui.chromium();
    experimentId = createExperiment(http, "overview-browser");
    long now = System.currentTimeMillis();
    // In the last hour: three traces, one an error; earlier today one more; two days ago one.
    trace(http, experimentId, "quick answer", now - 5 * MINUTE, 300, "OK", 100, "0.002");
    slowest = trace(http, experimentId, "long research", now - 10 * MINUTE, 9000, "ERROR", 400,
        "0.04");
    trace(http, experimentId, "tool loop", now - 20 * MINUTE, 2500, "OK", 200, "0.5");
    trace(http, experimentId, "morning check", now - 5 * 60 * MINUTE, 1200, "OK", 50, null);
    trace(http, experimentId, "last week", now - 2 * DAY, 20_000, "OK", 10, "0.001");
  }

  @Test
  void overview_showsTotalsBarsAndSlowestInOrder_linkOpensTheTrace() {
    chromium.open(server.url() + "/#/experiments/" + experimentId + "/overview");
    awaitTotal("traces", "4");
    assertThat(total("error-rate")).startsWith("25.0 %");
    assertThat(total("tokens")).startsWith("2,250"); // (100 + 400 + 200 + 50) × 3
    assertThat(total("cost")).isEqualTo("$0.54");
    assertThat(chromium.driver.findElement(By.cssSelector("[aria-current=page]")).getText())
        .isEqualTo("Overview");
    assertThat(bars()).hasSize(24);
    // As drawn, not just as numbers: bars stand on one baseline, as tall as their count.
    List<Rectangle> drawn = bars().stream().map(WebElement::getRect)
        .filter(r -> r.getHeight() > 0).toList();
    assertThat(drawn).hasSize(2);
    assertThat(drawn.get(0).getY() + drawn.get(0).getHeight())
        .isCloseTo(drawn.get(1).getY() + drawn.get(1).getHeight(), within(1));
    assertThat(drawn.get(1).getHeight()).isCloseTo(3 * drawn.get(0).getHeight(), within(2));
    assertThat(chromium.driver.findElement(By.cssSelector(".range[data-range='24h']"))
        .getAttribute("aria-pressed")).isEqualTo("true");

    assertThat(rankedNames("slowest"))
        .containsExactly("long research", "tool loop", "morning check", "quick answer");
    assertThat(rankedNames("costliest"))
        .containsExactly("tool loop", "long research", "quick answer");
    WebElement svg = chromium.driver.findElement(By.cssSelector("svg.chart-overlay"));
    assertThat(svg.getAttribute("role")).isEqualTo("img");
    assertThat(svg.getAttribute("aria-label")).contains("4 traces, 1 with errors");

    chromium.driver.findElement(By.cssSelector(".ranked-slowest li a")).click();
    chromium.await("the slowest trace's page",
        d -> d.getCurrentUrl().endsWith("#/traces/" + slowest)
            && d.findElement(By.tagName("main")).getText().contains(slowest));
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  @Test
  void rangeSwitch_updatesTheUrlAndTheCharts() {
    chromium.open(server.url() + "/#/experiments/" + experimentId + "/overview");
    awaitTotal("traces", "4");

    chromium.visible(By.cssSelector(".range[data-range='7d']")).click();
    chromium.await("the 7-day range in the URL",
        d -> d.getCurrentUrl().endsWith("/overview?range=7d"));
    awaitTotal("traces", "5");
    assertThat(bars()).hasSize(28);
    assertThat(rankedNames("slowest").get(0)).isEqualTo("last week");

    chromium.visible(By.cssSelector(".range[data-range='1h']")).click();
    awaitTotal("traces", "3");
    assertThat(bars()).hasSize(60);
    assertThat(chromium.driver.getCurrentUrl()).endsWith("/overview?range=1h");

    chromium.driver.navigate().back();
    awaitTotal("traces", "5");
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  @Test
  void chart_keyboardFocus_showsTheBucketInATooltip_andDataTableHasTheNumbers() {
    chromium.open(server.url() + "/#/experiments/" + experimentId + "/overview?range=1h");
    awaitTotal("traces", "3");
    WebElement svg = chromium.driver.findElement(By.cssSelector("svg.chart-overlay"));
    chromium.script("arguments[0].focus()", svg); // the tooltip shows the newest bucket
    svg.sendKeys(Keys.HOME);
    WebElement tooltip = chromium.visible(By.cssSelector(".chart-card .tooltip"));
    assertThat(tooltip.getText()).contains("Traces: 0").contains("Errors: 0");

    WebElement table = chromium.driver.findElement(By.cssSelector(".chart-card .chart-data"));
    table.findElement(By.tagName("summary")).click();
    List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
    assertThat(rows).hasSize(60);
    long traces = rows.stream().mapToLong(r -> Long.parseLong(
        r.findElements(By.tagName("td")).get(0).getText().replace(",", ""))).sum();
    assertThat(traces).isEqualTo(3);
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  static void awaitTotal(String key, String value) {
    chromium.await("total " + key + " = " + value, d -> value.equals(total(key)));
  }

  static String total(String key) {
    List<WebElement> found = chromium.driver.findElements(
        By.cssSelector(".totals [data-total='" + key + "'] .value"));
    return found.isEmpty() ? null : found.get(0).getText();
  }

  static List<WebElement> bars() {
    return chromium.driver.findElements(By.cssSelector("svg.chart-overlay rect.bar.s-traces"));
  }

  static List<String> rankedNames(String key) {
    return chromium.driver.findElements(By.cssSelector(".ranked-" + key + " li a")).stream()
        .map(WebElement::getText).toList();
  }
}
