// One deployment, live: summary, status and stream state, steps with durations, upload progress, the build log,
// Cancel while running, and the result when it ends. Survives reloads and network cuts: the id lives in the URL
// hash, and the event stream is replayed from the server's log and de-duplicated by event id (event-stream.js).
import { seg } from './api.js';
import { el, replace, describe, loading } from './dom.js';
import { between, formatDuration, formatTime, statusWord } from './format.js';
import { notify } from './notice.js';
import { EventStream } from './event-stream.js';
import { LogView } from './log-view.js';
import { logTools } from './log-tools.js';
import { StepsView } from './steps.js';
import { resultPanel } from './result-panel.js';
import { getDeployment, cancelDeployment, redeployDeployment } from './deployment-api.js';
import { knownPlatforms } from './platforms.js';

const TERMINAL = new Set(['READY', 'FAILED', 'CANCELED', 'TIMED_OUT']);
const STREAM_WORDS = {
  connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', retrying: 'Reconnecting…',
  ended: 'Finished', stopped: '',
};

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

/** Shows deployment `id`; resolves once its view is on screen (or its not-found state). */
export function showDeployment(id) {
  if (current?.id === id) {
    return current.ready;
  }
  current?.stop();
  current = new DeploymentWatch(id);
  return current.start();
}

/** Starts a new deployment of the same source and settings, then shows it. */
export async function redeploy(id) {
  try {
    listeners.redeployed(await redeployDeployment(id));
  } catch (e) {
    notify(`Redeploy failed: ${describe(e)}`, 'error');
  }
}

class DeploymentWatch {
  constructor(id) {
    this.id = id;
    this.box = document.getElementById('deployment');
    this.title = document.getElementById('deployment-title');
    this.lastStatus = null;
    this.lastAt = null;
    this.provisioned = '';
  }

  start() {
    document.getElementById('deployment-panel').hidden = false;
    this.title.textContent = 'Deployment';
    replace(this.box, loading('the deployment'));
    this.ready = this.load();
    return this.ready;
  }

  stop() {
    this.stopped = true;
    this.stream?.stop();
  }

  async load() {
    try {
      this.view = await getDeployment(this.id);
    } catch (e) {
      if (!this.stopped) {
        this.showLoadFailure(e);
      }
      return;
    }
    if (this.stopped) {
      return;
    }
    this.render();
    this.stream = new EventStream(`/api/v1/deployments/${seg(this.id)}/events`, {
      onEvent: (kind, data, id) => this.onEvent(kind, data, id),
      onState: (state) => this.onStreamState(state),
      beforeRetry: () => this.stillThere(),
    });
    this.stream.start();
  }

  /** A 404 is a state of its own: nothing to stream, nothing to cancel. */
  showLoadFailure(error) {
    if (error.status === 404) {
      this.title.textContent = 'Deployment not found';
      replace(this.box, el('div', { class: 'not-found', id: 'deployment-not-found', dataset: { deploymentId: this.id } },
        el('p', { text: `There is no deployment ${this.id} in your account. It may belong to another account, or `
          + 'the link may be mistyped.' }),
        el('a', { href: '#', text: 'Start a new deployment' })));
      return;
    }
    replace(this.box, el('div', { class: 'error-box', role: 'alert', text: `The deployment could not be loaded: `
      + `${describe(error)}` }), el('button', {
      type: 'button', class: 'secondary', text: 'Try again', onClick: () => this.start(),
    }));
  }

  /** Before reconnecting after the server refused the stream: is the deployment still ours to watch? */
  async stillThere() {
    try {
      this.view = await getDeployment(this.id);
      return !this.stopped;
    } catch (e) {
      if (e.status === 404 || e.status === 401) {
        this.stream.stop();
        this.showLoadFailure(e);
        return false;
      }
      return !this.stopped;
    }
  }

  render() {
    const v = this.view;
    this.title.textContent = `Deployment of ${v.projectName}`;
    this.statusText = el('p', { class: 'status-text', role: 'status', id: 'deployment-status' });
    this.streamState = el('span', { class: 'stream-state', id: 'stream-state', 'aria-live': 'polite' });
    this.streamNote = el('p', { class: 'hint', id: 'stream-note', hidden: true });
    this.steps = new StepsView();
    this.progress = el('progress', { id: 'upload-progress', max: '1', value: '0', 'aria-label': 'Upload progress' });
    this.progressText = el('span', { class: 'hint' });
    this.progressBox = el('div', { class: 'progress', hidden: true }, this.progress, this.progressText);
    this.errorBox = el('div', { class: 'error-box', role: 'alert', hidden: true });
    this.result = el('div', { class: 'result-slot' });
    this.actions = el('div', { class: 'actions' });
    this.log = new LogView();
    const env = v.env;
    this.root = el('div', { class: 'deployment', dataset: { deploymentId: this.id, status: v.status } },
      el('dl', { class: 'summary' },
        el('dt', { text: 'Project' }), el('dd', { text: v.projectName }),
        el('dt', { text: 'Platform' }), el('dd', { text: `${v.platform} · ${v.target}` }),
        el('dt', { text: 'Started' }), el('dd', { text: formatTime(v.createdAt) }),
        env.length ? el('dt', { text: 'Environment' }) : null,
        env.length ? el('dd', {}, el('ul', { class: 'env-list' }, env.map((e) => el('li', {},
          el('code', { text: e.key }), ' = ', el('code', { class: e.sensitive ? 'masked' : null, text: e.value })))))
          : null),
      el('div', { class: 'status-line' }, this.statusText, this.streamState), this.streamNote,
      this.steps.root, this.progressBox, this.errorBox, this.result, this.actions,
      logTools(this.log, `${v.projectName}-${this.id}.log`), this.log.root);
    replace(this.box, this.root);
    this.setStatus(v.status, null);
    if (v.error) {
      this.showError(v.error);
    }
  }

