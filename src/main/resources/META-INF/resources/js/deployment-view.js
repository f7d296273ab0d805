// One deployment, live: status steps, upload progress, the build log over Server-Sent Events, cancel/redeploy and
// the link to the deployed site. Survives reloads: the deployment id lives in the URL hash, and the stream is
// replayed from the server's event log and de-duplicated by event id, so no line shows twice or goes missing.
import { api, seg } from './api.js';
import { el, replace, describe, safeUrl, formatTime, notify } from './dom.js';
import { LogView } from './log-view.js';

const STEPS = ['PENDING', 'UPLOADING', 'QUEUED', 'BUILDING', 'DEPLOYING', 'READY'];
const TERMINAL = new Set(['READY', 'FAILED', 'CANCELED', 'TIMED_OUT']);
const MAX_STREAM_RETRIES = 5;

let current = null;
let listeners = { finished: () => {}, redeployed: () => {} };

export function onDeploymentEvents(handlers) {
  listeners = { ...listeners, ...handlers };
}

/** Stops watching the deployment on screen (closes its stream). */
export function closeDeployment() {
  current?.stop();
  current = null;
  document.getElementById('deployment-panel').hidden = true;
}

export function showDeployment(id) {
  if (current?.id === id) {
    return;
  }
  current?.stop();
  current = new DeploymentWatch(id);
  current.start();
}

class DeploymentWatch {
  constructor(id) {
    this.id = id;
    this.seen = new Set();
    this.lastId = null;
    this.status = 'PENDING';
    this.ended = false;
    this.retries = 0;
    this.source = null;
    this.log = new LogView();
  }

  start() {
    const panel = document.getElementById('deployment-panel');
    panel.hidden = false;
    this.statusText = el('p', { class: 'status-text', role: 'status', 'aria-live': 'polite', id: 'deployment-status' });
    this.steps = el('ol', { class: 'steps', 'aria-label': 'Deployment steps' },
      STEPS.map((s) => el('li', { dataset: { step: s }, text: s.charAt(0) + s.slice(1).toLowerCase() })));
    this.progress = el('progress', { id: 'upload-progress', max: '1', value: '0', 'aria-label': 'Upload progress' });
    this.progressText = el('span', { class: 'hint' });
    this.progressBox = el('div', { class: 'progress', hidden: true }, this.progress, this.progressText);
    this.errorBox = el('div', { class: 'error-box', role: 'alert', hidden: true });
    this.summary = el('dl', { class: 'summary' });
    this.actions = el('div', { class: 'actions' });
    this.root = el('div', { class: 'deployment', dataset: { deploymentId: this.id, status: 'PENDING' } },
      this.summary, this.statusText, this.steps, this.progressBox, this.errorBox, this.actions, this.log.root);
    replace(document.getElementById('deployment'), this.root);
    this.setStatus('PENDING');
    this.refreshView().then(() => this.connect());
  }

  stop() {
    this.stopped = true;
    this.source?.close();
    clearTimeout(this.retryTimer);
  }

  async refreshView() {
    try {
      this.view = await api(`/api/v1/deployments/${seg(this.id)}`);
      this.renderView();
    } catch (e) {
      this.showError(`Deployment could not be loaded: ${describe(e)}`);
      if (e.status === 404) {
        this.ended = true; // nothing to stream
      }
    }
  }

  renderView() {
    const v = this.view;
    document.getElementById('deployment-title').textContent = `Deployment of ${v.projectName}`;
    const env = v.env || [];
    replace(this.summary,
      el('dt', { text: 'Project' }), el('dd', { text: v.projectName }),
      el('dt', { text: 'Platform' }), el('dd', { text: `${v.platform} · ${v.target}` }),
      el('dt', { text: 'Started' }), el('dd', { text: formatTime(v.createdAt) }),
      env.length ? el('dt', { text: 'Environment' }) : null,
      env.length ? el('dd', {}, el('ul', { class: 'env-list' },
        env.map((e) => el('li', {}, el('code', { text: e.key }), ' = ',
          el('code', { class: e.sensitive ? 'masked' : null, text: e.value ?? '' }))))) : null);
    if (!this.ended || TERMINAL.has(v.status)) {
      this.setStatus(v.status, null, v.url);
    }
    if (v.error) {
      this.showError(`${v.error.code}${v.error.step ? ` in ${v.error.step}` : ''}: ${v.error.message || ''}`);
    }
  }

  connect() {
    if (this.stopped || this.ended) {
      return;
    }
    // First connection: the whole log (the server replays it). Reconnections we make ourselves continue after
    // the last event we rendered; the browser's own reconnects send Last-Event-ID. Either way `seen` drops
    // anything already on screen.
    const after = this.lastId ? `?after=${encodeURIComponent(this.lastId)}` : '';
    const source = new EventSource(`/api/v1/deployments/${seg(this.id)}/events${after}`, { withCredentials: true });
    this.source = source;
    source.onopen = () => { this.retries = 0; };
    for (const kind of ['status', 'log', 'progress', 'warning', 'error', 'end']) {
      source.addEventListener(kind, (event) => this.onEvent(kind, event));
    }
    source.onerror = () => {
      if (this.ended || this.stopped) {
        source.close();
        return;
      }
      if (source.readyState === EventSource.CLOSED) {
        // The server refused the stream (e.g. 401/404/5xx): EventSource gives up, so we retry a few times.
        this.retryLater();
      } else {
        this.statusText.textContent = `${this.statusLabel()} (reconnecting to the log…)`;
      }
    };
  }

