// DOM building without HTML parsing: every piece of text reaches the page through text nodes, because most of what
// is shown (log lines, project names, error messages) is controlled by someone else.

/**
 * Creates an element. `attrs` keys: `class`, `text`, `on<Event>` handlers, `dataset`, booleans (set when true)
 * and plain attributes. Children may be nodes, strings (as text) or null (skipped).
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (key === 'class') {
      node.className = value;
    } else if (key === 'text') {
      node.textContent = value;
    } else if (key === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (value === true) {
      node.setAttribute(key, '');
    } else {
      node.setAttribute(key, String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replaces all children of `node`. */
export function replace(node, ...children) {
  node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
}

/** A "Loading …" line for a region whose data has not arrived yet (announced politely). */
export function loading(what) {
  return el('p', { class: 'loading', role: 'status', text: `Loading ${what}…` });
}

// CSI sequences (colours, cursor moves), OSC sequences (titles, hyperlinks) and any other lone escape.
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-_]/g;
// Other C0 controls (except tab) and DEL: a carriage return would otherwise garble the line on copy.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** Log text as plain text: ANSI escape codes and stray control characters removed. */
export function plainText(text) {
  return String(text ?? '').replace(ANSI, '').replace(CONTROL, '');
}

/** Only http(s) links are ever rendered as links (a `javascript:` URL from a platform must not become one). */
export function safeUrl(url) {
  try {
    const parsed = new URL(url, window.location.href);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch (e) {
    return null;
  }
}

/**
 * Human text for an ApiError or any other failure: the server's own sentence, said once (a 429's detail already
 * says when to try again; its Retry-After is not repeated).
 */
export function describe(error) {
  if (!error) {
    return '';
  }
  const p = error.problem || {};
  return p.detail || p.title || error.message || 'Something went wrong.';
}

/**
 * Puts `text` on the clipboard: the async Clipboard API where the page may use it, else a selected, off-screen
 * textarea and the copy command. Resolves true when one of them worked.
 */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch (e) {
    const area = el('textarea', { class: 'visually-hidden', readonly: true, 'aria-hidden': 'true' });
    area.value = text;
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}
