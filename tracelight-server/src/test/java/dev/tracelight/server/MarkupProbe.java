package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelight.testkit.HeadlessChromium;
import java.util.List;

/**
 * Finds what an HTML parser would have made of hostile trace content: elements that run or load
 * something, inline event handlers, and links to script URLs. The server's CSP would stop most
 * of them from running, so the browser tests check the DOM itself: the UI must build none of them.
 */
final class MarkupProbe {
  /**
   * The UI's own images are chat thumbnails it built from validated base64 ({@code data:image/});
   * anything else that loads, runs or embeds is a finding.
   */
  private static final String FIND = """
      const found = [];
      for (const el of document.querySelectorAll('body *')) {
        const tag = el.tagName.toLowerCase();
        if (['script', 'iframe', 'object', 'embed', 'frame', 'base', 'link', 'meta', 'style',
             'foreignobject'].includes(tag)) found.push('<' + tag + '>');
        if (tag === 'img' && !(el.classList.contains('chat-thumb')
            && String(el.getAttribute('src')).startsWith('data:image/'))) {
          found.push('<img src=' + el.getAttribute('src') + '>');
        }
        for (const attr of el.attributes) {
          const name = attr.name.toLowerCase();
          if (name.startsWith('on')) found.push(tag + '[' + name + ']');
          if ((name === 'href' || name === 'src' || name === 'xlink:href' || name === 'action')
              && /^\\s*(javascript|vbscript):/i.test(attr.value)) {
            found.push(tag + '[' + name + '=' + attr.value + ']');
          }
        }
      }
      return found;
      """;

  private MarkupProbe() {}

  /** Nothing in the page came from parsing data as markup, and no payload set its flag. */
  static void assertNone(HeadlessChromium chromium) {
    @SuppressWarnings("unchecked")
    List<String> found = (List<String>) chromium.script(FIND);
    assertThat(found).as("elements or handlers made from trace content").isEmpty();
    assertThat(chromium.script("return typeof window.__xss")).as("window.__xss")
        .isEqualTo("undefined");
  }
}