  retryLater() {
    this.source?.close();
    if (this.retries >= MAX_STREAM_RETRIES) {
      this.showError('The live log is unavailable. Reload the page to try again.');
      return;
    }
    this.retries += 1;
    this.retryTimer = setTimeout(() => this.refreshView().then(() => this.connect()), 1000 * 2 ** this.retries);
  }

  onEvent(kind, event) {
    if (event.lastEventId) {
      if (this.seen.has(event.lastEventId)) {
        return; // replayed after a reconnect or a reload
      }
      this.seen.add(event.lastEventId);
      this.lastId = event.lastEventId;
    }
    let data = {};
    try {
      data = JSON.parse(event.data);
    } catch (e) {
      data = { text: event.data };
    }
    const id = event.lastEventId;
    switch (kind) {
      case 'status':
        this.setStatus(data.status, data.message);
        this.log.append({ id, kind: 'status', text: `▸ ${data.status}${data.message ? `: ${data.message}` : ''}` });
        break;
      case 'log':
        this.log.append({ id, kind: 'log', stream: data.stream, text: data.text });
        break;
      case 'progress':
        this.setProgress(data);
        break;
      case 'warning':
        this.log.append({ id, kind: 'warning', text: `Warning: ${data.message}` });
        break;
      case 'error':
        this.log.append({ id, kind: 'error', text: `Error ${data.code || ''}: ${data.message || ''}` });
        this.showError(`${data.code || 'ERROR'}${data.step ? ` in ${data.step}` : ''}: ${data.message || ''}`);
        break;
      case 'end':
        this.ended = true;
        this.source.close(); // otherwise EventSource reconnects to a finished stream forever
        this.setStatus(data.status, null, data.url);
        this.log.append({ id, kind: 'status', text: `■ Finished: ${data.status}` });
        listeners.finished(this.id, data);
        break;
      default:
        break;
    }
  }

  statusLabel() {
    return this.status.charAt(0) + this.status.slice(1).toLowerCase().replace('_', ' ');
  }

  setStatus(status, message, url) {
    if (!status) {
      return;
    }
    this.status = status;
    this.root.dataset.status = status;
    this.statusText.textContent = `${this.statusLabel()}${message ? ` — ${message}` : ''}`;
    const failed = TERMINAL.has(status) && status !== 'READY';
    let index = STEPS.indexOf(status);
    if (failed) {
      // Mark the step that was running when it failed.
      const reached = [...this.steps.children].filter((li) => li.className !== '');
      index = Math.max(0, reached.length - 1);
    }
    [...this.steps.children].forEach((li, i) => {
      li.className = i < index || status === 'READY' ? 'done' : i === index ? (failed ? 'failed' : 'active') : '';
      if (i === index && !failed && status !== 'READY') {
        li.setAttribute('aria-current', 'step');
      } else {
        li.removeAttribute('aria-current');
      }
    });
    if (status === 'UPLOADING') {
      this.progressBox.hidden = false;
    }
    this.renderActions(url ?? this.view?.url);
  }

  setProgress(p) {
    this.progressBox.hidden = false;
    const total = p.bytesTotal || p.filesTotal || 0;
    const done = p.bytesTotal ? p.bytesDone : p.filesDone;
    this.progress.max = total || 1;
    this.progress.value = total ? Math.min(done, total) : 1;
    const kb = (n) => `${Math.round((n || 0) / 1024)} KB`;
    this.progressText.textContent = total
      ? ` ${p.filesDone ?? 0}/${p.filesTotal ?? 0} files, ${kb(p.bytesDone)} of ${kb(p.bytesTotal)}`
      : ' Nothing to upload: the platform already has every file.';
  }

  showError(text) {
    this.errorBox.hidden = false;
    this.errorBox.textContent = text;
  }

  renderActions(url) {
    const terminal = TERMINAL.has(this.status);
    const href = url ? safeUrl(url) : null;
    replace(this.actions,
      href && this.status === 'READY'
        ? el('a', { class: 'button', id: 'open-site', href, target: '_blank', rel: 'noopener noreferrer', text: 'Open site' })
        : null,
      !terminal ? el('button', { type: 'button', class: 'danger', id: 'cancel-deployment', text: 'Cancel', onClick: () => this.cancel() }) : null,
      terminal ? el('button', { type: 'button', class: 'secondary', text: 'Redeploy', onClick: () => redeploy(this.id) }) : null);
  }

  async cancel() {
    try {
      await api(`/api/v1/deployments/${seg(this.id)}/cancel`, { method: 'POST' });
      this.statusText.textContent = 'Cancelling…';
    } catch (e) {
      this.showError(`Cancel failed: ${describe(e)}`);
    }
  }
}

/** Starts a new deployment of the same source and settings, then shows it. */
export async function redeploy(id) {
  try {
    const view = await api(`/api/v1/deployments/${seg(id)}/redeploy`, { method: 'POST' });
    listeners.redeployed(view);
  } catch (e) {
    notify(`Redeploy failed: ${describe(e)}`, 'error');
  }
}
