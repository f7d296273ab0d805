// The page's notice line: one message at a time, announced politely, dismissable.
import { el, replace } from './dom.js';

/** Shows `message` (kind: info, success, error) with a Dismiss button; an empty message hides the notice. */
export function notify(message, kind = 'info') {
  const box = document.getElementById('notice');
  box.className = `notice ${kind}`;
  replace(box, el('span', { class: 'notice-text', text: message }),
    el('button', {
      type: 'button', class: 'secondary small dismiss', 'aria-label': 'Dismiss this message', text: 'Dismiss',
      onClick: () => clearNotice(),
    }));
  box.hidden = !message;
}

export function clearNotice() {
  const box = document.getElementById('notice');
  replace(box);
  box.hidden = true;
}
