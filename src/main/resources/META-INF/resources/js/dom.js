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

export function formatTime(iso) {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString();
}

/** Shows a transient message in the page's status region. */
export function notify(message, kind = 'info') {
  const box = document.getElementById('notice');
  box.className = `notice ${kind}`;
  box.textContent = message;
  box.hidden = !message;
}

/** Human text for an ApiError or any other failure. */
export function describe(error) {
  if (!error) {
    return '';
  }
  const p = error.problem || {};
  const base = p.detail || p.title || error.message || 'Something went wrong.';
  const retry = p.retryAfterSeconds ? ` Try again in ${p.retryAfterSeconds} s.` : '';
  return `${base}${retry}`;
}