  onStreamState(state) {
    this.streamState.dataset.state = state;
    this.streamState.textContent = STREAM_WORDS[state] ?? '';
    if (state === 'live') {
      this.streamNote.hidden = true;
    }
  }

  onEvent(kind, data, id) {
    switch (kind) {
      case 'status':
        this.onStatus(data, id);
        break;
      case 'log':
        this.lastAt = data.at || this.lastAt;
        this.log.append({ id, kind: 'log', stream: data.stream, text: data.text, at: data.at });
        break;
      case 'progress':
        this.setProgress(data);
        break;
      case 'warning':
        if (id === null) {
          // The server's note that this connection is being cut (a slow viewer): the stream resumes by itself.
          this.streamNote.hidden = false;
          this.streamNote.textContent = data.message;
        } else {
          this.log.append({ id, kind: 'warning', text: `Warning: ${data.message}`, at: this.lastAt });
        }
        break;
      case 'error':
        this.log.append({ id, kind: 'error', text: `Error ${data.code}: ${data.message}`, at: this.lastAt });
        this.showError(data);
        break;
      case 'end':
        this.onEnd(data, id);
        break;
      default:
        break;
    }
  }

  onStatus(data, id) {
    if (data.step === 'provision' && data.message) {
      this.provisioned = data.message;
    }
    this.closeStep(data.at);
    this.lastAt = data.at || this.lastAt;
    const seq = this.log.append({
      id, kind: 'status', at: data.at,
      text: `▸ ${statusWord(data.status)}${data.step ? ` (${data.step})` : ''}${data.message ? `: ${data.message}` : ''}`,
    });
    this.lastStatus = { seq, at: data.at };
    this.setStatus(data.status, data.message, data.at);
  }

  /** The previous status line gets its duration: until `at`, when the next one began (or the deployment ended). */
  closeStep(at) {
    const took = this.lastStatus ? between(this.lastStatus.at, at) : null;
    if (took !== null) {
      this.log.setNote(this.lastStatus.seq, formatDuration(took));
    }
  }

  async onEnd(data, id) {
    try {
      this.view = await getDeployment(this.id);
    } catch (e) {
      this.view = { ...this.view, status: data.status, url: data.url ?? null };
    }
    this.closeStep(this.view.finishedAt);
    this.log.append({ id, kind: 'status', text: `■ Finished: ${statusWord(data.status)}`, at: this.view.finishedAt });
    this.setStatus(data.status, null, null);
    if (this.view.error && data.status !== 'CANCELED') {
      this.showError(this.view.error);
    }
    const platform = knownPlatforms().find((p) => p.id === this.view.platform);
    replace(this.result, resultPanel({
      view: { ...this.view, status: data.status, url: data.url ?? this.view.url },
      capabilities: platform?.capabilities ?? {},
      provisioned: this.provisioned,
      onRedeploy: () => redeploy(this.id),
      onLive: (answer) => notify(`${this.view.projectName} is live in production${answer.live.url ? ` at `
        + `${answer.live.url}` : ''}.`, 'success'),
    }));
    listeners.finished({ ...this.view, status: data.status, url: data.url ?? this.view.url });
  }

  setStatus(status, message, at) {
    if (!status) {
      return;
    }
    this.status = status;
    this.root.dataset.status = status;
    this.statusText.textContent = `${statusWord(status)}${message ? ` — ${message}` : ''}`;
    this.steps.show(status, at, this.view.finishedAt);
    if (status === 'UPLOADING') {
      this.progressBox.hidden = false;
    }
    replace(this.actions, TERMINAL.has(status) ? null : el('button', {
      type: 'button', class: 'danger', id: 'cancel-deployment', text: 'Cancel', onClick: () => this.cancel(),
    }));
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

  /** A server `error` event or the view's error: code, step and the platform's words. */
  showError(error) {
    this.errorBox.hidden = false;
    this.errorBox.textContent = `${error.code}${error.step ? ` in ${error.step}` : ''}: ${error.message}`;
  }

  async cancel() {
    try {
      await cancelDeployment(this.id);
      this.statusText.textContent = 'Canceling…';
    } catch (e) {
      notify(`Cancel failed: ${describe(e)}`, 'error');
    }
  }
}

