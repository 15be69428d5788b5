package dev.tracelight.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelight.testkit.HeadlessChromium;
import dev.tracelight.tracing.Tracelight;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;

/**
 * The web UI on what the guide's tool-calling agent really logs: the agent runs against simulated
 * Claude with autolog and exports to a real server, then headless Chromium finds the Paris trace
 * with a filter, reads its tree, timeline and chat (the {@code get_weather} call highlighted, then
 * its result), leaves feedback, and sees it in the traces table.
 */
class ToolCallingAgentUiIT {
  static final By TREE_ROWS = By.cssSelector("[role=tree] [role=treeitem]");
  static final By SELECTED_SPAN = By.cssSelector("section[aria-label='Selected span']");

  @TempDir static Path dir;
  private static ExampleEnvironment env;
  private static HeadlessChromium chromium;
  private static String experimentId;
  private static ToolCallingAgent.Run paris;

  @BeforeAll
  static void runTheAgent() throws Exception {
    env = ExampleEnvironment.start(dir);
    List<ToolCallingAgent.Run> runs = ToolCallingAgent.run(env.url(), new Printed());
    assertThat(Tracelight.flush(ExampleEnvironment.FLUSH)).isTrue();
    paris = runs.stream().filter(r -> r.city().equals("Paris")).findFirst().orElseThrow();
    experimentId = env.anthropicExperimentId();
    chromium = HeadlessChromium.start(Files.createDirectory(dir.resolve("chromium")));
  }

  @AfterAll
  static void stop() {
    try {
      if (chromium != null) {
        chromium.close();
      }
    } finally {
      Tracelight.autolog(false);
      env.close();
    }
  }

  @Test
  void filterOpenAndReadTheAgentTrace_thenFeedbackShowsInTheTable() {
    chromium.open(env.url() + "/#/experiments/" + experimentId);
    chromium.await("three agent traces in the table", d -> traceLinks().size() == 3);

    WebElement filter = chromium.visible(By.id("trace-filter"));
    filter.sendKeys("trace.text LIKE '%Paris%'", Keys.ENTER);
    chromium.await("only the Paris trace", d -> traceLinks().size() == 1
        && traceLinks().get(0).getAttribute("href").endsWith("#/traces/" + paris.traceId()));
    assertThat(chromium.driver.getCurrentUrl()).contains("filter=");

    traceLinks().get(0).click();
    chromium.await("the agent's four spans",
        d -> spanNames().equals(
            List.of("runToolAgent", "Messages.create", "getWeather", "Messages.create")));
    List<WebElement> rows = chromium.driver.findElements(TREE_ROWS);
    assertThat(rows).extracting(r -> r.getAttribute("aria-level"))
        .containsExactly("1", "2", "2", "2");
    // The bars follow the spans in time: in order, every child's bar inside the agent's.
    List<Rectangle> bars = bars();
    assertThat(bars).hasSize(4);
    assertThat(bars.stream().map(Rectangle::getX).toList()).isSorted();
    Rectangle agent = bars.get(0);
    for (Rectangle child : bars.subList(1, 4)) {
      assertThat(child.getX()).isGreaterThanOrEqualTo(agent.getX());
      assertThat(child.getX() + child.getWidth())
          .isLessThanOrEqualTo(agent.getX() + agent.getWidth() + 1);
    }

    selectRow(1);
    WebElement toolUse = chromium.visible(By.cssSelector(".chat-card.chat-tool-use"));
    assertThat(toolUse.getText()).contains("get_weather").contains("Paris");
    assertThat(chromium.driver.findElement(SELECTED_SPAN).getText())
        .contains("What's the weather like in Paris today?");

    selectRow(3);
    chromium.await("the tool result in the second model call's chat",
        d -> d.findElement(SELECTED_SPAN).getText().contains("rainy"));
    assertThat(chromium.driver.findElement(SELECTED_SPAN).getText())
        .contains(paris.answer());

    leaveTraceFeedback("Correct city and weather");
    chromium.driver.navigate().back(); // the filtered table, from the URL alone
    WebElement feedback = chromium.await("the feedback in the table", d -> {
      List<WebElement> cells = d.findElements(By.cssSelector("td.feedback .thumb"));
      return cells.isEmpty() ? null : cells.get(0);
    });
    assertThat(feedback.getAttribute("aria-label")).isEqualTo("1 thumbs up");
    assertThat(chromium.driver.findElement(By.cssSelector("td.feedback .comment"))
        .getAttribute("aria-label")).isEqualTo("1 comment: Correct city and weather");
    assertThat(traceLinks()).hasSize(1);
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  private static List<WebElement> traceLinks() {
    return chromium.driver.findElements(By.cssSelector("main tbody a[href^='#/traces/']"));
  }

  private static List<String> spanNames() {
    return chromium.driver.findElements(TREE_ROWS).stream()
        .map(r -> r.findElement(By.className("name")).getText()).toList();
  }

  /** Each row's timeline bar, as drawn. */
  private static List<Rectangle> bars() {
    return chromium.driver.findElements(TREE_ROWS).stream()
        .map(r -> r.findElement(By.cssSelector(".timeline .bar")).getRect()).toList();
  }

  private static void selectRow(int index) {
    chromium.driver.findElements(TREE_ROWS).get(index).click();
    chromium.await("row " + index + " selected", d -> "true".equals(
        d.findElements(TREE_ROWS).get(index).getAttribute("aria-selected")));
  }

  private static void leaveTraceFeedback(String comment) {
    WebElement panel = chromium.visible(By.cssSelector("[aria-label='Trace feedback']"));
    panel.findElement(By.cssSelector("button.thumb.up")).click();
    panel.findElement(By.tagName("textarea")).sendKeys(comment);
    panel.findElement(By.cssSelector("button[type=submit]")).click();
    chromium.await("the feedback listed on the trace", d -> d.findElement(
        By.cssSelector("[aria-label='Trace feedback'] .feedback-item")).getText().contains(comment));
  }
}
