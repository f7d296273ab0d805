// Platform cards, drawn from GET /api/v1/platforms and each entry's capabilities: OAuth connect (a full-page
// redirect through the platform and back to this very page), a paste-a-key form (open from the start on a platform
// that takes nothing else, such as Render), disconnect, and source hosts (GitHub) that git-only platforms build from.
import { api, seg, arrayOf } from './api.js';
import { el, replace, describe, loading } from './dom.js';
import { notify } from './notice.js';

const STATE_TEXT = {
  CONNECTED: 'Connected',
  NOT_CONNECTED: 'Not connected',
  RECONNECT_REQUIRED: 'Reconnect needed',
};

let platforms = [];
let loaded = false;
let onChange = () => {};

export function knownPlatforms() {
  return platforms;
}

/** True once the list has arrived (deploying waits for it). */
export function platformsLoaded() {
  return loaded;
}

/** Registers the listener told about every (re)load of the platform list. */
export function onPlatformsChanged(listener) {
  onChange = listener;
}

/** A deployment platform (the listing also holds source hosts, which only git-only platforms use). */
export function deploysTo(p) {
  return (p.kind ?? 'platform') === 'platform';
}

export async function loadPlatforms() {
  const box = document.getElementById('platforms');
  if (!loaded) {
    replace(box, loading('platforms'));
  }
  try {
    platforms = arrayOf(await api('/api/v1/platforms'), 'platform list');
    replace(box, platforms.length ? platforms.map(card) : el('p', { class: 'hint', text: 'No platforms are configured.' }));
  } catch (e) {
    platforms = [];
    replace(box, el('p', { class: 'error-text', text: `Platforms could not be loaded: ${describe(e)}` }));
  }
  loaded = true;
  onChange(platforms);
}

function state(p) {
  return p.connection.state;
}

function accountLine(p) {
  const c = p.connection;
  if (state(p) !== 'CONNECTED' || !c.account) {
    return null;
  }
  const who = c.account.username || c.account.name || c.account.id;
  // Teams by their names (Railway's ids are UUIDs nobody recognises).
  const team = c.teams.length ? ` · ${c.teams.length === 1 ? 'team' : 'teams'} ${c.teams.map((t) => t.name).join(', ')}`
    : '';
  const how = c.method === 'token' ? ' (token)' : c.method === 'oauth' ? ' (OAuth)' : '';
  return el('p', { class: 'account-line', text: `as ${who}${how}${team}` });
}

/** Where the OAuth round trip comes back to: this page as it is (a hand-off link keeps its parameters). */
function returnTo() {
  const params = new URLSearchParams(window.location.search);
  params.delete('connected');
  params.delete('connectError');
  const query = params.toString();
  return `${window.location.pathname}${query ? `?${query}` : ''}`;
}

function card(p) {
  const s = state(p);
  const caps = p.capabilities;
  const keyOnly = caps.tokenConnect && !caps.oauth;
  const tokenForm = caps.tokenConnect ? tokenConnectForm(p, keyOnly) : null;
  const actions = el('div', { class: 'actions' },
    caps.oauth ? el('button', {
      type: 'button',
      class: s === 'CONNECTED' ? 'secondary' : null,
      'data-action': 'connect',
      text: { CONNECTED: 'Switch account', RECONNECT_REQUIRED: `Reconnect ${p.name}` }[s] || `Connect with ${p.name}`,
      onClick: () => {
        window.location.assign(`/api/v1/platforms/${seg(p.id)}/connect?returnTo=${encodeURIComponent(returnTo())}`);
      },
    }) : null,
    tokenForm && !keyOnly ? el('button', {
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
      type: 'button', class: 'danger', 'data-action': 'disconnect', text: 'Disconnect', onClick: () => disconnect(p),
    }) : null);
  const hosts = (p.sourceHosts ?? []).map((id) => platforms.find((h) => h.id === id) ?? { id, name: id });
  // Said only while none of the source hosts it builds from is connected.
  const builtFrom = hosts.some((h) => h.connection && state(h) === 'CONNECTED') ? [] : hosts.map((h) => h.name);
  return el('article', {
    class: `card state-${s.toLowerCase()}`, 'data-platform': p.id, 'aria-labelledby': `platform-${p.id}`,
  },
  el('h3', { id: `platform-${p.id}`, text: p.name }),
  el('p', { class: `badge ${s.toLowerCase()}`, 'data-state': s, text: STATE_TEXT[s] || s }),
  deploysTo(p) ? null : el('p', { class: 'hint', text: 'Source host: git-only platforms build from your repositories '
    + 'here.' }),
  builtFrom.length ? el('p', { class: 'hint', text: `Builds from a ${builtFrom.join(' or ')} repository: connect `
    + `${builtFrom.join(' or ')} too.` }) : null,
  accountLine(p),
  s === 'RECONNECT_REQUIRED'
    ? el('p', { class: 'hint', text: 'The platform no longer accepts the stored credentials. Connect again.' })
    : null,
  actions,
  s === 'CONNECTED' && keyOnly ? null : tokenForm);
}

function tokenConnectForm(p, keyOnly) {
  const tokenId = `token-${p.id}`;
  const teamId = `team-${p.id}`;
  const what = keyOnly ? 'API key' : 'API token';
  const error = el('p', { class: 'field-error', role: 'alert' });
  const form = el('form', { id: `token-form-${p.id}`, class: 'token-form', hidden: !keyOnly },
    keyOnly ? el('p', { class: 'hint', text: `${p.name} connects with an API key from its dashboard.` }) : null,
    el('label', { for: tokenId, text: `${p.name} ${what}` }),
    el('input', { id: tokenId, type: 'password', autocomplete: 'off', required: true, spellcheck: 'false' }),
    el('label', { for: teamId, text: 'Team id (optional)' }),
    el('input', { id: teamId, autocomplete: 'off', spellcheck: 'false' }),
    el('button', { type: 'submit', text: keyOnly ? 'Connect' : 'Save token' }),
    keyOnly ? el('button', {
      type: 'button', class: 'secondary', 'data-action': 'sandbox-key', text: 'Use a sandbox key (demo)',
      onClick: () => useSandboxKey(p, form, tokenId, error),
    }) : null,
    error);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const tokenInput = form.querySelector(`#${CSS.escape(tokenId)}`);
    const team = form.querySelector(`#${CSS.escape(teamId)}`).value.trim();
    const token = tokenInput.value.trim();
    // The token never stays in the page longer than the request needs it.
    tokenInput.value = '';
    error.textContent = '';
    tokenInput.removeAttribute('aria-invalid');
    if (!token) {
      error.textContent = `Paste the ${what} first.`;
      tokenInput.setAttribute('aria-invalid', 'true');
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
      tokenInput.setAttribute('aria-invalid', 'true');
    }
  });
  return form;
}

/**
 * Demo only (the sandboxes exist in the dev, test and demo profiles): asks the platform's sandbox for an API key
 * of an account named after the caller, as a user would copy one from the platform's dashboard, and connects it.
 */
async function useSandboxKey(p, form, tokenId, error) {
  error.textContent = '';
  try {
    const me = await api('/api/v1/me');
    const username = String(me.userId).replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 48);
    const minted = await api(`/sandbox/${seg(p.id)}/_sandbox/keys`, { method: 'POST', json: { username } });
    form.querySelector(`#${CSS.escape(tokenId)}`).value = minted.key;
    form.requestSubmit();
  } catch (e) {
    error.textContent = `No sandbox key: ${describe(e)}`;
  }
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
