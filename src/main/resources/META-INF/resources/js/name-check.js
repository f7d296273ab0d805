// The project name check, 350 ms after the last keystroke; only the newest answer is shown. A name the user's
// account already has is fine to deploy to (the deployment is added to that project); fresh names are offered.
import { api, seg } from './api.js';
import { el, replace, describe } from './dom.js';
import { markInvalid } from './form-errors.js';

const NAME_CHECK_DELAY_MS = 350;
// Answers that mean the platform card is out of date (the server has just marked the connection).
export const CONNECTION_PROBLEMS = new Set(['RECONNECT_REQUIRED', 'PLATFORM_NOT_CONNECTED']);

const $ = (id) => document.getElementById(id);

let timer = null;
let seq = 0;
let onConnectionProblem = () => {};

export function initNameCheck(connectionProblemListener) {
  onConnectionProblem = connectionProblemListener;
  $('project-name').addEventListener('input', scheduleNameCheck);
  $('deploy-platform').addEventListener('change', scheduleNameCheck);
}

export function scheduleNameCheck() {
  clearTimeout(timer);
  seq += 1;
  const name = $('project-name').value.trim();
  const status = $('name-status');
  replace($('name-suggestions'));
  status.className = 'hint';
  status.textContent = '';
  delete status.dataset.available;
  delete status.dataset.existing;
  $('project-name').removeAttribute('aria-invalid');
  if (!name || !$('deploy-platform').value) {
    return;
  }
  status.textContent = 'Checking…';
  timer = setTimeout(() => checkName($('deploy-platform').value, name), NAME_CHECK_DELAY_MS);
}

async function checkName(platform, name) {
  const mine = ++seq;
  const status = $('name-status');
  try {
    const result = await api(`/api/v1/platforms/${seg(platform)}/names/${seg(name)}`);
    if (mine !== seq) {
      return; // a newer keystroke's answer wins
    }
    status.dataset.available = String(result.available);
    status.dataset.existing = String(result.existing);
    status.className = result.available ? 'hint ok' : 'hint warn';
    if (!result.available) {
      status.textContent = `"${result.name}" cannot be used: ${result.reason}`;
      $('project-name').setAttribute('aria-invalid', 'true');
    } else if (result.existing) {
      status.textContent = `"${result.name}" is a project you already have: this deploys a new version of it.`;
    } else {
      status.textContent = `"${result.name}" is available.`;
    }
    replace($('name-suggestions'), result.suggestions.length
      ? el('span', { class: 'hint', text: result.existing ? 'Or a new project: ' : 'Try: ' }) : null,
    result.suggestions.map((s) => el('button', {
      type: 'button', class: 'chip', text: s,
      onClick: () => { $('project-name').value = s; scheduleNameCheck(); $('project-name').focus(); },
    })));
  } catch (e) {
    if (mine === seq) {
      status.className = 'hint warn';
      status.textContent = `Name check unavailable: ${describe(e)}`;
    }
    if (CONNECTION_PROBLEMS.has(e.code)) {
      onConnectionProblem();
    }
  }
}

/** Marks the name field with the platform's rule (a server validation answer). */
export function markName(message) {
  return markInvalid($('project-name'), 'Project name', message);
}
