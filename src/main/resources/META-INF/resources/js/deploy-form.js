// The "New deployment" form: platform, project name (checked as you type), target, source (a bundled sample, an
// uploaded archive, or a source a generator registered for a hand-off link), environment variables and an
// optional database. Deploy stays disabled until the platforms and samples have arrived.
import { api, seg, arrayOf, answerLost } from './api.js';
import { el, replace, describe } from './dom.js';
import { addEnvRow, envEntries, clearSensitiveValues } from './env-fields.js';
import { clearMarks, envKeyProblem, markInvalid } from './form-errors.js';
import { initNameCheck, scheduleNameCheck, CONNECTION_PROBLEMS } from './name-check.js';
import { deploysTo, platformsLoaded } from './platforms.js';
import { describeProblem } from './form-problems.js';

const $ = (id) => document.getElementById(id);

let samples = [];
let samplesLoaded = false;
let usable = [];
let registered = null;
// One Idempotency-Key per deploy attempt: kept for a retry of the same request after its answer was lost.
let attempt = null;
let handlers = { deployed: () => {}, connectionProblem: () => {}, rateLimited: () => {} };

export function initDeployForm(listeners) {
  handlers = { ...handlers, ...listeners };
  initNameCheck(() => handlers.connectionProblem());
  $('add-env').addEventListener('click', () => addEnvRow());
  $('sample').addEventListener('change', describeSample);
  for (const radio of document.querySelectorAll('input[name="source"]')) {
    radio.addEventListener('change', showSource);
  }
  $('deploy-form').addEventListener('submit', submit);
  updateReadiness();
}

/** Lists the deployment platforms; only connected ones (with a connected source host, if they need one) count. */
export function setPlatforms(platforms) {
  const select = $('deploy-platform');
  const previous = select.value;
  const connected = (id) => platforms.some((p) => p.id === id && p.connection.state === 'CONNECTED');
  const ready = (p) => connected(p.id) && (!p.capabilities.gitSource || (p.sourceHosts ?? []).some(connected));
  const targets = platforms.filter(deploysTo);
  replace(select, targets.map((p) => el('option', {
    value: p.id, disabled: !ready(p), text: ready(p) ? p.name : `${p.name} (${connected(p.id) ? 'connect its source '
      + 'host' : 'not connected'})`,
  })));
  usable = targets.filter(ready).map((p) => p.id);
  select.value = usable.includes(previous) ? previous : usable[0] || '';
  updateReadiness();
  // Re-check only when the platform changed: a failed check reloads the platforms, and must not loop.
  if (select.value !== previous) {
    scheduleNameCheck();
  }
}

export async function loadSamples() {
  const select = $('sample');
  try {
    samples = arrayOf(await api('/api/v1/samples'), 'sample list');
  } catch (e) {
    samples = [];
    $('sample-description').textContent = `Samples could not be loaded: ${describe(e)}`;
  }
  replace(select, samples.map((s) => el('option', { value: s.name, text: s.name })));
  samplesLoaded = true;
  describeSample();
  updateReadiness();
}

/** A hand-off link's settings: the name, the declared env keys (with their description) and the source. */
export function prefill({ projectName, envKeys, envDescription, source }) {
  if (projectName) {
    $('project-name').value = projectName;
    scheduleNameCheck();
  }
  $('env-description').textContent = envDescription || '';
  $('env-description').hidden = !envDescription;
  envKeys.forEach((key) => addEnvRow({ key, sensitive: true, declared: true, focus: false }));
  if (source?.kind === 'sample') {
    $('sample').value = source.name;
    describeSample();
  }
  if (source?.kind === 'upload') {
    document.querySelector('input[name="source"][value="archive"]').checked = true;
  }
  showSource();
}

/** Offers a registered source (the hand-off's) as the form's source, chosen. */
export function useRegisteredSource(source, from) {
  registered = source;
  $('source-registered').hidden = false;
  $('registered-description').textContent = `${source.fileCount} ${source.fileCount === 1 ? 'file' : 'files'} `
    + `(${Math.ceil(source.bytes / 1024)} KB) `
    + `from ${from}, available until ${new Date(source.expiresAt).toLocaleTimeString()}.`;
  const radio = document.querySelector('input[name="source"][value="registered"]');
  radio.disabled = false;
  radio.checked = true;
  showSource();
}

function updateReadiness() {
  const button = $('deploy-submit');
  const loaded = platformsLoaded() && samplesLoaded;
  button.disabled = !loaded || usable.length === 0;
  button.textContent = loaded ? 'Deploy' : 'Loading…';
  button.title = loaded && usable.length === 0 ? 'Connect a platform first' : '';
  $('deploy-hint').textContent = loaded && usable.length === 0 ? 'Connect a platform above to deploy.' : '';
}

