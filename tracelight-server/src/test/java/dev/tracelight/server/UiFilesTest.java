package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UiFilesTest {
  @TempDir Path a;
  @TempDir Path b;

  private static void write(Path dir, String name, String text) throws IOException {
    Files.createDirectories(dir.resolve(name).getParent());
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static void sameUi(Path dir) throws IOException {
    write(dir, "index.html", "<script type=\"module\" src=\"/app.js\"></script>");
    write(dir, "app.js", "import { el } from './dom.js';");
    write(dir, "dom.js", "export const el = 1;");
  }

  @Test
  void fingerprint_sameContentInTwoFolders_isTheSame_12HexCharacters() throws IOException {
    sameUi(a);
    sameUi(b);

    String fingerprint = UiFiles.fromDirectory(a).fingerprint();

    assertThat(fingerprint).matches("[0-9a-f]{12}");
    assertThat(UiFiles.fromDirectory(b).fingerprint()).isEqualTo(fingerprint);
    assertThat(UiFiles.fromDirectory(a).files()).containsOnlyKeys("app.js", "dom.js",
        "index.html");
  }

  @Test
  void fingerprint_changesWithOneByteOfOneFile() throws IOException {
    sameUi(a);
    sameUi(b);
    write(b, "dom.js", "export const el = 2;");

    assertThat(UiFiles.fromDirectory(b).fingerprint())
        .isNotEqualTo(UiFiles.fromDirectory(a).fingerprint());
  }

  @Test
  void fingerprint_changesWhenAFileIsAddedOrRenamed() throws IOException {
    sameUi(a);
    sameUi(b);
    String before = UiFiles.fromDirectory(a).fingerprint();

    write(a, "extra.css", "");
    String added = UiFiles.fromDirectory(a).fingerprint();
    Files.move(a.resolve("extra.css"), a.resolve("other.css"));
    String renamed = UiFiles.fromDirectory(a).fingerprint();

    assertThat(added).isNotEqualTo(before);
    assertThat(renamed).isNotEqualTo(added).isNotEqualTo(before);
  }

  @Test
  void fingerprint_bytesMovedBetweenNameAndContent_differ() throws IOException {
    write(a, "index.html", "");
    write(a, "ab", "c");
    write(b, "index.html", "");
    write(b, "a", "bc");

    assertThat(UiFiles.fromDirectory(a).fingerprint())
        .isNotEqualTo(UiFiles.fromDirectory(b).fingerprint());
  }

  @Test
  void subfolders_namedWithSlashes() throws IOException {
    sameUi(a);
    write(a, "icons/span.svg", "<svg/>");

    assertThat(UiFiles.fromDirectory(a).files()).containsKey("icons/span.svg");
  }

  @Test
  void folderWithoutIndexHtml_failsAtStart() throws IOException {
    write(a, "app.js", "");

    assertThatThrownBy(() -> UiFiles.fromDirectory(a))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("index.html");
  }

  @Test
  void fromClasspath_readsTheServedUi() {
    UiFiles ui = UiFiles.fromClasspath(WebUi.CLASSPATH_DIR);

    assertThat(ui.files()).containsKeys("index.html", "app.js", "dom.js", "style.css");
  }

  @Test
  void rewriteIndex_pointsOnlyUiFilesAtThePrefix() throws IOException {
    sameUi(a);
    UiFiles ui = UiFiles.fromDirectory(a);
    String html = "<link rel=\"modulepreload\" href=\"/dom.js\"><a href=\"/other\">"
        + "<script type=\"module\" src=\"/app.js\"></script><a href=\"#/\">";

    assertThat(WebUi.rewriteIndex(html, ui, "/assets/f/")).isEqualTo(
        "<link rel=\"modulepreload\" href=\"/assets/f/dom.js\"><a href=\"/other\">"
            + "<script type=\"module\" src=\"/assets/f/app.js\"></script><a href=\"#/\">");
  }
}
