// Reads a span's inputs and outputs as a conversation, whatever format recorded them, into one
// shape that chat.js renders: Anthropic content blocks. Formats read:
// - Anthropic (our integration, OpenInference): inputs are the Messages request {system,
//   messages [{role, content: string | blocks}], tools}, outputs the Message {content, stop_reason};
// - OpenTelemetry GenAI, as the server maps it: [{role, parts [{type: text | tool_call |
//   tool_call_response | reasoning | blob | uri | file, ...}], finish_reason}];
// - OpenAI chat (OpenLLMetry as the server maps it, OpenInference's OpenAI spans): messages
//   [{role, content, tool_calls [{id, function {name, arguments}}], tool_call_id}], and outputs
//   {choices [{message, finish_reason}]}.

/**
 * { system: blocks, tools: [{name, description, schema}], input: messages, output: messages,
 * toolNames: Map(tool call id → name) } where a message is {role, blocks, stop}; null when the
 * span holds no conversation.
 */
export function chatOf(span) {
  const inputs = span.attributes['mlflow.spanInputs'];
  const outputs = span.attributes['mlflow.spanOutputs'];
  let input = [];
  let system = [];
  if (isMessageList(inputs)) {
    input = inputs.map(message);
  } else if (isObject(inputs) && isMessageList(inputs.messages)) {
    input = inputs.messages.map(message);
    if (inputs.system !== undefined && inputs.system !== null) system = contentBlocks(inputs.system);
  }
  // Leading system (or OpenAI "developer") messages are the system prompt.
  while (input.length && ['system', 'developer'].includes(input[0].role)) {
    system = system.concat(input.shift().blocks);
  }
  const output = outputMessages(outputs);
  if (!input.length && !output.length) return null;
  const tools = toolsOf(span.attributes['mlflow.chat.tools'])
    || toolsOf(isObject(inputs) ? inputs.tools : undefined) || [];
  const toolNames = new Map();
  for (const m of input.concat(output)) {
    for (const b of m.blocks) {
      if (isToolCall(b) && b.id !== undefined) toolNames.set(String(b.id), String(b.name ?? ''));
    }
  }
  return { system, tools, input, output, toolNames };
}

export function isToolCall(block) {
  return block.type === 'tool_use' || block.type === 'server_tool_use';
}

function outputMessages(outputs) {
  if (isMessageList(outputs)) return outputs.map(message);
  if (!isObject(outputs)) return [];
  if (Array.isArray(outputs.choices)) {
    return outputs.choices.filter((c) => isMessage(c?.message))
      .map((c) => ({ ...message(c.message), stop: c.finish_reason }));
  }
  if (isMessage(outputs) || (outputs.type === 'message' && Array.isArray(outputs.content))) {
    return [{ ...message({ role: 'assistant', ...outputs }), stop: outputs.stop_reason }];
  }
  return [];
}

function isObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isMessage(m) {
  return isObject(m) && typeof m.role === 'string'
    && ('content' in m || Array.isArray(m.parts) || Array.isArray(m.tool_calls));
}

function isMessageList(v) {
  return Array.isArray(v) && v.length > 0 && v.every(isMessage);
}

function message(m) {
  let blocks = Array.isArray(m.parts) ? m.parts.map(part) : contentBlocks(m.content);
  for (const call of Array.isArray(m.tool_calls) ? m.tool_calls : []) {
    const f = isObject(call?.function) ? call.function : call || {};
    blocks.push({ type: 'tool_use', id: call?.id, name: f.name, input: parsed(f.arguments) });
  }
  if ((m.role === 'tool' || m.role === 'function') && m.tool_call_id !== undefined) {
    blocks = [{ type: 'tool_result', tool_use_id: m.tool_call_id, content: blocks }];
  }
  return { role: m.role, blocks, stop: m.finish_reason ?? m.stop_reason };
}

function contentBlocks(content) {
  if (content === undefined || content === null) return [];
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  if (Array.isArray(content)) return content.map(block);
  return [block(content)];
}

/** An Anthropic block as is; OpenAI content parts as the Anthropic block they mean. */
function block(b) {
  if (typeof b === 'string') return { type: 'text', text: b };
  if (!isObject(b)) return { type: 'unknown', raw: b };
  if (['text', 'input_text', 'output_text'].includes(b.type)) {
    return { type: 'text', text: b.text ?? b.content };
  }
  if (b.type === 'image_url' || b.type === 'input_image') {
    const url = isObject(b.image_url) ? b.image_url.url : b.image_url ?? b.url;
    return { type: 'image', source: urlSource(url) };
  }
  return typeof b.type === 'string' ? b : { type: 'unknown', raw: b };
}

/** A GenAI semantic-conventions message part as an Anthropic block. */
function part(p) {
  if (!isObject(p)) return block(p);
  const mime = typeof p.mime_type === 'string' ? p.mime_type : undefined;
  const kind = p.modality === 'image' || mime?.startsWith('image/') ? 'image' : 'document';
  switch (p.type) {
    case 'text': return { type: 'text', text: p.content };
    case 'tool_call': return { type: 'tool_use', id: p.id, name: p.name, input: parsed(p.arguments) };
    case 'tool_call_response':
      return { type: 'tool_result', tool_use_id: p.id, content: p.response ?? p.result };
    case 'reasoning': return { type: 'thinking', thinking: p.content };
    case 'blob':
      return { type: kind, source: { type: 'base64', media_type: mime, data: p.content } };
    case 'uri': return { type: kind, source: { type: 'url', url: p.uri, media_type: mime } };
    case 'file': return { type: kind, source: { type: 'file', file_id: p.file_id } };
    default: return block(p);
  }
}

/** A data: URL as a base64 source (still to be checked before use), any other URL as a url one. */
function urlSource(url) {
  const data = typeof url === 'string' && /^data:([^;,]+);base64,(.*)$/s.exec(url);
  return data ? { type: 'base64', media_type: data[1], data: data[2] } : { type: 'url', url };
}

function parsed(value) {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** Tool definitions in OpenAI's, GenAI's flat or Anthropic's shape, or null when none. */
function toolsOf(value) {
  const list = parsed(value);
  if (!Array.isArray(list) || !list.length) return null;
  return list.filter(isObject).map((t) => {
    const f = isObject(t.function) ? t.function : t;
    return { name: f.name ?? t.type, description: f.description,
      schema: f.parameters ?? f.input_schema ?? f.inputSchema };
  });
}
