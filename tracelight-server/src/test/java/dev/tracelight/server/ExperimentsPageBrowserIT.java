package dev.tracelight.server;

import static dev.tracelight.server.UiTestData.createExperiment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelight.testkit.HeadlessChromium;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The experiments page in a real browser: search as you type, create, and their errors. */
class ExperimentsPageBrowserIT {
  @RegisterExtension static final UiSession ui = new UiSession();
  static TracelightServer server;
  static TestHttp http;
  static HeadlessChromium chromium;

  @BeforeAll
  static void start() throws IOException {
    server = ui.server();
    http = ui.http();
    chromium = ui.chromium();
    createExperiment(http, "alpha-one");
    createExperiment(http, "alpha-two");
    createExperiment(http, "beta-three");
  }

  @Test
  void search_typingAFilter_narrowsTheListAndKeepsItInTheUrl() {
    chromium.open(server.url() + "/");
    chromium.await("all experiments listed", d -> names().containsAll(
        List.of("alpha-one", "alpha-two", "beta-three")));

    WebElement search = chromium.visible(By.id("experiment-search"));
    search.sendKeys("name LIKE 'alpha%'");
    chromium.await("only the alpha experiments", d -> names().size() == 2
        && names().containsAll(List.of("alpha-one", "alpha-two")));
    assertThat(chromium.driver.getCurrentUrl()).contains("q=name+LIKE");

    // The link restores the search on a fresh load.
    chromium.open(server.url() + "/#/?q="
        + URLEncoder.encode("name LIKE 'beta%'", StandardCharsets.UTF_8));
    chromium.await("only the beta experiment", d -> names().equals(List.of("beta-three")));
    assertThat(chromium.visible(By.id("experiment-search")).getAttribute("value"))
        .isEqualTo("name LIKE 'beta%'");
    assertThat(chromium.takeConsoleErrors()).isEmpty();
  }

  @Test
  void search_malformedFilter_showsTheServersMessageAndKeepsTheRows() {
    chromium.open(server.url() + "/");
    chromium.await("experiments listed", d -> names().contains("beta-three"));

    chromium.visible(By.id("experiment-search")).sendKeys("name LIKE");
    WebElement alert = chromium.visible(By.cssSelector(".toolbar [role=alert].error"));
    chromium.await("the server's message", d -> !alert.getText().isBlank());
    assertThat(names()).contains("beta-three");
    assertThat(chromium.takeConsoleErrors()).allMatch(e -> e.contains("status of 400"));
  }

  @Test
  void create_newName_listsItWithALink_duplicate_saysItExists() {
    chromium.open(server.url() + "/");
    WebElement name = chromium.visible(By.id("new-experiment"));
    name.sendKeys("gamma-created");
    chromium.driver.findElement(By.cssSelector("form.create-experiment button[type=submit]"))
        .click();

    chromium.await("the new experiment in the list", d -> names().contains("gamma-created"));
    WebElement link = chromium.visible(By.xpath("//table//a[text()='gamma-created']"));
    assertThat(link.getAttribute("href")).matches(".*#/experiments/\\d+");
    assertThat(chromium.visible(By.cssSelector("form.create-experiment [role=alert]")).getText())
        .isEqualTo("Created gamma-created.");

    name.sendKeys("alpha-one");
    chromium.driver.findElement(By.cssSelector("form.create-experiment button[type=submit]"))
        .click();
    chromium.await("the duplicate's error", d -> d.findElement(
        By.cssSelector("form.create-experiment [role=alert]")).getText().contains("already exists"));
    assertThat(chromium.driver.findElement(By.cssSelector("form.create-experiment [role=alert]"))
        .getText()).isEqualTo("An experiment named “alpha-one” already exists. Choose another name.");
    // The browser logs the failed request itself; nothing else went wrong.
    assertThat(chromium.takeConsoleErrors()).allMatch(e -> e.contains("status of 400"));
  }

  private static List<String> names() {
    return chromium.driver.findElements(By.cssSelector("main table tbody tr td:first-child"))
        .stream().map(WebElement::getText).toList();
  }
}
