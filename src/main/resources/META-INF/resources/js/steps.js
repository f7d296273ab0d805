// The deployment's steps as pills (Pending → … → Ready), each with how long it took once the next one began.
// A canceled deployment marks the step it stopped in as canceled (⊘), a failed one as failed (✗), a timed-out
// one as timed out: three different outcomes, three different marks.
import { el } from './dom.js';
import { between, formatDuration, statusWord } from './format.js';

const STEPS = ['PENDING', 'UPLOADING', 'QUEUED', 'BUILDING', 'DEPLOYING', 'READY'];
const ENDED = { FAILED: 'failed', CANCELED: 'canceled', TIMED_OUT: 'timed-out' };

export class StepsView {
  constructor() {
    this.started = new Map(); // step → instant it began
    this.items = STEPS.map((s) => el('li', { dataset: { step: s } },
      el('span', { class: 'step-name', text: statusWord(s) }), el('span', { class: 'step-time' })));
    this.root = el('ol', { class: 'steps', 'aria-label': 'Deployment steps' }, this.items);
    this.reached = -1;
  }

  /** A status reported at `at`: the steps before it are done, it is active (or ended, for a terminal one). */
  show(status, at, finishedAt) {
    const index = STEPS.indexOf(status);
    if (index >= 0 && at && !this.started.has(status)) {
      this.started.set(status, at);
    }
    this.reached = Math.max(this.reached, index);
    const outcome = ENDED[status];
    const current = outcome ? Math.max(this.reached, 0) : index;
    this.items.forEach((li, i) => {
      let state = '';
      if (status === 'READY' || i < current) {
        state = 'done';
      } else if (i === current) {
        state = outcome || 'active';
      }
      li.className = state;
      if (state === 'active') {
        li.setAttribute('aria-current', 'step');
      } else {
        li.removeAttribute('aria-current');
      }
      li.querySelector('.step-name').textContent = outcome && i === current
        ? `${statusWord(STEPS[i])}: ${statusWord(status).toLowerCase()}` : statusWord(STEPS[i]);
    });
    this.durations(finishedAt);
  }

  /** Each step lasted until the next one it reached began (the last one until the deployment finished). */
  durations(finishedAt) {
    const begun = STEPS.filter((s) => this.started.has(s));
    begun.forEach((step, i) => {
      const end = i + 1 < begun.length ? this.started.get(begun[i + 1]) : finishedAt;
      const took = step === 'READY' ? null : between(this.started.get(step), end);
      this.items[STEPS.indexOf(step)].querySelector('.step-time').textContent = took === null ? ''
        : ` ${formatDuration(took)}`;
    });
  }
}
