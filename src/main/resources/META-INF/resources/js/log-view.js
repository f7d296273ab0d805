// The build log, built for 20,000+ lines: appends only add to a model; the DOM catches up once per animation
// frame, within a time budget, in blocks of lines that the browser skips laying out while they are off screen
// (content-visibility). It follows the end while the reader is at the bottom, stops when they scroll up, and
// offers "Jump to live". Every line has its time; status lines get their step's duration once the next one starts.
import { el, plainText } from './dom.js';
import { clockTime } from './format.js';

// How close to the bottom (px) still counts as "at the bottom": sub-pixel rounding and zoom.
const BOTTOM_SLACK_PX = 8;
// Lines per block: one block is laid out at a time when it scrolls into view.
const BLOCK = 250;
// Work per frame, including the layout that following the end forces, far below the 50 ms of a "long task": the
// lines rendered per frame adapt to what the last frame cost (a slow or busy machine renders fewer per frame).
const FRAME_BUDGET_MS = 5;
const MIN_PER_FRAME = 25;
const MAX_PER_FRAME = 2000;
// Lines kept; beyond that the oldest block goes, so a runaway build cannot exhaust memory.
const MAX_LINES = 100000;
// A scroll this soon after the reader's wheel, touch, pointer or key counts as theirs (not the log's own).
const USER_SCROLL_MS = 1000;

const ERROR_TEXT = /\b(error|failed|fatal|exception)\b/i;
const WARNING_TEXT = /\b(warn|warning|deprecated)\b/i;

export class LogView {
  constructor({ label = 'Build log' } = {}) {
    this.lines = [];
    this.nodes = [];
    this.offset = 0;
    this.rendered = 0;
    this.dropped = 0;
    this.following = true;
    this.unseen = 0;
    this.frame = 0;
    this.perFrame = 100;
    this.lastInput = 0;
    this.query = '';
    this.matches = [];
    this.listeners = new Set();
    this.list = el('div', {
      class: 'log', role: 'log', tabindex: '0', 'aria-label': label,
      // Screen readers get status changes and errors from the status line; reading every log line aloud
      // would drown them.
      'aria-live': 'off',
    });
    this.jump = el('button', {
      type: 'button', class: 'jump', hidden: true, text: 'Jump to live', onClick: () => this.follow(),
    });
    this.droppedNote = el('p', { class: 'hint', hidden: true });
    this.root = el('div', { class: 'log-wrap' }, this.droppedNote, this.list, this.jump);
    this.list.addEventListener('scroll', () => this.onScroll(), { passive: true });
    // Blocks are laid out only when they come into view (content-visibility), so a block's real height arrives
    // after the scroll to the end that revealed it: while following, every such change scrolls to the end again.
    this.blockSizes = new ResizeObserver(() => {
      if (this.following) {
        this.scrollToEnd();
      }
    });
    for (const type of ['wheel', 'touchstart', 'pointerdown', 'keydown']) {
      this.list.addEventListener(type, () => { this.lastInput = performance.now(); }, { passive: true });
    }
  }

  /** Lines appended so far (still kept). */
  get length() {
    return this.lines.length;
  }

  /** Lines in the DOM so far. */
  get renderedCount() {
    return this.rendered;
  }

  /**
   * Adds one line and returns its sequence number. `kind` is log / status / warning / error; `stream` stdout or
   * stderr; `at` the event's instant. Text is always plain text with ANSI codes stripped.
   */
  append({ id = null, kind = 'log', stream, text, at = null, note = '' }) {
    const clean = plainText(text);
    let tone = kind;
    if (kind === 'log') {
      tone = ERROR_TEXT.test(clean) ? 'error' : WARNING_TEXT.test(clean) ? 'warning'
        : stream === 'stderr' ? 'stderr' : 'log';
    }
    const seq = this.offset + this.lines.length;
    this.lines.push({ seq, id, kind, tone, text: clean, at, note });
    if (this.query && clean.toLowerCase().includes(this.query)) {
      this.matches.push(seq);
    }
    this.schedule();
    return seq;
  }

  /** Sets the note after a line's text (a status line's step duration). */
  setNote(seq, note) {
    const index = seq - this.offset;
    const line = this.lines[index];
    if (!line) {
      return;
    }
    line.note = note;
    const node = this.nodes[index];
    if (node) {
      node.querySelector('.note')?.remove();
      if (note) {
        node.append(el('span', { class: 'note', text: note }));
      }
    }
  }

  /** The log as text, one line per line: "time  text  note" (ISO instants for a download, clock times else). */
  text({ iso = false } = {}) {
    return this.lines.map((l) => {
      const time = iso ? (l.at || '') : clockTime(l.at);
      return `${time ? `${time}  ` : ''}${l.text}${l.note ? `  ${l.note}` : ''}`;
    }).join('\n');
  }

  /** Calls `listener` after every render and search change (for counts shown next to the log). */
  onChange(listener) {
    this.listeners.add(listener);
  }

  schedule() {
    if (!this.frame) {
      this.frame = requestAnimationFrame(() => this.flush());
    }
  }

