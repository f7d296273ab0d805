// The "New deployment" form: platform, project name (checked as you type), target, source (a bundled sample or
// an uploaded archive), environment variables and an optional database.
import { api, seg } from './api.js';
import { el, replace, describe } from './dom.js';

const NAME_CHECK_DELAY_MS = 350;

let samples = [];
let nameCheckTimer = null;
let nameCheckSeq = 0;
let onDeployed = () => {};
let onConnectionProblem = () => {};

// Answers that mean the platform card is out of date (the server has just marked the connection).
const CONNECTION_PROBLEMS = new Set(['RECONNECT_REQUIRED', 'PLATFORM_NOT_CONNECTED']);

const $ = (id) => document.getElementById(id);

export function initDeployForm(deployedListener, connectionProblemListener) {
  onDeployed = deployedListener;
  onConnectionProblem = connectionProblemListener;
  $('project-name').addEventListener('input', scheduleNameCheck);
  $('deploy-platform').addEventListener('change', scheduleNameCheck);
  $('add-env').addEventListener('click', () => addEnvRow());
  $('sample').addEventListener('change', describeSample);
  for (const radio of document.querySelectorAll('input[name="source"]')) {
    radio.addEventListener('change', showSource);
  }
  $('deploy-form').addEventListener('submit', submit);
}

/** Lists the platforms; only connected ones can be chosen. */
export function setPlatforms(platforms) {
  const select = $('deploy-platform');
  const previous = select.value;
  replace(select, platforms.map((p) => {
    const connected = p.connection?.state === 'CONNECTED';
    return el('option', {
      value: p.id, disabled: !connected, text: connected ? p.name : `${p.name} (not connected)`,
    });
  }));
  const usable = platforms.filter((p) => p.connection?.state === 'CONNECTED').map((p) => p.id);
  select.value = usable.includes(previous) ? previous : usable[0] || '';
  $('deploy-submit').disabled = usable.length === 0;
  $('deploy-submit').title = usable.length === 0 ? 'Connect a platform first' : '';
  // Re-check only when the platform changed: a failed check reloads the platforms, and must not loop.
  if (select.value !== previous) {
    scheduleNameCheck();
  }
}

export async function loadSamples() {
  const select = $('sample');
  try {
    const list = await api('/api/v1/samples');
    samples = Array.isArray(list) ? list : list?.items || [];
  } catch (e) {
    samples = [];
    $('sample-description').textContent = `Samples could not be loaded: ${describe(e)}`;
  }
  replace(select, samples.map((s) => el('option', { value: s.name, text: s.title || s.name })));
  describeSample();
}

function describeSample() {
  const chosen = samples.find((s) => s.name === $('sample').value);
  if (chosen) {
    $('sample-description').textContent = chosen.description || '';
  }
}

function showSource() {
  const archive = document.querySelector('input[name="source"]:checked').value === 'archive';
  $('source-archive').hidden = !archive;
  $('source-sample').hidden = archive;
}

function addEnvRow(key = '', value = '', sensitive = false) {
  const index = $('env-rows').children.length;
  const valueInput = el('input', {
    class: 'env-value', id: `env-value-${index}`, autocomplete: 'off', spellcheck: 'false',
    type: sensitive ? 'password' : 'text', value,
  });
  const sensitiveBox = el('input', { type: 'checkbox', class: 'env-sensitive', id: `env-sensitive-${index}` });
  sensitiveBox.checked = sensitive;
  // Sensitive values are typed blind, like passwords.
  sensitiveBox.addEventListener('change', () => { valueInput.type = sensitiveBox.checked ? 'password' : 'text'; });
  const row = el('div', { class: 'env-row' },
    el('label', { for: `env-key-${index}`, class: 'visually-hidden', text: `Variable ${index + 1} name` }),
    el('input', {
      class: 'env-key', id: `env-key-${index}`, placeholder: 'NAME', autocomplete: 'off', spellcheck: 'false', value: key,
    }),
    el('label', { for: `env-value-${index}`, class: 'visually-hidden', text: `Variable ${index + 1} value` }),
    valueInput,
    el('label', { class: 'inline', for: `env-sensitive-${index}` }, sensitiveBox, ' Sensitive'),
    el('button', {
      type: 'button', class: 'secondary small', 'aria-label': `Remove variable ${index + 1}`, text: 'Remove',
      onClick: () => row.remove(),
    }));
  $('env-rows').append(row);
  row.querySelector('.env-key').focus();
}

