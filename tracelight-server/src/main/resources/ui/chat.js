// A chat span as a conversation: system prompt, tools offered, each turn, then the output. Content
// is untrusted: text goes in as text nodes, and the only URL ever set from data is a data: URL
// built here for a checked image type and base64 payload. Image URLs are shown, never loaded.
import { h } from './dom.js';
import { jsonView } from './json-view.js';
import { isToolCall } from './chat-messages.js';

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
const BASE64 = /^[A-Za-z0-9+/=\s]+$/;
/** The Anthropic integration's stand-in for large media (MediaRedactor). */
const OMITTED = /^\[omitted by Tracelight: (.+), (\d+) bytes, sha256=([0-9a-fA-F]+)\]$/;
const ROLES = new Set(['user', 'assistant', 'system', 'tool']);

/** The conversation `chat` (see chat-messages.js) as a section. */
export function renderChat(chat) {
  const ctx = { toolNames: chat.toolNames, calls: new Map() };
  const section = h('div', { class: 'chat' });
  if (chat.system.length) {
    section.append(messageView({ role: 'system', blocks: chat.system }, ctx, 'System prompt'));
  }
  if (chat.tools.length) section.append(toolsOffered(chat.tools));
  if (chat.input.length) {
    section.append(h('h3', {}, 'Conversation'),
      h('div', { class: 'chat-turns' }, chat.input.map((m) => messageView(m, ctx))));
  }
  if (chat.output.length) {
    section.append(h('h3', {}, 'Output'),
      h('div', { class: 'chat-turns chat-output' }, chat.output.map((m) => messageView(m, ctx))));
  }
  return section;
}

function messageView(m, ctx, title) {
  const role = String(m.role ?? 'unknown');
  const roleClass = ROLES.has(role) ? role : 'other';
  return h('article', { class: `chat-msg chat-${roleClass}`, 'aria-label': title || `${role} message` },
    h('header', { class: 'chat-role' }, title || role.charAt(0).toUpperCase() + role.slice(1)),
    m.blocks.map((b) => blockView(b, ctx)),
    m.stop ? h('p', { class: 'chat-stop muted' }, `Stop reason: ${m.stop}`) : null);
}

function blockView(b, ctx) {
  if (isToolCall(b)) return toolCall(b, ctx);
  switch (b.type) {
    case 'text': return h('div', { class: 'chat-text' }, String(b.text ?? ''));
    case 'image': return image(b.source);
    case 'document': return documentView(b, ctx);
    case 'tool_result': return toolResult(b, ctx);
    case 'thinking':
      return h('details', { class: 'chat-thinking' }, h('summary', {}, 'Thinking'),
        h('div', { class: 'chat-text' }, String(b.thinking ?? '')));
    case 'redacted_thinking':
      return h('p', { class: 'chat-card chat-redacted' },
        'Redacted thinking (encrypted by the provider, not shown)');
    default:
      return h('div', { class: 'chat-card' },
        h('p', { class: 'chat-card-title' }, `Block: ${b.type}`),
        jsonView(b.type === 'unknown' ? b.raw : b, { toolbar: false, label: 'Block' }));
  }
}

function toolCall(b, ctx) {
  const card = h('section', { class: 'chat-card chat-tool-use', tabindex: '-1',
    'aria-label': `Tool call ${b.name ?? ''}` },
    h('p', { class: 'chat-card-title' }, h('span', { class: 'chat-badge' }, 'Tool call'), ' ',
      h('strong', { class: 'chat-tool-name mono' }, String(b.name ?? '')), ' ',
      b.id !== undefined ? h('span', { class: 'chat-tool-id mono muted' }, String(b.id)) : null),
    jsonView(b.input ?? {}, { toolbar: false, label: 'Tool arguments', openDepth: 8 }));
  if (b.id !== undefined) ctx.calls.set(String(b.id), card);
  return card;
}

function toolResult(b, ctx) {
  const id = b.tool_use_id === undefined ? undefined : String(b.tool_use_id);
  const name = id === undefined ? undefined : ctx.toolNames.get(id);
  const error = b.is_error === true;
  // The call is found when clicked: it may be rendered after this result.
  const link = name === undefined ? null : h('button', { type: 'button', class: 'chat-link',
    onclick: () => {
      const call = ctx.calls.get(id);
      if (call) {
        call.scrollIntoView({ block: 'nearest' });
        call.focus();
      }
    } }, name);
  const content = b.content;
  return h('section', { class: `chat-card chat-tool-result${error ? ' chat-error' : ''}`,
    'aria-label': `Tool result${name ? ` of ${name}` : ''}` },
    h('p', { class: 'chat-card-title' },
      h('span', { class: 'chat-badge' }, error ? 'Tool error' : 'Tool result'), ' ',
      link ? ['for ', link, ' '] : null,
      id !== undefined ? h('span', { class: 'chat-tool-id mono muted' }, id) : null),
    typeof content === 'string' ? h('div', { class: 'chat-text' }, content)
      : Array.isArray(content) ? content.map((c) => blockView(
        typeof c === 'string' ? { type: 'text', text: c } : c || {}, ctx))
        : content === undefined ? null
          : jsonView(content, { toolbar: false, label: 'Tool result' }));
}

