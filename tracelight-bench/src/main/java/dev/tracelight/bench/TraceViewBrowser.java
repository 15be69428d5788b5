package dev.tracelight.bench;

import dev.tracelight.testkit.HeadlessChromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.ScriptTimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The trace page of one big trace in Debian's headless Chromium, driven by the testkit's {@link
 * HeadlessChromium} exactly as the browser tests drive it. Each of {@value #RUNS} runs loads the page afresh and
 * times, with the page's own clock, the first tree row, a scroll to the end, and selecting the last
 * span. Timing in the page rather than around WebDriver calls keeps the driver's round trips out.
 */
final class TraceViewBrowser {
  private static final int RUNS = 5;
  /**
   * Quiets "Unable to find CDP implementation matching 156": the one CDP command here goes
   * through chromedriver, which needs no version-matched selenium-devtools. Held so it stays set.
   */
  private static final Logger CDP_VERSION_FINDER =
      quiet("org.openqa.selenium.devtools.CdpVersionFinder");

  /**
   * Runs before the page's scripts in every new document: notes when the first tree row enters the
   * DOM, in ms since navigation start. Polling from WebDriver would only see it a round trip late.
   */
  private static final String OBSERVE_FIRST_ROW = "if (location.hash.startsWith('#/traces/')) {"
      + " const o = new MutationObserver(() => { if (document.querySelector('[role=treeitem]')) {"
      + " window.__firstRowMs = performance.now(); o.disconnect(); } });"
      + " o.observe(document, { childList: true, subtree: true }); }";

  /** Waits for the tree and the root's loaded detail; returns the load's figures. */
  private static final String LOADED = "const done = arguments[arguments.length - 1];"
      + " const poll = () => {"
      + " const detail ="
      + "   document.querySelector(\"section[aria-label='Selected span'] .span-meta\");"
      + " if (window.__firstRowMs === undefined || !detail) { setTimeout(poll, 5); return; }"
      + " const r = performance.getEntriesByType('resource')"
      + "   .find((e) => e.name.includes('/span-summaries'));"
      + " done([r ? r.startTime : -1, r ? r.responseEnd : -1, window.__firstRowMs,"
      + "   document.querySelectorAll('[role=treeitem]').length]); };"
      + " poll();";

  /**
   * Scrolls the tree's scroller to the bottom and waits for the last row. The check is queued from
   * the scroll event, after the tree's own requestAnimationFrame render, so it runs in the frame
   * that renders.
   */
  private static final String SCROLL_TO_END = "const [id, done] = arguments;"
      + " const scroller = document.querySelector('.span-scroller');"
      + " const t0 = performance.now();"
      + " const check = () => document.getElementById('span-row-' + id)"
      + "   ? done([performance.now() - t0, document.querySelectorAll('[role=treeitem]').length])"
      + "   : requestAnimationFrame(check);"
      + " scroller.addEventListener('scroll', () => requestAnimationFrame(check), { once: true });"
      + " scroller.scrollTop = scroller.scrollHeight;";

  /** Clicks the last row; times its name in the detail heading, then its content (span meta). */
  private static final String SELECT = "const [id, name, done] = arguments;"
      + " const section = document.querySelector(\"section[aria-label='Selected span']\");"
      + " const heading = () => section.querySelector('h2')?.textContent === name;"
      + " let named = -1; const t0 = performance.now();"
      + " const o = new MutationObserver(() => {"
      + "   const now = performance.now() - t0;"
      + "   if (named < 0 && heading()) named = now;"
      + "   if (named >= 0 && heading() && section.querySelector('.span-meta')) {"
      + "     o.disconnect(); done([named, now]); } });"
      + " o.observe(section, { childList: true, subtree: true, characterData: true });"
      + " document.getElementById('span-row-' + id).click();";

  private TraceViewBrowser() {}

  /** Whether Chromium and its driver are installed; says so on the console when they are not. */
  static boolean available() {
    if (HeadlessChromium.available()) {
      return true;
    }
    System.out.println("browser: skipped, " + HeadlessChromium.BROWSER + " or "
        + HeadlessChromium.DRIVER + " is missing (" + HeadlessChromium.INSTALL + ")");
    return false;
  }

  /** Loads {@code url} {@value #RUNS} times and prints a Markdown table of medians and maxima. */
  static void measure(String url, String lastSpanId, String lastSpanName, String label,
      int spanCount) throws IOException {
    Path profile = Files.createTempDirectory("tracelight-view-chromium");
    HeadlessChromium chromium = HeadlessChromium.start(profile);
    ChromeDriver driver = chromium.driver;
    double[][] runs = new double[RUNS][];
    try {
      driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
          Map.of("source", OBSERVE_FIRST_ROW));
      for (int r = 0; r < RUNS; r++) {
        driver.get("about:blank"); // a new document even though only the hash would differ
        driver.get(url);
        List<Object> loaded = script(driver, LOADED);
        List<Object> scrolled = script(driver, SCROLL_TO_END, lastSpanId);
        List<Object> selected = script(driver, SELECT, lastSpanId, lastSpanName);
        runs[r] = numbers(loaded, scrolled, selected);
      }
    } finally {
      chromium.close();
      deleteTree(profile);
    }
    String[] rows = {
        "navigation start → span summaries requested (ms)",
        "navigation start → span summaries received (ms)",
        "navigation start → first tree row in the DOM (ms)",
        "tree rows in the DOM after load",
        "scroll to the end → last span's row rendered (ms)",
        "tree rows in the DOM after the scroll",
        "click the last row → its name in the detail heading (ms)",
        "click the last row → its content shown (ms)"};
    System.out.printf(Locale.ROOT, "%n| %s, %,d spans, trace page in headless Chromium, %d page "
        + "loads | median | max | every run |%n|---|---:|---:|---|%n", label, spanCount, RUNS);
    for (int m = 0; m < rows.length; m++) {
      boolean ms = rows[m].endsWith("(ms)");
      double[] values = new double[RUNS];
      List<String> each = new ArrayList<>();
      for (int r = 0; r < RUNS; r++) {
        values[r] = runs[r][m];
        each.add(format(values[r], ms));
      }
      double[] sorted = values.clone();
      Arrays.sort(sorted);
      System.out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n", rows[m],
          format(sorted[RUNS / 2], ms), format(sorted[RUNS - 1], ms), String.join(", ", each));
    }
  }

  private static Logger quiet(String name) {
    Logger logger = Logger.getLogger(name);
    logger.setLevel(Level.SEVERE);
    return logger;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> script(ChromeDriver driver, String js, Object... args) {
    try {
      return (List<Object>) driver.executeAsyncScript(js, args);
    } catch (ScriptTimeoutException e) {
      throw new IllegalStateException("the page did not get there in "
          + HeadlessChromium.WAIT.toSeconds()
          + " s; it reads:\n" + driver.findElement(By.tagName("body")).getText(), e);
    }
  }

  private static double[] numbers(List<?>... parts) {
    return Stream.of(parts).flatMap(List::stream)
        .mapToDouble(o -> ((Number) o).doubleValue()).toArray();
  }

  private static String format(double value, boolean ms) {
    return String.format(Locale.ROOT, ms ? "%.1f" : "%.0f", value);
  }

  /** Best effort: a profile file Chromium is still closing is not worth failing the run for. */
  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      System.out.println("browser: could not delete the profile " + dir + ": " + e);
    }
  }
}