function scheduleNameCheck() {
  clearTimeout(nameCheckTimer);
  const name = $('project-name').value.trim();
  const status = $('name-status');
  replace($('name-suggestions'));
  status.className = 'hint';
  status.textContent = '';
  delete status.dataset.available;
  if (!name || !$('deploy-platform').value) {
    return;
  }
  status.textContent = 'Checking…';
  nameCheckTimer = setTimeout(() => checkName($('deploy-platform').value, name), NAME_CHECK_DELAY_MS);
}

async function checkName(platform, name) {
  const seq = ++nameCheckSeq;
  const status = $('name-status');
  try {
    const result = await api(`/api/v1/platforms/${seg(platform)}/names/${seg(name)}`);
    if (seq !== nameCheckSeq) {
      return; // a newer keystroke's answer wins
    }
    status.dataset.available = String(Boolean(result.available));
    status.className = result.available ? 'hint ok' : 'hint warn';
    status.textContent = result.available
      ? `"${result.name}" is available.`
      : `"${result.name}" ${result.reason || 'is not available'}.`;
    const suggestions = result.suggestions || [];
    replace($('name-suggestions'), suggestions.length ? el('span', { class: 'hint', text: 'Try: ' }) : null,
      suggestions.map((s) => el('button', {
        type: 'button', class: 'chip', text: s,
        onClick: () => { $('project-name').value = s; scheduleNameCheck(); $('project-name').focus(); },
      })));
  } catch (e) {
    if (seq === nameCheckSeq) {
      status.className = 'hint warn';
      status.textContent = `Name check unavailable: ${describe(e)}`;
    }
    if (CONNECTION_PROBLEMS.has(e.code)) {
      onConnectionProblem();
    }
  }
}

function settings() {
  const env = [...document.querySelectorAll('#env-rows .env-row')].map((row) => ({
    key: row.querySelector('.env-key').value.trim(),
    value: row.querySelector('.env-value').value,
    sensitive: row.querySelector('.env-sensitive').checked,
  })).filter((v) => v.key || v.value);
  const database = $('database').value;
  return {
    platform: $('deploy-platform').value,
    projectName: $('project-name').value.trim(),
    target: document.querySelector('input[name="target"]:checked').value,
    env,
    database: database || null, // an engine name: postgres, mysql, redis, mongodb
  };
}

/** After a submit the browser must not keep secrets around: sensitive values are wiped from the form. */
function clearSensitiveValues() {
  for (const row of document.querySelectorAll('#env-rows .env-row')) {
    if (row.querySelector('.env-sensitive').checked) {
      row.querySelector('.env-value').value = '';
    }
  }
}

async function submit(event) {
  event.preventDefault();
  const errors = $('deploy-errors');
  replace(errors);
  const body = settings();
  const problems = [];
  if (!body.platform) problems.push('Connect a platform first.');
  if (!body.projectName) problems.push('Enter a project name.');
  const useArchive = document.querySelector('input[name="source"]:checked').value === 'archive';
  const archive = $('archive').files[0];
  if (useArchive && !archive) problems.push('Choose an archive to upload.');
  if (!useArchive && !$('sample').value) problems.push('Choose a sample.');
  if (problems.length) {
    replace(errors, el('ul', {}, problems.map((p) => el('li', { text: p }))));
    return;
  }
  const button = $('deploy-submit');
  button.disabled = true;
  button.textContent = 'Deploying…';
  try {
    const headers = { 'Idempotency-Key': crypto.randomUUID() };
    let view;
    if (useArchive) {
      const form = new FormData();
      form.append('settings', new Blob([JSON.stringify(body)], { type: 'application/json' }));
      form.append('archive', archive, archive.name);
      clearSensitiveValues();
      view = await api('/api/v1/deployments', { method: 'POST', form, headers });
    } else {
      const sample = await api(`/api/v1/samples/${seg($('sample').value)}`);
      clearSensitiveValues();
      view = await api('/api/v1/deployments', { method: 'POST', json: { ...body, files: sample.files }, headers });
    }
    onDeployed(view);
  } catch (e) {
    clearSensitiveValues();
    if (CONNECTION_PROBLEMS.has(e.code)) {
      onConnectionProblem();
    }
    const fieldErrors = e.problem?.errors || [];
    replace(errors, el('p', { text: describe(e) }),
      fieldErrors.length ? el('ul', {}, fieldErrors.map((f) => el('li', { text: `${f.field}: ${f.message}` }))) : null);
  } finally {
    button.disabled = false;
    button.textContent = 'Deploy';
  }
}
