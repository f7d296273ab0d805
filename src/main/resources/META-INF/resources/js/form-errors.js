// Validation problems, in words, next to the fields they are about: each field is marked (aria-invalid) and
// described by its message; the list under the form names the fields by their labels, not by request paths.

const KEY_RULE = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const ENV_KEY_WORDS = 'use letters, digits and _, and do not start with a digit';

/** The env key rule of the server (scaffold's EnvVarRules), checked before sending. */
export function envKeyProblem(key) {
  if (!key) {
    return 'a name is required';
  }
  return KEY_RULE.test(key) ? null : ENV_KEY_WORDS;
}

/** A server message without the regular expressions some rules quote ("must match ^[a-z]+$ (letters)"). */
export function inWords(message) {
  return String(message ?? '')
    .replace(/\s*must match \S+\s*\(([^)]*)\)/, (m, words) => ` may only ${words.startsWith('use') ? '' : 'use '}${words}`)
    .replace(/\s*\^\S*\$\s*/g, ' ')
    .trim();
}

/**
 * Marks `control` invalid with `message` (shown after it, and read out with it). `label` names it in the summary.
 * Returns the summary line.
 */
export function markInvalid(control, label, message) {
  const text = `${label}: ${message}`;
  if (!control) {
    return text;
  }
  control.setAttribute('aria-invalid', 'true');
  const id = `${control.id || control.name}-error`;
  let note = document.getElementById(id);
  if (!note) {
    note = document.createElement('p');
    note.className = 'field-error';
    note.id = id;
    (control.closest('.env-row, .field, fieldset') || control.parentElement).append(note);
  }
  note.textContent = message;
  const described = new Set((control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
  described.add(id);
  control.setAttribute('aria-describedby', [...described].join(' '));
  return text;
}

/** Removes every mark inside `form`. */
export function clearMarks(form) {
  for (const control of form.querySelectorAll('[aria-invalid]')) {
    control.removeAttribute('aria-invalid');
    const note = document.getElementById(`${control.id || control.name}-error`);
    const kept = (control.getAttribute('aria-describedby') || '').split(' ').filter((d) => d && d !== note?.id);
    if (kept.length) {
      control.setAttribute('aria-describedby', kept.join(' '));
    } else {
      control.removeAttribute('aria-describedby');
    }
    note?.remove();
  }
}
