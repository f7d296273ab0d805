// The hand-off from a code generator: /deploy?projectName=…&env=KEY1,KEY2&envDescription=…&redirectUrl=…&source=…
// walks the user through sign-in, connect and deploy, then returns to the (allow-listed) redirectUrl with the
// outcome and posts the same outcome to the window that opened or embeds this page, for that origin only.
import { api, seg } from './api.js';
import { el, replace, describe } from './dom.js';
import { statusWord } from './format.js';
import { envKeyProblem } from './form-errors.js';

const KEY_LIMIT = 50;
const DESCRIPTION_LIMIT = 500;
const RETURN_DELAY_S = 3;
const SOURCE_ID = /^src_[0-9a-f]{32}$/;

/** The link's parameters, or null when this is not a hand-off (the page at `/`). */
export function readHandoff() {
  if (window.location.pathname !== '/deploy') {
    return null;
  }
  const params = new URLSearchParams(window.location.search);
  const problems = [];
  const envKeys = [...new Set((params.get('env') || '').split(',').map((k) => k.trim()).filter(Boolean))];
  const badKeys = envKeys.filter((k) => envKeyProblem(k));
  if (badKeys.length) {
    problems.push(`The link asks for variables with names that cannot be used (${badKeys.join(', ')}): names `
      + 'use letters, digits and _, and do not start with a digit.');
  }
  if (envKeys.length > KEY_LIMIT) {
    problems.push(`The link asks for ${envKeys.length} variables; at most ${KEY_LIMIT} are taken.`);
  }
  const raw = params.get('source') || '';
  let source = null;
  if (raw.startsWith('sample:')) {
    source = { kind: 'sample', name: raw.slice('sample:'.length) };
  } else if (raw === 'upload') {
    source = { kind: 'upload' };
  } else if (SOURCE_ID.test(raw)) {
    source = { kind: 'registered', id: raw };
  } else if (raw) {
    problems.push(`The link's source "${raw}" is not one this page knows: use sample:<name>, upload, or the id of a `
      + 'registered source.');
  }
  return {
    projectName: (params.get('projectName') || '').trim(),
    envKeys: envKeys.filter((k) => !envKeyProblem(k)).slice(0, KEY_LIMIT),
    envDescription: (params.get('envDescription') || '').slice(0, DESCRIPTION_LIMIT),
    redirectUrl: params.get('redirectUrl'),
    source,
    problems,
    redirect: null,
    registered: null,
  };
}

/** After sign-in: asks the gateway whether the redirect is allowed and whether the registered source is there. */
export async function prepareHandoff(handoff) {
  if (handoff.redirectUrl) {
    try {
      handoff.redirect = await api(`/api/v1/handoff/redirect?url=${encodeURIComponent(handoff.redirectUrl)}`);
    } catch (e) {
      handoff.problems.push(`${describe(e)} You can still deploy here; this page will not send you back.`);
    }
  }
  if (handoff.source?.kind === 'registered') {
    try {
      handoff.registered = await api(`/api/v1/sources/${seg(handoff.source.id)}`);
    } catch (e) {
      handoff.problems.push(e.status === 404 ? 'The project this link points to is not available (it may have '
        + 'expired, or it was registered for another account). Ask the generator for a new link.' : describe(e));
    }
  }
}

/** Who sent the user here, as the banner says it. */
export function sender(handoff) {
  return handoff.redirect ? handoff.redirect.origin : 'a code generator';
}

/** The banner over the page: what is being deployed, for whom, and where the user goes back to. */
export function renderHandoff(handoff) {
  const box = document.getElementById('handoff');
  box.hidden = false;
  const what = handoff.projectName ? `"${handoff.projectName}"` : 'a project';
  replace(box,
    el('h2', { id: 'handoff-title', text: `Deploy ${what} for ${sender(handoff)}` }),
    el('ol', { class: 'handoff-steps', 'aria-label': 'Hand-off steps' },
      ['Sign in', 'Connect a platform', 'Deploy',
        handoff.redirect ? `Return to ${handoff.redirect.origin}` : 'See the result here']
        .map((text) => el('li', { text }))),
    handoff.problems.length ? el('div', { class: 'error-box', role: 'alert', id: 'handoff-problems' },
      el('ul', {}, handoff.problems.map((p) => el('li', { text: p })))) : null,
    el('div', { id: 'handoff-outcome', role: 'status' }));
}

/** How far the user got: `step` is the index of the step under way (0 sign in … 3 return). */
export function handoffProgress(step) {
  document.querySelectorAll('#handoff .handoff-steps li').forEach((li, i) => {
    li.className = i < step ? 'done' : i === step ? 'active' : '';
    if (i === step) {
      li.setAttribute('aria-current', 'step');
    } else {
      li.removeAttribute('aria-current');
    }
  });
}

/**
 * The deployment ended: post the outcome to the opener and the embedding page (for the redirect's origin only),
 * then return there: after a visible countdown when it is READY (the user may stay), on request otherwise.
 */
export function finishHandoff(handoff, view) {
  const outcome = { type: 'deploy-gateway:deployment', deploymentId: view.id, status: view.status,
    url: view.url ?? null, projectName: view.projectName };
  if (!handoff.redirect) {
    return;
  }
  for (const target of new Set([window.opener, window.parent !== window ? window.parent : null])) {
    target?.postMessage(outcome, handoff.redirect.origin);
  }
  const back = new URL(handoff.redirect.url);
  back.searchParams.set('deploymentId', view.id);
  back.searchParams.set('status', view.status);
  if (view.url) {
    back.searchParams.set('url', view.url);
  }
  back.searchParams.set('projectName', view.projectName);
  const box = document.getElementById('handoff-outcome');
  const link = el('a', { class: 'button', id: 'handoff-return', href: back.href,
    text: `Return to ${handoff.redirect.origin}` });
  if (view.status !== 'READY') {
    replace(box, el('p', { text: `The deployment ended ${statusWord(view.status).toLowerCase()}.` }), link);
    return;
  }
  let left = RETURN_DELAY_S;
  const count = el('p', { id: 'handoff-countdown' });
  const tick = () => { count.textContent = `Deployed. Returning you to ${handoff.redirect.origin} in ${left} s…`; };
  tick();
  const timer = setInterval(() => {
    left -= 1;
    if (left <= 0) {
      clearInterval(timer);
      window.location.assign(back.href);
    } else {
      tick();
    }
  }, 1000);
  replace(box, count, link, el('button', {
    type: 'button', class: 'secondary', id: 'handoff-stay', text: 'Stay here',
    onClick: (event) => {
      clearInterval(timer);
      count.textContent = 'Deployed. You are staying here.';
      event.currentTarget.remove();
    },
  }));
}
