package dev.tracelight.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver. Both paths are given to
 * Selenium, so Selenium Manager never runs (it would try to download a driver or a browser). A
 * missing browser or driver fails the test with the command that installs them: CI has them.
 * Shared by the server's and the examples' browser tests and the bench's trace view load; Selenium
 * is an optional dependency of the testkit, so each of them declares it.
 */
public final class HeadlessChromium implements AutoCloseable {
  public static final Path BROWSER = Path.of("/usr/bin/chromium");
  public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  public static final String INSTALL = "apt-get install -y chromium chromium-driver";
  public static final Duration WAIT = Duration.ofSeconds(20);

  /**
   * Headless without a sandbox or GPU; and nothing that dials out: the machine's network is
   * closed, and Chromium stalls on background connections it cannot make.
   */
  public static final List<String> ARGUMENTS = List.of("--headless=new", "--no-sandbox",
      "--disable-gpu",      "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--window-size=1280,900");

  public final ChromeDriver driver;

  private HeadlessChromium(ChromeDriver driver) {
    this.driver = driver;
  }

  /** Whether Debian's chromium and chromedriver are installed where this class looks for them. */
  public static boolean available() {
    return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
  }

  /** Starts a browser with a fresh profile in {@code userDataDir}, which must be empty. */
  public static HeadlessChromium start(Path userDataDir) {
    requireExecutable(BROWSER, "chromium");
    requireExecutable(DRIVER, "chromium-driver");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort()
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(ARGUMENTS);
    options.addArguments("--user-data-dir=" + userDataDir.toAbsolutePath());
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
    return new HeadlessChromium(driver);
  }

  private static void requireExecutable(Path path, String debianPackage) {
    if (!Files.isExecutable(path)) {
      throw new AssertionError("The browser test needs " + path + " from Debian's package "
          + debianPackage + ", and it is missing. Install with: " + INSTALL);
    }
  }

  /** Loads {@code url} as a new document: from a blank page, so even a hash-only change loads. */
  public void open(String url) {
    driver.get("about:blank");
    driver.get(url);
  }

  /** Waits until {@code condition} gives a non-null, non-false value; on timeout shows the page. */
  public <T> T await(String what, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT)
        .ignoring(StaleElementReferenceException.class) // the UI re-renders as data arrives
        .withMessage(() -> what + "; the page at " + driver.getCurrentUrl() + " reads:\n"
            + text(By.tagName("body")) + consoleErrors())
        .until(condition);
  }

  /** Waits for a visible element. */
  public WebElement visible(By by) {
    return await("waiting for " + by, d -> d.findElements(by).stream()
        .filter(WebElement::isDisplayed).findFirst().orElse(null));
  }

  public Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  public Object asyncScript(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeAsyncScript(js, args);
  }

  /** Errors logged to the console since the last call (each call drains the log). */
  public List<String> takeConsoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .collect(Collectors.toList());
  }

  private String consoleErrors() {
    try {
      List<String> errors = takeConsoleErrors();
      return errors.isEmpty() ? "" : "\nconsole errors: " + errors;
    } catch (RuntimeException e) {
      return "";
    }
  }

  private String text(By by) {
    try {
      return driver.findElement(by).getText();
    } catch (RuntimeException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    driver.quit(); // also stops the chromedriver service
  }
}
