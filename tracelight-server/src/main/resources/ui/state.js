// The UI's state lives in the URL hash, so any view can be shared as a link:
//   #/                                  experiments
//   #/experiments/<id>?filter=…&order=…&trace=<trace id>&span=<span id>
//   #/experiments/<id>/overview?range=…
//   #/traces/<trace id>?span=<span id>
// A route is { path: ['experiments', '<id>'], params: URLSearchParams-like plain object }.

/** The current route, decoded. */
export function currentRoute() {
  return parseHash(location.hash);
}

export function parseHash(hash) {
  const raw = String(hash || '').replace(/^#/, '');
  const q = raw.indexOf('?');
  const pathText = q < 0 ? raw : raw.slice(0, q);
  const path = pathText.split('/').filter((s) => s !== '').map(decodeURIComponent);
  const params = {};
  for (const [k, v] of new URLSearchParams(q < 0 ? '' : raw.slice(q + 1))) params[k] = v;
  return { path, params };
}

/** The hash for a route; empty or undefined params are left out. */
export function hashOf(path, params = {}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') query.set(k, String(v));
  }
  const text = query.toString();
  return `#/${path.map(encodeURIComponent).join('/')}${text ? `?${text}` : ''}`;
}

/**
 * Changes the hash. With {replace: true} the history entry is replaced (for typing in a filter),
 * otherwise a new entry is pushed so Back returns to the previous view.
 */
export function navigate(path, params = {}, { replace = false } = {}) {
  const hash = hashOf(path, params);
  if (hash === location.hash) return;
  if (replace) {
    history.replaceState(null, '', hash);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = hash;
  }
}

/** Merges `changes` into the current route's params (undefined removes a key). */
export function setParams(changes, options) {
  const { path, params } = currentRoute();
  navigate(path, { ...params, ...changes }, options);
}
