// The environment variable rows of the deploy form. A hand-off link declares keys: their rows come filled in,
// their names fixed, their values required and typed blind (sensitive) until the user says otherwise.
import { el } from './dom.js';

const $ = (id) => document.getElementById(id);

let rows = 0;

/** Adds a row; `declared` rows keep their name and need a value. */
export function addEnvRow({ key = '', value = '', sensitive = false, declared = false, focus = true } = {}) {
  const index = rows;
  rows += 1;
  const valueInput = el('input', {
    class: 'env-value', id: `env-value-${index}`, autocomplete: 'off', spellcheck: 'false',
    type: sensitive ? 'password' : 'text', value, required: declared,
  });
  const keyInput = el('input', {
    class: 'env-key', id: `env-key-${index}`, placeholder: 'NAME', autocomplete: 'off', spellcheck: 'false',
    value: key, readonly: declared,
  });
  const sensitiveBox = el('input', { type: 'checkbox', class: 'env-sensitive', id: `env-sensitive-${index}` });
  sensitiveBox.checked = sensitive;
  // Sensitive values are typed blind, like passwords.
  sensitiveBox.addEventListener('change', () => { valueInput.type = sensitiveBox.checked ? 'password' : 'text'; });
  const row = el('div', { class: 'env-row', dataset: declared ? { declared: 'true' } : {} },
    el('label', { for: `env-key-${index}`, class: 'visually-hidden', text: `Variable ${index + 1} name` }),
    keyInput,
    el('label', { for: `env-value-${index}`, class: 'visually-hidden', text: `Variable ${index + 1} value` }),
    valueInput,
    el('label', { class: 'inline', for: `env-sensitive-${index}` }, sensitiveBox, ' Sensitive'),
    declared ? el('span', { class: 'hint', text: 'asked for by the link' }) : el('button', {
      type: 'button', class: 'secondary small', 'aria-label': `Remove variable ${index + 1}`, text: 'Remove',
      onClick: () => row.remove(),
    }));
  $('env-rows').append(row);
  if (focus) {
    (declared ? valueInput : keyInput).focus();
  }
  return row;
}

/** The rows with a name or a value, in order: what the request sends, with the inputs to mark on a problem. */
export function envEntries() {
  return [...document.querySelectorAll('#env-rows .env-row')].map((row) => ({
    key: row.querySelector('.env-key').value.trim(),
    value: row.querySelector('.env-value').value,
    sensitive: row.querySelector('.env-sensitive').checked,
    declared: row.dataset.declared === 'true',
    keyInput: row.querySelector('.env-key'),
    valueInput: row.querySelector('.env-value'),
  })).filter((v) => v.key || v.value || v.declared);
}

/** After a submit the browser must not keep secrets around: sensitive values are wiped from the form. */
export function clearSensitiveValues() {
  for (const row of document.querySelectorAll('#env-rows .env-row')) {
    if (row.querySelector('.env-sensitive').checked) {
      row.querySelector('.env-value').value = '';
    }
  }
}
