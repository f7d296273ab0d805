// Platform cards: connection state, OAuth connect (a full-page redirect through the platform and back),
// paste-a-token connect and disconnect.
import { api, seg } from './api.js';
import { el, replace, describe, notify } from './dom.js';

const STATE_TEXT = {
  CONNECTED: 'Connected',
  NOT_CONNECTED: 'Not connected',
  RECONNECT_REQUIRED: 'Reconnect needed',
};

let platforms = [];
let onChange = () => {};

export function knownPlatforms() {
  return platforms;
}

/** Registers the listener told about every (re)load of the platform list. */
export function onPlatformsChanged(listener) {
  onChange = listener;
}

export async function loadPlatforms() {
  const box = document.getElementById('platforms');
  try {
    const list = await api('/api/v1/platforms');
    platforms = Array.isArray(list) ? list : list?.items || [];
    replace(box, platforms.map(card));
    if (platforms.length === 0) {
      replace(box, el('p', { class: 'hint', text: 'No platforms are configured.' }));
    }
  } catch (e) {
    platforms = [];
    replace(box, el('p', { class: 'error-text', text: `Platforms could not be loaded: ${describe(e)}` }));
  }
  onChange(platforms);
}

function state(p) {
  return p.connection?.state || 'NOT_CONNECTED';
}

function accountLine(p) {
  const c = p.connection || {};
  if (state(p) !== 'CONNECTED' || !c.account) {
    return null;
  }
  const who = c.account.username || c.account.name || c.account.id;
  const team = c.teams?.length ? ` · team ${c.teams.map((t) => t.slug || t.name).join(', ')}` : '';
  const how = c.method === 'token' ? ' (token)' : c.method === 'oauth' ? ' (OAuth)' : '';
  return el('p', { class: 'account-line', text: `as ${who}${how}${team}` });
}

function card(p) {
  const s = state(p);
  const caps = p.capabilities || {};
  const tokenForm = caps.tokenConnect ? tokenConnectForm(p) : null;
  const actions = el('div', { class: 'actions' },
    caps.oauth ? el('button', {
      type: 'button',
      class: s === 'CONNECTED' ? 'secondary' : null,
      'data-action': 'connect',
      text: { CONNECTED: 'Switch account', RECONNECT_REQUIRED: `Reconnect ${p.name}` }[s] || `Connect with ${p.name}`,
      onClick: () => {
        window.location.assign(`/api/v1/platforms/${seg(p.id)}/connect?returnTo=${encodeURIComponent('/')}`);
      },
    }) : null,
    tokenForm ? el('button', {
      type: 'button',
      class: 'secondary',
      'aria-expanded': 'false',
      'aria-controls': `token-form-${p.id}`,
      text: 'Paste a token',
      onClick: (event) => {
        tokenForm.hidden = !tokenForm.hidden;
        event.currentTarget.setAttribute('aria-expanded', String(!tokenForm.hidden));
        if (!tokenForm.hidden) {
          tokenForm.querySelector('input').focus();
        }
      },
    }) : null,
    s !== 'NOT_CONNECTED' ? el('button', {
      type: 'button',
      class: 'danger',
      'data-action': 'disconnect',
      text: 'Disconnect',
      onClick: () => disconnect(p),
    }) : null);
  return el('article', {
    class: `card state-${s.toLowerCase()}`, 'data-platform': p.id, 'aria-labelledby': `platform-${p.id}`,
  },
  el('h3', { id: `platform-${p.id}`, text: p.name || p.id }),
  el('p', { class: `badge ${s.toLowerCase()}`, 'data-state': s, text: STATE_TEXT[s] || s }),
  accountLine(p),
  s === 'RECONNECT_REQUIRED'
    ? el('p', { class: 'hint', text: 'The platform no longer accepts the stored credentials. Connect again.' })
    : null,
  actions,
  tokenForm);
}

function tokenConnectForm(p) {
  const tokenId = `token-${p.id}`;
  const teamId = `team-${p.id}`;
  const error = el('p', { class: 'field-error', role: 'alert' });
  const form = el('form', { id: `token-form-${p.id}`, class: 'token-form', hidden: true },
    el('label', { for: tokenId, text: `${p.name} API token` }),
    el('input', { id: tokenId, type: 'password', autocomplete: 'off', required: true, spellcheck: 'false' }),
    el('label', { for: teamId, text: 'Team id (optional)' }),
    el('input', { id: teamId, autocomplete: 'off', spellcheck: 'false' }),
    el('button', { type: 'submit', text: 'Save token' }),
    error);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const tokenInput = form.querySelector(`#${CSS.escape(tokenId)}`);
    const team = form.querySelector(`#${CSS.escape(teamId)}`).value.trim();
    const token = tokenInput.value.trim();
    // The token never stays in the page longer than the request needs it.
    tokenInput.value = '';
    if (!token) {
      error.textContent = 'Paste a token first.';
      return;
    }
    try {
      await api(`/api/v1/platforms/${seg(p.id)}/connection`, {
        method: 'PUT', json: team ? { token, teamId: team } : { token },
      });
      notify(`${p.name} connected.`, 'success');
      await loadPlatforms();
    } catch (e) {
      error.textContent = describe(e);
    }
  });
  return form;
}

async function disconnect(p) {
  try {
    await api(`/api/v1/platforms/${seg(p.id)}/connection`, { method: 'DELETE' });
    notify(`${p.name} disconnected.`, 'info');
  } catch (e) {
    notify(`Could not disconnect ${p.name}: ${describe(e)}`, 'error');
  }
  await loadPlatforms();
}

/** Reads `?connected=` / `?connectError=` left by the OAuth callback, reports it, and cleans the address bar. */
export function consumeConnectResult() {
  const params = new URLSearchParams(window.location.search);
  const connected = params.get('connected');
  const failed = params.get('connectError');
  if (!connected && !failed) {
    return;
  }
  if (connected) {
    notify(`${connected} connected.`, 'success');
  } else {
    notify(`Connecting failed (${failed}). Try again.`, 'error');
  }
  params.delete('connected');
  params.delete('connectError');
  const query = params.toString();
  history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`);
}