function describeSample() {
  const chosen = samples.find((s) => s.name === $('sample').value);
  $('sample-description').textContent = chosen ? chosen.description : '';
}

function sourceKind() {
  return document.querySelector('input[name="source"]:checked').value;
}

function showSource() {
  const kind = sourceKind();
  $('source-archive').hidden = kind !== 'archive';
  $('source-sample').hidden = kind !== 'sample';
  $('registered-description').hidden = kind !== 'registered';
}

function settings(entries) {
  const database = $('database').value;
  return {
    platform: $('deploy-platform').value,
    projectName: $('project-name').value.trim(),
    target: document.querySelector('input[name="target"]:checked').value,
    env: entries.map(({ key, value, sensitive }) => ({ key, value, sensitive })),
    database: database || null, // an engine name: postgres, mysql, redis, mongodb
  };
}

/** What the form would check before sending: each problem marks its field. */
function localProblems(body, entries) {
  const problems = [];
  if (!body.platform) problems.push(markInvalid($('deploy-platform'), 'Platform', 'connect a platform first'));
  if (!body.projectName) problems.push(markInvalid($('project-name'), 'Project name', 'enter a name'));
  if (sourceKind() === 'archive' && !$('archive').files[0]) {
    problems.push(markInvalid($('archive'), 'Archive', 'choose a .zip or .tar.gz file'));
  }
  if (sourceKind() === 'sample' && !$('sample').value) problems.push(markInvalid($('sample'), 'Sample', 'choose one'));
  entries.forEach((entry, i) => {
    const keyProblem = envKeyProblem(entry.key);
    if (keyProblem) problems.push(markInvalid(entry.keyInput, `Variable ${i + 1} name`, keyProblem));
    if (entry.declared && !entry.value) {
      problems.push(markInvalid(entry.valueInput, `${entry.key}`, 'the link asks for a value'));
    }
  });
  return problems;
}

async function submit(event) {
  event.preventDefault();
  const form = $('deploy-form');
  clearMarks(form);
  replace($('deploy-errors'));
  const entries = envEntries();
  const body = settings(entries);
  const problems = localProblems(body, entries);
  if (problems.length) {
    showProblems(problems);
    return;
  }
  const button = $('deploy-submit');
  button.disabled = true;
  button.textContent = 'Deploying…';
  try {
    const kind = sourceKind();
    const archive = $('archive').files[0];
    const request = kind === 'archive' ? { form: multipart(body, archive) }
      : kind === 'registered' ? { json: { ...body, sourceId: registered.id } }
        : { json: { ...body, files: (await api(`/api/v1/samples/${seg($('sample').value)}`)).files } };
    const fingerprint = await digest(JSON.stringify([body, kind, registered?.id, $('sample').value,
      archive ? [archive.name, archive.size, archive.lastModified] : null]));
    clearSensitiveValues();
    if (attempt?.fingerprint !== fingerprint) {
      attempt = { key: crypto.randomUUID(), fingerprint };
    }
    const view = await api('/api/v1/deployments', { method: 'POST', headers: { 'Idempotency-Key': attempt.key },
      ...request });
    attempt = null;
    handlers.deployed(view);
  } catch (e) {
    clearSensitiveValues();
    if (!answerLost(e)) {
      attempt = null; // the server answered: a new attempt gets a new key
    }
    if (CONNECTION_PROBLEMS.has(e.code)) {
      handlers.connectionProblem();
    }
    if (e.code === 'RATE_LIMITED') {
      handlers.rateLimited();
    }
    showProblems(describeProblem(e, entries), answerLost(e)
      ? 'Deploy again to retry: it is the same attempt, so it cannot start a second deployment.' : null);
  } finally {
    updateReadiness();
  }
}

function multipart(body, archive) {
  const form = new FormData();
  form.append('settings', new Blob([JSON.stringify(body)], { type: 'application/json' }));
  form.append('archive', archive, archive.name);
  return form;
}

/** The summary under the form: one line per problem, said once. */
function showProblems(lines, advice = null) {
  const [first, ...rest] = lines;
  replace($('deploy-errors'), lines.length === 1 ? el('p', { text: first })
    : [el('p', { text: 'Fix the marked fields:' }), el('ul', {}, [first, ...rest].map((p) => el('li', { text: p })))],
  advice ? el('p', { class: 'hint', text: advice }) : null);
  $('deploy-form').querySelector('[aria-invalid="true"]')?.focus();
}

async function digest(text) {
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

