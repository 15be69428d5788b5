package dev.tracelight.server;

import dev.tracelight.testkit.HeadlessChromium;
import java.util.List;

/**
 * Checks a rendered page for what keeps it usable without a mouse or with weak eyesight: form
 * controls, buttons and links without an accessible name, duplicate ids, images without a text
 * alternative, and text whose contrast with what is behind it is under WCAG AA (4.5:1, or 3:1
 * for large text). Disabled controls and placeholders are exempt, as in WCAG.
 */
final class AccessibilityProbe {
  private static final String FIND = """
      const found = [];
      const visible = (el) => {
        const r = el.getBoundingClientRect();
        const s = getComputedStyle(el);
        return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
      };
      const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
          + (el.className && typeof el.className === 'string' ? '.' + el.className.trim()
              .split(/\\s+/).join('.') : '') + ' "' + (el.textContent || '').trim().slice(0, 40) + '"';
      const named = (el) => {
        if ((el.getAttribute('aria-label') || '').trim()) return true;
        const by = el.getAttribute('aria-labelledby');
        if (by && by.split(/\\s+/).some((id) => (document.getElementById(id)?.textContent || '').trim())) return true;
        if ((el.getAttribute('title') || '').trim()) return true;
        if (el.labels && [...el.labels].some((l) => l.textContent.trim())) return true;
        return false;
      };
      for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
        if (visible(el) && !named(el)) found.push('unlabelled control ' + describe(el));
      }
      for (const el of document.querySelectorAll('button, a[href], [role=button], [role=tab]')) {
        if (visible(el) && !el.textContent.trim() && !named(el)) found.push('nameless ' + describe(el));
      }
      for (const el of document.querySelectorAll('img')) {
        if (!el.hasAttribute('alt') && !named(el)) found.push('image without alt ' + describe(el));
      }
      const ids = new Map();
      for (const el of document.querySelectorAll('[id]')) ids.set(el.id, (ids.get(el.id) || 0) + 1);
      for (const [id, n] of ids) if (n > 1) found.push('duplicate id ' + id);

      const rgba = (text) => {
        const m = text.match(/rgba?\\(([^)]+)\\)/);
        if (!m) return null;
        const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
        return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
      };
      const over = (top, bottom) => ({ r: top.r * top.a + bottom.r * (1 - top.a),
        g: top.g * top.a + bottom.g * (1 - top.a), b: top.b * top.a + bottom.b * (1 - top.a), a: 1 });
      const background = (el) => {
        const layers = [];
        for (let e = el; e; e = e.parentElement) {
          const c = rgba(getComputedStyle(e).backgroundColor);
          if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
        }
        let result = rgba(getComputedStyle(document.documentElement).backgroundColor) || { r: 255, g: 255, b: 255, a: 1 };
        if (result.a < 1) result = over(result, { r: 255, g: 255, b: 255, a: 1 });
        for (const layer of layers.reverse()) result = over(layer, result);
        return result;
      };
      const luminance = (c) => {
        const ch = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b);
      };
      const seen = new Set();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!node.textContent.trim() || !el || seen.has(el) || !visible(el)) continue;
        seen.add(el);
        if (el.closest('[disabled], [aria-disabled=true], option, svg, [aria-hidden=true]')) continue;
        const style = getComputedStyle(el);
        const fg = rgba(style.color);
        if (!fg) continue;
        const bg = background(el);
        const text = over(fg, bg);
        const [hi, lo] = [luminance(text), luminance(bg)].sort((a, b) => b - a);
        const ratio = (hi + 0.05) / (lo + 0.05);
        const size = parseFloat(style.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
        if (ratio < (large ? 3 : 4.5)) {
          found.push('contrast ' + ratio.toFixed(2) + ' for ' + describe(el) + ' ('
              + style.color + ' on ' + JSON.stringify(bg) + ')');
        }
      }
      return found;
      """;

  private AccessibilityProbe() {}

  /** What the page in {@code chromium} gets wrong, one line per finding. */
  @SuppressWarnings("unchecked")
  static List<String> findings(HeadlessChromium chromium) {
    return (List<String>) chromium.script(FIND);
  }
}
