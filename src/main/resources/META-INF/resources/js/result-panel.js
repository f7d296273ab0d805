// What a finished deployment came to: the outcome, its address as text with a copy button and a link, how long it
// took, the database it provisioned, and the production actions its platform offers (promote a preview, roll back
// to an earlier production deployment).
import { el, replace, safeUrl, copyText, describe } from './dom.js';
import { between, formatDuration, statusWord } from './format.js';
import { makeLive } from './deployment-api.js';

const DATABASES = { postgres: 'PostgreSQL', mysql: 'MySQL', redis: 'Redis', mongodb: 'MongoDB' };

/**
 * The result of `view` (a terminal deployment). `capabilities` are its platform's; `provisioned` the last
 * provision message of its log; `onRedeploy` starts a redeploy; `onLive` is told what production serves after an
 * action.
 */
export function resultPanel({ view, capabilities, provisioned, onRedeploy, onLive }) {
  const ready = view.status === 'READY';
  const href = ready && view.url ? safeUrl(view.url) : null;
  const said = el('p', { class: 'hint', id: 'result-status', role: 'status' });
  const live = el('dd', { id: 'result-live' });
  const liveRow = [el('dt', { text: 'Production' }), live];
  liveRow.forEach((n) => { n.hidden = true; });
  const took = between(view.createdAt, view.finishedAt);

  const showLive = (answer) => {
    const url = answer.live.url ? safeUrl(answer.live.url) : null;
    replace(live, 'Live in production', url ? [' at ', el('a', { href: url, target: '_blank', rel: 'noopener noreferrer',
      text: url })] : null);
    liveRow.forEach((n) => { n.hidden = false; });
  };
  const action = (name, label, hint) => el('button', {
    type: 'button', class: 'secondary', id: name, text: label, title: hint,
    onClick: async (event) => {
      const button = event.currentTarget;
      button.disabled = true;
      said.textContent = name === 'promote' ? 'Promoting…' : 'Rolling back…';
      try {
        const answer = await makeLive(view.id, name);
        said.textContent = name === 'promote' ? 'Promoted to production.' : 'Rolled back: this deployment is live again.';
        showLive(answer);
        button.remove();
        onLive(answer);
      } catch (e) {
        said.textContent = describe(e);
        button.disabled = false;
      }
    },
  });

  const rows = [
    href ? [el('dt', { text: 'Address' }), el('dd', { class: 'address' },
      el('code', { id: 'result-url', text: href }),
      el('button', {
        type: 'button', class: 'secondary small', id: 'copy-url', text: 'Copy', 'aria-label': 'Copy the address',
        onClick: async () => { said.textContent = await copyText(href) ? 'Address copied.' : 'Copying is not allowed here.'; },
      }))] : null,
    took !== null ? [el('dt', { text: 'Took' }), el('dd', { id: 'result-duration', text: formatDuration(took) })] : null,
    view.database ? [el('dt', { text: 'Database' }), el('dd', { id: 'result-database' },
      DATABASES[view.database] || view.database, provisioned ? ` — ${provisioned}` : '')] : null,
    liveRow,
  ];
  const actions = el('div', { class: 'actions' },
    href ? el('a', { class: 'button', id: 'open-site', href, target: '_blank', rel: 'noopener noreferrer',
      text: 'Open site' }) : null,
    ready && view.target === 'preview' && capabilities.promote
      ? action('promote', 'Promote to production', 'Make this preview the production deployment (no rebuild)') : null,
    ready && view.target === 'production' && capabilities.rollback
      ? action('rollback', 'Roll back to this', 'Make this deployment the live one again (no rebuild)') : null,
    el('button', { type: 'button', class: 'secondary', id: 'redeploy', text: 'Redeploy', onClick: onRedeploy }));
  return el('section', {
    class: `result outcome-${view.status.toLowerCase()}`, id: 'result', 'aria-labelledby': 'result-title',
  },
  el('h3', { id: 'result-title', text: statusWord(view.status) }),
  el('dl', { class: 'summary' }, rows.flat()),
  actions, said);
}
