// The caller's deployments, newest first, with a link to each: Cancel on a running one, Redeploy on a finished
// one. "Load more" appears only when the server gives a next cursor, which it does only when there is a next page.
import { api, arrayOf } from './api.js';
import { el, replace, describe, safeUrl, loading } from './dom.js';
import { formatTime, statusWord } from './format.js';
import { notify } from './notice.js';
import { cancelDeployment } from './deployment-api.js';
import { redeploy } from './deployment-view.js';

const PAGE_SIZE = 10;
const TERMINAL = new Set(['READY', 'FAILED', 'CANCELED', 'TIMED_OUT']);
let nextCursor = null;
let loadedOnce = false;

export async function loadHistory({ more = false } = {}) {
  const box = document.getElementById('history');
  const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (more && nextCursor) {
    query.set('cursor', nextCursor);
  }
  if (!loadedOnce) {
    replace(box, loading('your deployments'));
  }
  const moreButton = box.querySelector('.more');
  if (moreButton) {
    moreButton.disabled = true;
    moreButton.textContent = 'Loading…';
  }
  try {
    const page = await api(`/api/v1/deployments?${query}`);
    const items = arrayOf(page.items, 'history');
    nextCursor = page.nextCursor;
    loadedOnce = true;
    let table = box.querySelector('table');
    if (!more || !table) {
      if (items.length === 0) {
        replace(box, el('p', { class: 'hint', text: 'No deployments yet.' }));
        return;
      }
      table = el('table', {},
        el('caption', { class: 'visually-hidden', text: 'Your deployments, newest first' }),
        el('thead', {}, el('tr', {}, ['Project', 'Status', 'Target', 'Created', 'Actions']
          .map((h) => el('th', { scope: 'col', text: h })))),
        el('tbody'));
      replace(box, table);
    }
    table.tBodies[0].append(...items.map(row));
    box.querySelector('.more')?.remove();
    if (nextCursor) {
      box.append(el('button', {
        type: 'button', class: 'secondary more', text: 'Load more', onClick: () => loadHistory({ more: true }),
      }));
    }
  } catch (e) {
    replace(box, el('p', { class: 'error-text', text: `History could not be loaded: ${describe(e)}` }));
  }
}

function row(d) {
  const site = d.status === 'READY' && d.url ? safeUrl(d.url) : null;
  const running = !TERMINAL.has(d.status);
  return el('tr', { dataset: { deploymentId: d.id, status: d.status } },
    el('td', {}, el('a', { href: `#/deployments/${encodeURIComponent(d.id)}`, text: d.projectName }),
      el('span', { class: 'hint', text: ` ${d.platform}` })),
    el('td', {}, el('span', { class: `badge status-${d.status.toLowerCase()}`, text: statusWord(d.status) })),
    el('td', { text: d.target }),
    el('td', { text: formatTime(d.createdAt) }),
    el('td', { class: 'row-actions' },
      site ? el('a', { href: site, target: '_blank', rel: 'noopener noreferrer', text: 'Site' }) : null,
      running ? el('button', {
        type: 'button', class: 'danger small', 'data-action': 'cancel', 'aria-label': `Cancel ${d.projectName}`,
        text: 'Cancel', onClick: (event) => cancel(d, event.currentTarget),
      }) : el('button', {
        type: 'button', class: 'secondary small', 'data-action': 'redeploy', 'aria-label': `Redeploy ${d.projectName}`,
        text: 'Redeploy', onClick: () => redeploy(d.id),
      })));
}

async function cancel(d, button) {
  button.disabled = true;
  button.textContent = 'Canceling…';
  try {
    await cancelDeployment(d.id);
    notify(`Canceling ${d.projectName}.`, 'info');
  } catch (e) {
    notify(`Cancel failed: ${describe(e)}`, 'error');
    button.disabled = false;
    button.textContent = 'Cancel';
  }
}