  flush() {
    this.frame = 0;
    const started = performance.now();
    const before = this.rendered;
    const until = Math.min(this.lines.length, before + this.perFrame);
    while (this.rendered < until) {
      const block = this.openBlock();
      const end = Math.min(until, this.rendered + BLOCK - block.childElementCount);
      const fragment = document.createDocumentFragment();
      for (let i = this.rendered; i < end; i += 1) {
        this.nodes[i] = this.render(this.lines[i]);
        fragment.append(this.nodes[i]);
      }
      block.append(fragment);
      this.rendered = end;
    }
    if (this.rendered < this.lines.length) {
      this.schedule();
    }
    this.trim();
    if (this.following) {
      this.scrollToEnd();
    } else {
      this.unseen += this.rendered - before;
      this.jump.textContent = `Jump to live (${this.unseen} new)`;
    }
    this.listeners.forEach((listener) => listener());
    this.adapt(this.rendered - before, performance.now() - started);
  }

  /** Lines per frame from now on: fewer when this frame (`ms` for `count` lines) went over budget, more if far under. */
  adapt(count, ms) {
    if (count < this.perFrame) {
      return; // a partial frame says little about the cost of a full one
    }
    if (ms > FRAME_BUDGET_MS) {
      this.perFrame = Math.max(MIN_PER_FRAME, Math.floor(this.perFrame / 2));
    } else if (ms < FRAME_BUDGET_MS / 2) {
      this.perFrame = Math.min(MAX_PER_FRAME, Math.ceil(this.perFrame * 1.25));
    }
  }

  /** Renders every pending line now (before jumping to one of them). */
  flushAll() {
    while (this.rendered < this.lines.length) {
      this.flush();
    }
  }

  openBlock() {
    const last = this.list.lastElementChild;
    if (last && last.childElementCount < BLOCK) {
      return last;
    }
    const block = el('div', { class: 'log-block' });
    this.list.append(block);
    this.blockSizes.observe(block);
    return block;
  }

  render(line) {
    const match = this.query && line.text.toLowerCase().includes(this.query);
    return el('div', {
      class: `line tone-${line.tone}${match ? ' match' : ''}`, dataset: line.id ? { kind: line.kind, eventId: line.id } : { kind: line.kind },
    },
    el('time', { class: 'ts', datetime: line.at, text: clockTime(line.at) }),
    el('span', { class: 'text' }, this.pieces(line.text)),
    line.note ? el('span', { class: 'note', text: line.note }) : null);
  }

  /** The text, with the search query's occurrences marked. */
  pieces(text) {
    if (!this.query) {
      return [text];
    }
    const lower = text.toLowerCase();
    const out = [];
    let from = 0;
    for (let at = lower.indexOf(this.query); at >= 0; at = lower.indexOf(this.query, from)) {
      out.push(text.slice(from, at), el('mark', { text: text.slice(at, at + this.query.length) }));
      from = at + this.query.length;
    }
    out.push(text.slice(from));
    return out.filter((p) => p !== '');
  }

  trim() {
    while (this.lines.length > MAX_LINES && this.list.firstElementChild
        && this.rendered >= this.list.firstElementChild.childElementCount) {
      const first = this.list.firstElementChild;
      const count = first.childElementCount;
      this.blockSizes.unobserve(first);
      first.remove();
      this.lines.splice(0, count);
      this.nodes.splice(0, count);
      this.offset += count;
      this.rendered -= count;
      this.dropped += count;
      this.matches = this.matches.filter((seq) => seq >= this.offset);
      this.droppedNote.hidden = false;
      this.droppedNote.textContent = `The first ${this.dropped} lines are no longer shown.`;
    }
  }

  /** Marks `query` (case-insensitive) in every line; returns the sequence numbers of the matching lines. */
  search(query) {
    const previous = this.matches;
    this.query = String(query ?? '').toLowerCase();
    this.matches = this.query ? this.lines.filter((l) => l.text.toLowerCase().includes(this.query))
      .map((l) => l.seq) : [];
    const now = new Set(this.matches);
    for (const seq of new Set([...previous, ...this.matches])) {
      const index = seq - this.offset;
      const node = this.nodes[index];
      if (node) {
        node.querySelector('.text').replaceChildren(...this.pieces(this.lines[index].text));
        node.classList.toggle('match', now.has(seq));
      }
    }
    this.listeners.forEach((listener) => listener());
    return this.matches;
  }

  /** Scrolls line `seq` into view and marks it as the current match; following pauses. */
  reveal(seq) {
    this.flushAll();
    this.list.querySelector('.line.current')?.classList.remove('current');
    const node = this.nodes[seq - this.offset];
    if (!node) {
      return;
    }
    node.classList.add('current');
    this.following = false;
    this.jump.hidden = false;
    const top = node.offsetTop - this.list.clientHeight / 2;
    this.list.scrollTop = Math.max(0, top);
  }

  atBottom() {
    const l = this.list;
    return l.scrollHeight - l.scrollTop - l.clientHeight <= BOTTOM_SLACK_PX;
  }

  onScroll() {
    if (this.atBottom()) {
      this.following = true;
      this.unseen = 0;
      this.jump.hidden = true;
    } else if (performance.now() - this.lastInput < USER_SCROLL_MS) {
      // Only the reader's own scrolling pauses following; the log's layout settling never does.
      this.following = false;
      this.jump.hidden = false;
    }
  }

  follow() {
    this.following = true;
    this.unseen = 0;
    this.jump.hidden = true;
    this.jump.textContent = 'Jump to live';
    this.flushAll();
    this.scrollToEnd();
  }

  scrollToEnd() {
    this.list.scrollTop = this.list.scrollHeight;
  }
}
