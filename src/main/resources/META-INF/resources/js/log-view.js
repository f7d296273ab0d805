// The live build log: appends lines as plain text, follows the end of the log while the reader is at the bottom,
// stops following when they scroll up, and offers "Jump to live" to resume.
import { el, plainText } from './dom.js';

// How close to the bottom (px) still counts as "at the bottom": sub-pixel rounding and zoom.
const BOTTOM_SLACK_PX = 8;
// Lines kept in the page; older ones are dropped so a very long build cannot exhaust memory.
const MAX_LINES = 5000;

const ERROR_TEXT = /\b(error|failed|fatal|exception)\b/i;
const WARNING_TEXT = /\b(warn|warning|deprecated)\b/i;

export class LogView {
  constructor() {
    this.following = true;
    this.unseen = 0;
    this.list = el('ol', {
      class: 'log', role: 'log', tabindex: '0', 'aria-label': 'Build log',
      // Screen readers get status changes and errors from the status line; reading every log line aloud
      // would drown them.
      'aria-live': 'off',
    });
    this.jump = el('button', {
      type: 'button', class: 'jump', hidden: true, text: 'Jump to live',
      onClick: () => this.follow(),
    });
    this.root = el('div', { class: 'log-wrap' }, this.list, this.jump);
    this.list.addEventListener('scroll', () => this.onScroll());
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
    } else {
      // Appends scroll to the end synchronously, so any scroll that leaves the bottom is the reader's.
      this.following = false;
      this.jump.hidden = false;
    }
  }

  follow() {
    this.following = true;
    this.unseen = 0;
    this.jump.hidden = true;
    this.scrollToEnd();
  }

  scrollToEnd() {
    this.list.scrollTop = this.list.scrollHeight;
  }

  /**
   * Adds one line. `kind` is log / status / warning / error; `stream` stdout or stderr. Text is always set with
   * textContent after ANSI codes are stripped.
   */
  append({ id, kind = 'log', stream, text }) {
    const clean = plainText(text);
    let tone = kind;
    if (kind === 'log') {
      tone = ERROR_TEXT.test(clean) ? 'error' : WARNING_TEXT.test(clean) ? 'warning' : stream === 'stderr' ? 'stderr' : 'log';
    }
    const line = el('li', { class: `line tone-${tone}`, dataset: { kind, ...(id ? { eventId: id } : {}) } });
    line.textContent = clean;
    this.list.append(line);
    while (this.list.childElementCount > MAX_LINES) {
      this.list.firstElementChild.remove();
    }
    if (this.following) {
      this.scrollToEnd();
    } else {
      this.unseen += 1;
      this.jump.textContent = `Jump to live (${this.unseen} new)`;
    }
  }
}
