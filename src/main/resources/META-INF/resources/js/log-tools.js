// The log's toolbar: search (with previous/next and a count), copy and download of the whole log.
import { el, copyText } from './dom.js';

const SEARCH_DELAY_MS = 150;

/** The toolbar for `log` (a LogView); downloads are named `fileName`. */
export function logTools(log, fileName) {
  const input = el('input', {
    type: 'search', id: 'log-search', autocomplete: 'off', spellcheck: 'false', placeholder: 'Search the log',
    'aria-describedby': 'log-search-count',
  });
  const count = el('span', { id: 'log-search-count', class: 'hint', 'aria-live': 'polite' });
  const said = el('span', { id: 'log-tools-status', class: 'hint', role: 'status' });
  const prev = el('button', {
    type: 'button', class: 'secondary small', id: 'log-prev', disabled: true, text: 'Previous',
    'aria-label': 'Previous match', onClick: () => move(-1),
  });
  const next = el('button', {
    type: 'button', class: 'secondary small', id: 'log-next', disabled: true, text: 'Next',
    'aria-label': 'Next match', onClick: () => move(1),
  });
  let current = -1;
  let timer = null;
  let shown = '';

  function update() {
    const query = input.value.trim();
    const total = log.matches.length;
    const text = !query ? '' : total === 0 ? 'No matches' : `${Math.max(current, 0) + 1} of ${total}`;
    if (text !== shown) {
      shown = text;
      count.textContent = text;
    }
    prev.disabled = total === 0;
    next.disabled = total === 0;
  }

  function move(direction) {
    const matches = log.matches;
    if (matches.length === 0) {
      return;
    }
    current = (current + direction + matches.length) % matches.length;
    log.reveal(matches[current]);
    update();
  }

  function run() {
    const matches = log.search(input.value.trim());
    current = -1;
    if (matches.length) {
      move(1);
    }
    update();
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, SEARCH_DELAY_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      clearTimeout(timer);
      if (log.query !== input.value.trim().toLowerCase()) {
        run();
      } else {
        move(event.shiftKey ? -1 : 1);
      }
    }
  });
  log.onChange(update);

  const copy = el('button', {
    type: 'button', class: 'secondary small', id: 'copy-log', text: 'Copy log',
    onClick: async () => {
      said.textContent = await copyText(log.text()) ? `Copied ${log.length} lines.` : 'Copying is not allowed here.';
    },
  });
  const download = el('button', {
    type: 'button', class: 'secondary small', id: 'download-log', text: 'Download',
    onClick: () => {
      const url = URL.createObjectURL(new Blob([`${log.text({ iso: true })}\n`], { type: 'text/plain;charset=utf-8' }));
      const link = el('a', { href: url, download: fileName, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      said.textContent = `Downloading ${fileName}.`;
    },
  });
  return el('div', { class: 'log-tools', role: 'group', 'aria-label': 'Log tools' },
    el('label', { for: 'log-search', class: 'visually-hidden', text: 'Search the log' }),
    input, prev, next, count, el('span', { class: 'spacer' }), copy, download, said);
}
