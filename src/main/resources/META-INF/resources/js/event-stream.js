// A deployment's event stream (Server-Sent Events): every event once, in order, whatever happens to the
// connection. The EventSource's own `error` (a network blip, a server restart) is a connection state, never a
// server `error` event; the browser reconnects with Last-Event-ID, and when it gives up (the server refused the
// stream) this reconnects itself with ?after= the last id seen, backing off.

const KINDS = ['status', 'log', 'progress', 'warning', 'error', 'end'];
const RETRY_BASE_MS = 1000;
const RETRY_MAX_MS = 15000;

/**
 * States, reported to `onState`: connecting, live, reconnecting (the connection dropped; the browser is trying
 * again), retrying (the server refused; we try again after a pause), ended (after `end`) and stopped.
 */
export class EventStream {
  /**
   * @param url the stream's URL
   * @param onEvent (kind, data, id) for every new event; `id` is null for the server's id-less notices
   * @param onState (state) on every change
   * @param beforeRetry async () => boolean, asked before reconnecting after a refusal (false: give up)
   */
  constructor(url, { onEvent, onState, beforeRetry = async () => true }) {
    this.url = url;
    this.onEvent = onEvent;
    this.onState = onState;
    this.beforeRetry = beforeRetry;
    this.seen = new Set();
    this.lastId = null;
    this.state = null;
    this.source = null;
    this.refusals = 0;
    this.timer = null;
  }

  start() {
    this.open();
  }

  stop() {
    this.closed = true;
    clearTimeout(this.timer);
    this.source?.close();
    this.setState('stopped');
  }

  open() {
    if (this.closed) {
      return;
    }
    // The first connection reads the whole log (the server replays it); ours after a refusal continue after the
    // last event rendered; the browser's own reconnects send Last-Event-ID. `seen` drops anything repeated.
    const after = this.lastId ? `${this.url.includes('?') ? '&' : '?'}after=${encodeURIComponent(this.lastId)}` : '';
    const source = new EventSource(`${this.url}${after}`, { withCredentials: true });
    this.source = source;
    this.setState(this.lastId ? 'reconnecting' : 'connecting');
    source.addEventListener('open', () => {
      this.refusals = 0;
      this.setState('live');
    });
    for (const kind of KINDS) {
      source.addEventListener(kind, (event) => this.receive(kind, event));
    }
  }

  receive(kind, event) {
    if (!(event instanceof MessageEvent)) {
      // Only `error` can be a plain Event: the connection's, not the server's.
      this.connectionError();
      return;
    }
    const id = event.lastEventId || null;
    if (id !== null) {
      if (this.seen.has(id)) {
        return; // replayed after a reconnect or a reload
      }
      this.seen.add(id);
      this.lastId = id;
    }
    let data;
    try {
      data = JSON.parse(event.data);
    } catch (e) {
      data = { text: String(event.data) };
    }
    if (kind === 'end') {
      this.closed = true;
      this.source.close(); // otherwise EventSource reconnects to a finished stream forever
      this.setState('ended');
    }
    this.onEvent(kind, data, id);
  }

  connectionError() {
    if (this.closed) {
      this.source?.close();
      return;
    }
    if (this.source.readyState !== EventSource.CLOSED) {
      this.setState('reconnecting'); // the browser is already trying again
      return;
    }
    // The server refused the stream (401, 404, 5xx): EventSource gives up, so we try again, backing off.
    this.source.close();
    this.setState('retrying');
    const delay = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** this.refusals);
    this.refusals += 1;
    this.timer = setTimeout(async () => {
      if (!this.closed && await this.beforeRetry()) {
        this.open();
      }
    }, delay);
  }

  setState(state) {
    if (state !== this.state) {
      this.state = state;
      this.onState(state);
    }
  }
}