/** An image: a thumbnail for a checked base64 image, else a card saying what it was. */
function image(source) {
  const s = source || {};
  if (s.type === 'base64') {
    const mediaType = String(s.media_type ?? '');
    const data = typeof s.data === 'string' ? s.data : '';
    const omitted = OMITTED.exec(data);
    if (omitted) return omittedCard('Image', omitted);
    if (IMAGE_TYPES.has(mediaType) && BASE64.test(data)) {
      return h('figure', { class: 'chat-image' },
        h('img', { class: 'chat-thumb', src: `data:${mediaType};base64,${data.replace(/\s/g, '')}`,
          alt: `Image (${mediaType}, ${decodedBytes(data)} bytes)` }),
        h('figcaption', { class: 'muted' }, `${mediaType}, ${decodedBytes(data)} bytes`));
    }
    return h('p', { class: 'chat-card chat-media' },
      `Image not shown: ${IMAGE_TYPES.has(mediaType) ? 'the payload is not base64'
        : `unsupported media type "${mediaType}"`}`);
  }
  return mediaReference('Image', s);
}

function documentView(b, ctx) {
  const s = b.source || {};
  const title = b.title ? ` "${b.title}"` : '';
  if (s.type === 'text') {
    return h('div', { class: 'chat-card' }, h('p', { class: 'chat-card-title' }, `Document${title}`),
      h('div', { class: 'chat-text' }, String(s.data ?? '')));
  }
  if (s.type === 'content' && Array.isArray(s.content)) {
    return h('div', { class: 'chat-card' }, h('p', { class: 'chat-card-title' }, `Document${title}`),
      s.content.map((c) => blockView(c || {}, ctx)));
  }
  if (s.type === 'base64') {
    const data = typeof s.data === 'string' ? s.data : '';
    const omitted = OMITTED.exec(data);
    if (omitted) return omittedCard(`Document${title}`, omitted);
    return h('p', { class: 'chat-card chat-media' },
      `Document${title}: ${s.media_type ?? 'unknown type'}, ${decodedBytes(data)} bytes`);
  }
  return mediaReference(`Document${title}`, s);
}

/** A URL or file reference, shown as text and never loaded. */
function mediaReference(what, s) {
  const ref = s.type === 'url' ? s.url : s.type === 'file' ? `file ${s.file_id}` : JSON.stringify(s);
  return h('p', { class: 'chat-card chat-media' }, `${what}: `,
    h('span', { class: 'chat-url mono' }, String(ref ?? '')),
    s.type === 'url' ? h('span', { class: 'muted' }, ' (not loaded)') : null);
}

function omittedCard(what, [, mediaType, bytes, sha256]) {
  return h('div', { class: 'chat-card chat-media chat-omitted' },
    h('p', { class: 'chat-card-title' }, `${what} omitted from the trace`),
    h('dl', { class: 'chat-facts' },
      h('dt', {}, 'Media type'), h('dd', {}, mediaType),
      h('dt', {}, 'Size'), h('dd', {}, `${Number(bytes).toLocaleString('en')} bytes`),
      h('dt', {}, 'SHA-256'), h('dd', { class: 'mono' }, sha256)));
}

function toolsOffered(tools) {
  return h('section', { class: 'chat-tools', 'aria-label': 'Tools offered' },
    h('h3', {}, `Tools offered (${tools.length})`),
    h('ul', {}, tools.map((t) => h('li', {},
      h('strong', { class: 'chat-tool-name mono' }, String(t.name ?? '')),
      t.description ? h('span', { class: 'chat-tool-description' }, ` — ${t.description}`) : null,
      t.schema !== undefined ? h('details', {}, h('summary', {}, 'Schema'),
        jsonView(t.schema, { toolbar: false, label: 'Schema', openDepth: 8 })) : null))));
}

function decodedBytes(base64) {
  const s = base64.replace(/\s/g, '');
  return Math.max(0, Math.floor(s.length * 3 / 4) - (s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0));
}
