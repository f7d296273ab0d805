// The caller's deployments, newest first, with a link to each and a redeploy action.
import { api } from './api.js';
import { el, replace, describe, formatTime, safeUrl } from './dom.js';
import { redeploy } from './deployment-view.js';

const PAGE_SIZE = 10;
let nextCursor = null;

export async function loadHistory({ more = false } = {}) {
  const box = document.getElementById('history');
  const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (more && nextCursor) {
    query.set('cursor', nextCursor);
  }
  try {
    const page = await api(`/api/v1/deployments?${query}`);
    const items = page?.items || [];
    nextCursor = page?.nextCursor || null;
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
  return el('tr', { dataset: { deploymentId: d.id } },
    el('td', {}, el('a', { href: `#/deployments/${encodeURIComponent(d.id)}`, text: d.projectName }),
      el('span', { class: 'hint', text: ` ${d.platform}` })),
    el('td', {}, el('span', { class: `badge status-${String(d.status).toLowerCase()}`, text: d.status })),
    el('td', { text: d.target }),
    el('td', { text: formatTime(d.createdAt) }),
    el('td', { class: 'row-actions' },
      site ? el('a', { href: site, target: '_blank', rel: 'noopener noreferrer', text: 'Site' }) : null,
      el('button', {
        type: 'button', class: 'secondary small', 'aria-label': `Redeploy ${d.projectName}`, text: 'Redeploy',
        onClick: () => redeploy(d.id),
      })));
}
