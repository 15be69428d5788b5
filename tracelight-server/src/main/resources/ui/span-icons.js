// A small icon per span type: an SVG badge (coloured by type in trace.css, for both themes) with
// a short glyph, and the type as its accessible name.
import { cssType } from './timeline.js';

const SVG = 'http://www.w3.org/2000/svg';
const GLYPHS = {
  CHAT_MODEL: 'C', LLM: 'L', AGENT: 'A', TOOL: 'T', CHAIN: '⛓', RETRIEVER: 'R', EMBEDDING: 'E',
  PARSER: 'P', RERANKER: 'Rr', MEMORY: 'M', UNKNOWN: '?',
};

/** The icon of span type `type` (any string; unknown types get the UNKNOWN icon). */
export function spanTypeIcon(type) {
  const known = cssType(type);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', `type-icon type-${known}`);
  svg.setAttribute('viewBox', '0 0 20 20');
  svg.setAttribute('width', '18');
  svg.setAttribute('height', '18');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', type || 'UNKNOWN');
  svg.dataset.type = known;
  const title = document.createElementNS(SVG, 'title');
  title.textContent = type || 'UNKNOWN';
  const box = document.createElementNS(SVG, 'rect');
  for (const [k, v] of Object.entries({ x: 1, y: 1, width: 18, height: 18, rx: 4 })) {
    box.setAttribute(k, String(v));
  }
  const glyph = document.createElementNS(SVG, 'text');
  for (const [k, v] of Object.entries({ x: 10, y: 14, 'text-anchor': 'middle' })) {
    glyph.setAttribute(k, String(v));
  }
  glyph.textContent = GLYPHS[known];
  svg.append(title, box, glyph);
  return svg;
}
